"""How hard the suite tries: sized for a quick run by default, full in CI.

``PERMITLOGIC_TEST_FULL=1`` (set by ``.ci/run``) gives every property test its
full number of examples and the crash test its full day-book; without it each
test runs the same checks on fewer examples (the README gives the measured
time of the quick run).
"""

from __future__ import annotations

import os

FULL = os.environ.get("PERMITLOGIC_TEST_FULL", "") not in ("", "0")


def examples(full: int) -> int:
    """``full`` examples in CI; a quarter of them (at least 5) in a quick run."""
    return full if FULL else max(5, full // 4)


def scaled(full: int, quick: int) -> int:
    """``full`` in CI, ``quick`` otherwise (sizes that are not example counts)."""
    return full if FULL else quick
