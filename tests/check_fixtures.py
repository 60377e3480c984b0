"""The per-check fixtures (cases/checks/examples/<ID>/, also golden cases) and the one way every test runs them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from permitlogic.check_runner import check
from permitlogic.load.catalog import load_catalog
from permitlogic.load.reference import load_reference
from permitlogic.models.report import Report
from permitlogic.packs.checks_pack import ChecksPack

FIXTURES = Path(__file__).resolve().parents[1] / "cases" / "checks" / "examples"
AREAS = ("PL1", "PL2")
"""This suite's checks: structure (PL1xx) and legal basis (PL2xx)."""


def run(check_id: str, name: str, select: list[str], pack: ChecksPack | None = None) -> Report:
    """The report of one fixture file with only ``select``, and the fixture's reference list."""
    directory = FIXTURES / check_id
    reference_file = directory / "reference.yaml"
    reference = load_reference(reference_file) if reference_file.exists() else None
    return check(load_catalog(directory / name), pack=pack, select=select, reference=reference)


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
