"""The fixture pairs under tests/fixtures/checks/PL1xx and PL2xx, and how to run one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from permitlogic.load.catalog import load_catalog
from permitlogic.load.reference import load_reference
from permitlogic.models.report import Report
from permitlogic.runner import check

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "checks"
AREAS = ("PL1", "PL2")
"""This suite's checks: structure (PL1xx) and legal basis (PL2xx)."""


def fixture_dirs() -> list[Path]:
    return sorted(
        d
        for d in FIXTURES.iterdir()
        if d.is_dir() and d.name.startswith(AREAS) and d.name != "PL001"
    )


def run(directory: Path, name: str, select: list[str]) -> Report:
    """The report of ``directory/name`` with only ``select``, and the directory's reference list."""
    reference_file = directory / "reference.yaml"
    reference = load_reference(reference_file) if reference_file.exists() else None
    return check(load_catalog(directory / name), select=select, reference=reference)


def essentials(report: Report) -> list[dict[str, Any]]:
    """What a fixture pins of each finding: rule, severity, items, witness."""
    return [
        {
            "rule": f.rule,
            "severity": f.severity.value,
            "items": f.items,
            "witness": f.witness,
        }
        for f in report.findings
    ]


def expected(directory: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load((directory / "expected.yaml").read_text(encoding="utf-8"))
    findings: list[dict[str, Any]] = data["findings"]
    return findings
