"""A county's broken copy of a rule pack is caught twice: by the golden cases and by a property.

Three ways a county could break the bundled packs: drop the dust-control
deposit of urban projects (green-channel.yaml, GC-2c), give the one-time
notice ten working days (deferral.yaml; Art. 32 allows five), or stop
excluding blacklisted applicants from deferral (deferral.yaml).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from permitlogic.cli import app
from permitlogic.golden import Status, run_golden
from permitlogic.testing import properties

CASES = Path(__file__).resolve().parents[2] / "cases"


def failed_cases(packs: Path) -> dict[str, list[str]]:
    run = run_golden(CASES, packs=packs)
    return {o.node_id: o.reasons for o in run.outcomes if o.status is Status.failed}


def test_the_shipped_packs_pass_every_golden_case() -> None:
    assert failed_cases(CASES.parent / "rules") == {}


def test_dropping_the_urban_dust_deposit_fails_the_golden_cases(no_dust_deposit: Path) -> None:
    failed = failed_cases(no_dust_deposit)
    example = (
        "decisions/green-channel.yaml::县城区项目未缴纳施工扬尘控制保证金（decisions.md 示例）"
    )
    assert example in failed
    assert "decision: expected not_eligible, got eligible" in failed[example]
    assert "unmet: expected ['GC-2c'], got []" in failed[example]
    assert all(node.startswith("decisions/green-channel.yaml::") for node in failed)


def test_dropping_the_urban_dust_deposit_fails_the_baseline_property(no_dust_deposit: Path) -> None:
    with pytest.raises(AssertionError, match="dust_deposit_paid") as caught:
        properties.green_channel_keeps_the_baseline(no_dust_deposit, max_examples=10)
    # The message names the project it failed on: in the county town, deposit unpaid.
    assert '"urban":true' in str(caught.value)
    assert '"dust_deposit_paid":false' in str(caught.value)


def test_a_ten_day_notice_fails_the_golden_cases(ten_day_notice: Path) -> None:
    failed = failed_cases(ten_day_notice)
    case = "decisions/deferral.yaml::缺核心要件：一次性告知，5 个工作日内送达"
    assert "notice_due: expected 2026-02-27, got 2026-03-05" in failed[case]
    # The county's own pack (cases/decisions/data/rules-county) is not the one under test.
    assert not any("deferral-county-pack" in node for node in failed)


def test_a_ten_day_notice_fails_the_deadline_property(ten_day_notice: Path) -> None:
    with pytest.raises(AssertionError, match="第三十二条"):
        properties.deadlines_are_sane(ten_day_notice, max_examples=10)


def test_deferring_for_blacklisted_applicants_fails_the_golden_cases(
    blacklisted_deferred: Path,
) -> None:
    failed = failed_cases(blacklisted_deferred)
    case = "decisions/deferral.yaml::失信（黑名单）申请人只缺非核心要件：一次性告知，不予容缺"
    assert "decision: expected notice, got accept_with_deferral" in failed[case]


def test_deferring_for_blacklisted_applicants_fails_the_law_property(
    blacklisted_deferred: Path,
) -> None:
    with pytest.raises(AssertionError, match="blacklisted applicant was granted deferral"):
        properties.deferral_keeps_the_law(blacklisted_deferred, max_examples=10)


def test_the_command_line_catches_the_broken_pack_both_ways(no_dust_deposit: Path) -> None:
    runner = CliRunner()
    cases = runner.invoke(
        app, ["test", str(CASES), "--packs", str(no_dust_deposit), "--lang", "en"]
    )
    assert cases.exit_code == 1, cases.output
    assert "- unmet: [GC-2c]" in cases.output and "+ unmet: []" in cases.output
    props = runner.invoke(
        app,
        [
            "test",
            "--properties",
            "--packs",
            str(no_dust_deposit),
            "--max-examples",
            "5",
            "-k",
            "green_channel",
            "--jobs",
            "2",
        ],
    )
    # The failure and its smallest example come back from the property's own process.
    assert props.exit_code == 1, props.output
    assert "properties::green_channel_keeps_the_baseline FAILED" in props.output
    assert "properties::green_channel_is_monotone PASSED" in props.output
    assert "dust_deposit_paid" in props.output
