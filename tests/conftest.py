"""Shared test settings: hypothesis profiles, paths to the bundled data, the order of the run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
# Helper modules of this folder (sizes, browser_support, check_fixtures) import by name.
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))
CASES = ROOT / "cases"
RULES = ROOT / "rules"

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


FIRST = ("slow", "browser")
"""Markers of the tests that run for seconds: they start first."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests first, every other in its collected order.

    pytest-xdist hands each worker a share of the list and lets an idle worker
    take tests from another's; with the long ones first, the run ends on short
    tests, and neither core waits for one long test at the end.
    """
    items.sort(key=lambda item: not any(item.get_closest_marker(name) for name in FIRST))
