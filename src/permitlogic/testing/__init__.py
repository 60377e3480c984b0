"""Property testing for rule packs: hypothesis strategies and ready properties.

``permitlogic.testing.strategies``: ``catalogs()``, ``projects()``,
``applications(catalog)``, ``reference_lists(catalog)``.
``permitlogic.testing.properties``: properties that take a rules directory and
run as hypothesis tests (``run_all("rules/")`` runs every one).
"""

from __future__ import annotations

from permitlogic.testing import properties, strategies
from permitlogic.testing.packs import Packs
from permitlogic.testing.properties import PROPERTIES, Property, run_all
from permitlogic.testing.strategies import applications, catalogs, projects, reference_lists

__all__ = [
    "PROPERTIES",
    "Packs",
    "Property",
    "applications",
    "catalogs",
    "projects",
    "properties",
    "reference_lists",
    "run_all",
    "strategies",
]
