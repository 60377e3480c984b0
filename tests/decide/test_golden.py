"""Every golden case in cases/decisions/ gets its decision; together they cover every rule and row."""

from __future__ import annotations

from pathlib import Path

import pytest
from decide_support import CASES

from permitlogic.golden.decision_file import CaseResult, case_files, run_file
from permitlogic.models.decision import DeferralDecision, GreenChannelDecision
from permitlogic.packs.deferral import bundled_deferral_pack
from permitlogic.packs.green_channel import bundled_green_channel_pack

FILES = case_files(CASES)

GREEN_ROWS = {
    "eligible",
    "eligible/designated-emergency",
    "not_eligible/ordinary",
    "not_eligible/undesignated-emergency",
    "not_eligible/baseline",
}
DEFERRAL_ROWS = {
    "reject/unlisted-item",
    "reject/unknown-material",
    "notice/core-missing",
    "notice/no-commitment",
    "notice/blacklisted",
    "notice/forbidden-item",
    "notice/forbidden-department",
    "accept_with_deferral",
    "accept",
    "error/no-holiday-data",
}


def _all_results() -> list[CaseResult]:
    return [result for path in FILES for result in run_file(path)]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_case_gets_its_decision(path: Path) -> None:
    failures = [
        f"{result.case.name}: {'; '.join(result.mismatches)}"
        for result in run_file(path)
        if not result.passed
    ]
    assert not failures, "\n".join(failures)


def test_cases_cover_every_row_of_the_decision_tables() -> None:
    covered = {row for result in _all_results() if result.passed for row in result.case.rows}
    assert covered >= GREEN_ROWS | DEFERRAL_ROWS, sorted((GREEN_ROWS | DEFERRAL_ROWS) - covered)


def test_cases_cover_every_rule_met_and_unmet() -> None:
    met: set[str] = set()
    unmet: set[str] = set()
    for result in _all_results():
        decision = result.decision
        if isinstance(decision, GreenChannelDecision):
            met.update(decision.met)
            unmet.update(c.rule for c in decision.unmet)
        elif isinstance(decision, DeferralDecision):
            met.update(decision.met)
            unmet.update(c.rule for c in decision.reasons)
    rules = set(bundled_green_channel_pack().rule_ids()) | set(bundled_deferral_pack().rule_ids())
    assert rules - met == set()
    assert rules - unmet == set()
