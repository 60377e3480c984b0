"""Every check against its fixture pair under cases/checks/examples/<ID>/:
fail.yaml gives exactly expected.yaml, pass.yaml gives none of it."""

from __future__ import annotations

import pytest

import yamlio
from check_fixtures import FIXTURES, essentials, run
from permitlogic.checks.registry import all_checks

CHECKS = all_checks()
IDS = list(CHECKS)


# Areas whose pass fixtures are clean for every check of the area; a time
# fixture's pass file is clean for its own check (its other time figures,
# e.g. department rates, are not what it demonstrates).
AREA_CLEAN = {"structure", "basis"}


def pass_codes(check_id: str) -> list[str]:
    """What a pass fixture must be clean of."""
    area = CHECKS[check_id].meta.area
    if area not in AREA_CLEAN:
        return [check_id]
    return [i for i, c in CHECKS.items() if c.meta.area == area]


def test_every_check_has_a_fixture_pair_and_nothing_else_does() -> None:
    dirs = {d.name for d in FIXTURES.iterdir() if d.is_dir() and d.name != "PL001"}
    assert dirs == set(IDS)
    for check_id in IDS:
        for name in ("fail.yaml", "pass.yaml", "expected.yaml"):
            assert (FIXTURES / check_id / name).is_file(), FIXTURES / check_id / name


@pytest.mark.parametrize("check_id", IDS)
def test_fail_fixture_gives_exactly_the_expected_findings(check_id: str) -> None:
    report = run(check_id, "fail.yaml", [check_id])
    expected = yamlio.load((FIXTURES / check_id / "expected.yaml").read_text(encoding="utf-8"))
    assert essentials(report) == expected["findings"]
    assert report.findings, "a fail fixture must fail"
    for finding in report.findings:
        assert finding.message_zh and finding.message_en and finding.citation
        assert finding.location is None or finding.location.file is not None
        if CHECKS[check_id].meta.area == "time":  # every time finding proposes a fix
            assert finding.fix is not None and finding.fix.message_zh and finding.fix.message_en


@pytest.mark.parametrize("check_id", IDS)
def test_fail_fixture_messages_name_the_items(check_id: str) -> None:
    for finding in run(check_id, "fail.yaml", [check_id]).findings:
        if finding.witness and "share" in finding.witness:
            continue  # a department's rate: the message names the department, not every item
        for item in finding.items:
            assert item in finding.message_zh
            assert item in finding.message_en


@pytest.mark.parametrize("check_id", IDS)
def test_pass_fixture_has_no_finding_of_its_area(check_id: str) -> None:
    report = run(check_id, "pass.yaml", pass_codes(check_id))
    assert essentials(report) == []
