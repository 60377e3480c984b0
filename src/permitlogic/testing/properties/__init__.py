"""Ready properties a legal office runs over its own rule packs, from pytest or the command line.

Each property takes the rules directory under test (``"rules/"``; None for the
bundled packs) and runs as a hypothesis test: it returns when every drawn
example holds and raises, with the smallest failing example, when one does
not. From pytest::

    from permitlogic.testing import properties

    def test_our_packs_keep_the_law():
        properties.run_all("rules/", max_examples=200)

or one at a time: ``properties.green_channel_keeps_the_baseline("rules/")``.
``permitlogic test --properties --packs rules/`` runs them all.

What the law fixes (1+3+2+1, 行政许可法 Art. 32, working days) is written
here, not read from the pack: a county may add conditions, never drop one.

One module per family: ``green_channel``, ``deferral`` (the decision table
and monotony), ``deadlines``, ``determinism`` (of decisions), ``checker``,
``proofs``; ``deferral_cases`` holds what the 容缺受理 properties run on,
``harness`` the settings and decorators every property shares, and
``registry`` the list of them all and ``run_all``.
"""

from __future__ import annotations

from permitlogic.testing.properties.checker import (
    checker_ignores_order,
    checker_ignores_renaming,
    checker_is_deterministic,
    checker_never_crashes,
)
from permitlogic.testing.properties.deadlines import NOTICE_LIMIT_DAYS, deadlines_are_sane
from permitlogic.testing.properties.deferral import deferral_is_monotone, deferral_keeps_the_law
from permitlogic.testing.properties.deferral_cases import (
    boundary_applications,
    boundary_catalog,
    received_window,
)
from permitlogic.testing.properties.determinism import decisions_are_deterministic
from permitlogic.testing.properties.green_channel import (
    BASELINE_FIELDS,
    GREEN_CATEGORIES,
    URBAN_DEPOSIT,
    URBAN_FIELD,
    boundary_projects,
    green_channel_is_monotone,
    green_channel_keeps_the_baseline,
)
from permitlogic.testing.properties.proofs import proofs_match_longest_path
from permitlogic.testing.properties.registry import PROPERTIES, Property, run_all

__all__ = [
    "BASELINE_FIELDS",
    "GREEN_CATEGORIES",
    "NOTICE_LIMIT_DAYS",
    "PROPERTIES",
    "URBAN_DEPOSIT",
    "URBAN_FIELD",
    "Property",
    "boundary_applications",
    "boundary_catalog",
    "boundary_projects",
    "checker_ignores_order",
    "checker_ignores_renaming",
    "checker_is_deterministic",
    "checker_never_crashes",
    "deadlines_are_sane",
    "decisions_are_deterministic",
    "deferral_is_monotone",
    "deferral_keeps_the_law",
    "green_channel_is_monotone",
    "green_channel_keeps_the_baseline",
    "proofs_match_longest_path",
    "received_window",
    "run_all",
]
