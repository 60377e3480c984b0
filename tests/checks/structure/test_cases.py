"""The bundled cases: flawed-county raises every structure and basis check on the planted
items (each check's fixture folder lists them in flawed-county.yaml); demo-county raises
none of them."""

from __future__ import annotations

from pathlib import Path

import yamlio
from check_fixtures import AREAS, FIXTURES
from permitlogic.check_runner import check
from permitlogic.load.catalog import load_catalog
from permitlogic.load.reference import load_reference

CASES = Path(__file__).resolve().parents[3] / "cases"

PLANTED_FILE = "flawed-county.yaml"
"""Beside a check's fixtures: the findings it gives on the flawed county, by their items."""


def planted() -> dict[str, list[list[str]]]:
    """What each check must find in cases/flawed-county.yaml, from the checks' fixture folders."""
    found: dict[str, list[list[str]]] = {}
    for path in sorted(FIXTURES.glob(f"*/{PLANTED_FILE}")):
        if not path.parent.name.startswith(AREAS):
            continue
        data = yamlio.load(path.read_text(encoding="utf-8"))
        found[path.parent.name] = [list(items) for items in data["planted"]]
    return found


def test_flawed_county_raises_each_check_on_exactly_the_planted_items() -> None:
    reference = load_reference(CASES / "reference-2026.yaml")
    report = check(
        load_catalog(CASES / "flawed-county.yaml"), select=list(AREAS), reference=reference
    )
    found: dict[str, list[list[str]]] = {}
    for finding in report.findings:
        found.setdefault(finding.rule, []).append(finding.items)
    assert {rule: sorted(items) for rule, items in found.items()} == {
        rule: sorted(items) for rule, items in planted().items()
    }
    witness = next(f.witness for f in report.findings if f.rule == "PL205")
    assert witness is not None and witness["reference"] == "母婴保健技术服务执业许可"


def test_demo_county_raises_none_of_them_in_any_format() -> None:
    reference = load_reference(CASES / "reference-2026.yaml")
    for name in ("demo-county.yaml", "demo-county.xlsx", "demo-county.csv"):
        report = check(load_catalog(CASES / name), select=list(AREAS), reference=reference)
        assert report.findings == [], name
