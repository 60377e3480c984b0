"""Golden cases: YAML files under ``cases/`` that say what the checks and decisions must give.

``permitlogic test [DIR]`` runs them (check cases, ``kind: check``, here;
decision cases through permitlogic.golden.decision_file), shows a diff of expected
against actual for each failure, writes JUnit XML, and measures which checks,
pack rules and decision-table rows the cases exercise (``--coverage``).
"""

from __future__ import annotations

from permitlogic.golden.coverage import Coverage, CoverageEntry, coverage
from permitlogic.golden.outcome import CaseOutcome, DiffLine, Side, Status, Unit
from permitlogic.golden.suite import GoldenRun, run_golden
from permitlogic.golden.targets import Targets

__all__ = [
    "CaseOutcome",
    "Coverage",
    "CoverageEntry",
    "DiffLine",
    "GoldenRun",
    "Side",
    "Status",
    "Targets",
    "Unit",
    "coverage",
    "run_golden",
]
