"""The sample catalogs: flawed-county raises every time check, demo-county's chains all hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from permitlogic.check_runner import check
from permitlogic.cli import app
from permitlogic.load.catalog import load_catalog

CASES = Path(__file__).resolve().parents[3] / "cases"
TIME_CHECKS = ["PL301", "PL302", "PL303", "PL304", "PL305", "PL310", "PL311", "PL312", "PL313"]


def run_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def flawed_json() -> dict[str, object]:
    code, out = run_cli("check", str(CASES / "flawed-county.yaml"), "--format", "json")
    assert code == 1
    data: dict[str, object] = json.loads(out)
    return data


def test_flawed_county_raises_every_time_check(flawed_json: dict[str, object]) -> None:
    findings = flawed_json["findings"]
    assert isinstance(findings, list)
    rules = {f["rule"] for f in findings}
    assert set(TIME_CHECKS) <= rules


def test_flawed_county_schedules_and_critical_paths(flawed_json: dict[str, object]) -> None:
    findings = flawed_json["findings"]
    assert isinstance(findings, list)
    by_rule = {f["rule"]: f for f in findings if f["rule"] in ("PL310", "PL311", "PL313")}
    stage = by_rule["PL310"]["witness"]
    assert (stage["chain"], stage["stage"], stage["total"], stage["bound"]) == (
        "gov-building",
        "立项用地规划许可",
        18,
        15,
    )
    assert stage["path"] == ["FG-004", "FG-001", "ZR-002"]
    assert stage["core"][0] == "stage:立项用地规划许可"
    whole = by_rule["PL311"]["witness"]
    assert (whole["chain"], whole["total"], whole["bound"]) == ("enterprise-industrial", 26, 20)
    assert whole["path"] == ["FG-002", "HB-002", "JS-004", "ZR-004", "JS-007"]
    assert by_rule["PL313"]["items"] == ["FG-001", "ZR-001"]
    timelines = {t["chain"]: t for t in flawed_json["timelines"]}  # type: ignore[attr-defined]
    assert timelines["gov-building"]["holds"] is False
    assert [s["worst_case_days"] for s in timelines["gov-building"]["stages"]] == [18, 8, 3, 8]
    assert timelines["municipal-road"]["holds"] is True  # its schedule holds; PL312 is the bound


def test_demo_county_has_no_time_finding_and_every_chain_holds() -> None:
    report = check(load_catalog(CASES / "demo-county.yaml"), select=["PL3"])
    assert report.findings == []
    assert report.timelines
    for timeline in report.timelines:
        assert timeline.schedulable and timeline.holds is True
        for stage in timeline.stages:
            assert stage.bound_days is None or stage.worst_case_days <= stage.bound_days
            assert stage.critical_path
        assert timeline.total_days == sum(s.worst_case_days for s in timeline.stages)


def test_demo_county_text_says_every_chain_holds_with_the_days() -> None:
    report = check(load_catalog(CASES / "demo-county.yaml"))
    code, out = run_cli("check", str(CASES / "demo-county.yaml"), "--lang", "en")
    assert code == 0
    for timeline in report.timelines:
        per_stage = ", ".join(str(s.worst_case_days) for s in timeline.stages)
        assert f"worst case per stage {per_stage} working days" in " ".join(out.split())
        assert f"{timeline.total_days} for the whole path" in " ".join(out.split())
    code, out = run_cli("check", str(CASES / "demo-county.yaml"))
    assert code == 0
    assert out.count("全部时限成立") == len(report.timelines)
