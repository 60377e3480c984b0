"""Every time check (PL3xx) against its fixture pair: the exact findings, then none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from permitlogic.checks.registry import all_checks
from permitlogic.load.catalog import load_catalog
from permitlogic.models.report import Report
from permitlogic.runner import check

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "checks"
DIRS = sorted(d for d in FIXTURES.iterdir() if d.is_dir() and d.name.startswith("PL3"))


def essentials(report: Report) -> list[dict[str, Any]]:
    """What a fixture pins of each finding: rule, severity, items, witness, the fix's changes."""
    pinned = []
    for finding in report.findings:
        entry: dict[str, Any] = {
            "rule": finding.rule,
            "severity": finding.severity.value,
            "items": finding.items,
            "witness": finding.witness,
        }
        if finding.fix is not None and finding.fix.changes:
            entry["changes"] = [change.model_dump() for change in finding.fix.changes]
        pinned.append(entry)
    return pinned


def test_every_time_check_has_a_fixture_pair() -> None:
    assert {c for c in all_checks() if c.startswith("PL3")} == {d.name for d in DIRS}
    for directory in DIRS:
        for name in ("fail.yaml", "pass.yaml", "expected.yaml"):
            assert (directory / name).is_file(), directory / name


@pytest.mark.parametrize("directory", DIRS, ids=[d.name for d in DIRS])
def test_fail_fixture_gives_exactly_the_expected_findings(directory: Path) -> None:
    report = check(load_catalog(directory / "fail.yaml"), select=[directory.name])
    expected = yaml.safe_load((directory / "expected.yaml").read_text(encoding="utf-8"))
    assert essentials(report) == expected["findings"]
    for finding in report.findings:
        assert finding.message_zh and finding.message_en and finding.citation
        assert finding.fix is not None and finding.fix.message_zh and finding.fix.message_en


@pytest.mark.parametrize("directory", DIRS, ids=[d.name for d in DIRS])
def test_pass_fixture_gives_no_finding(directory: Path) -> None:
    report = check(load_catalog(directory / "pass.yaml"), select=[directory.name])
    assert report.findings == []
