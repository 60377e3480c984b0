"""Hypothesis strategies for approval catalogs, green-channel projects and 容缺受理 applications.

>>> from hypothesis import given
>>> from permitlogic.testing.strategies import catalogs
>>> @given(catalogs(max_items=30, defects=["cycle", "piggyback"]))
... def test_my_check(catalog): ...

``catalogs()`` draws valid catalogs (they validate as ``Catalog``) of
realistic shape: departments and item names of a county, mostly licenses
with a lawful basis, promises within the statute and cut by 30%, a
prerequisite DAG across departments, project chains in stages. ``defects``
names the defects it may plant on top (DEFECTS), each as a county draft
would carry it; ``max_defects`` bounds how many.

One module per thing drawn: ``catalog`` (items and prerequisites),
``chains`` (project chains in stages), ``defects`` (what a county draft gets
wrong), ``project``, ``application``, ``reference``; ``choices`` holds the
cheap draws they share.
"""

from __future__ import annotations

from permitlogic.testing.strategies.application import (
    UNKNOWN_MATERIAL,
    UNLISTED_ITEM,
    applications,
)
from permitlogic.testing.strategies.catalog import catalogs
from permitlogic.testing.strategies.defects import DEFECTS
from permitlogic.testing.strategies.project import projects
from permitlogic.testing.strategies.reference import reference_lists

__all__ = [
    "DEFECTS",
    "UNKNOWN_MATERIAL",
    "UNLISTED_ITEM",
    "applications",
    "catalogs",
    "projects",
    "reference_lists",
]
