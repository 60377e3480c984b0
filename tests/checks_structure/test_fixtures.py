"""Every structure and basis check against its fixture pair: exact findings, then none."""

from __future__ import annotations

from pathlib import Path

import pytest

from permitlogic.checks.registry import all_checks

from .fixtures import AREAS, essentials, expected, fixture_dirs, run

DIRS = fixture_dirs()


def test_every_check_of_these_areas_has_a_fixture_pair() -> None:
    ids = {c for c in all_checks() if c.startswith(AREAS)}
    assert ids == {d.name for d in DIRS}
    for directory in DIRS:
        for name in ("fail.yaml", "pass.yaml", "expected.yaml"):
            assert (directory / name).is_file(), directory / name


@pytest.mark.parametrize("directory", DIRS, ids=[d.name for d in DIRS])
def test_fail_fixture_gives_exactly_the_expected_findings(directory: Path) -> None:
    report = run(directory, "fail.yaml", [directory.name])
    assert essentials(report) == expected(directory)
    for finding in report.findings:
        assert finding.message_zh and finding.message_en and finding.citation
        assert finding.location is None or finding.location.file is not None


@pytest.mark.parametrize("directory", DIRS, ids=[d.name for d in DIRS])
def test_pass_fixture_has_no_finding_of_any_structure_or_basis_check(directory: Path) -> None:
    report = run(directory, "pass.yaml", list(AREAS))
    assert essentials(report) == []


@pytest.mark.parametrize("directory", DIRS, ids=[d.name for d in DIRS])
def test_fail_fixture_messages_name_the_items(directory: Path) -> None:
    report = run(directory, "fail.yaml", [directory.name])
    for finding in report.findings:
        for item in finding.items:
            assert item in finding.message_zh
            assert item in finding.message_en
