"""The bundled cases: flawed-county raises every structure and basis check on the planted
items (its header lists them); demo-county raises none of them."""

from __future__ import annotations

from pathlib import Path

from check_fixtures import AREAS
from permitlogic.check_runner import check
from permitlogic.load.catalog import load_catalog
from permitlogic.load.reference import load_reference

CASES = Path(__file__).resolve().parents[3] / "cases"

PLANTED: dict[str, list[list[str]]] = {
    "PL101": [["ZR-003", "JS-003"], ["SJ-002"], ["SJ-010", "XF-001", "WL-001"]],
    "PL102": [
        ["JS-004", "HB-002"],
        ["JS-004"],
        ["JS-004", "JS-013"],
        ["HB-002", "SL-001"],
        ["SJ-009"],
    ],
    "PL103": [["JS-004", "JS-013"]],
    "PL104": [["FG-002", "WJ-008"], ["WJ-003", "SJ-011"]],
    "PL105": [["HB-004"], ["SJ-007"]],
    "PL106": [["HB-003"]],
    "PL107": [["WJ-001", "WJ-011"]],
    "PL108": [["JS-008", "SJ-012"]],
    "PL109": [["JS-004", "FG-001"]],
    "PL110": [["SJ-001", "SJ-013"]],
    "PL111": [["WJ-003", "SP-031"]],
    "PL201": [["JS-012"], ["JS-013"], ["HB-010"]],
    "PL202": [["SJ-005"]],
    "PL203": [["WJ-008"]],
    "PL204": [["HB-011"]],
    "PL205": [[]],
    "PL206": [["JT-005"], ["SP-031"]],
}


def test_flawed_county_raises_each_check_on_exactly_the_planted_items() -> None:
    reference = load_reference(CASES / "reference-2026.yaml")
    report = check(
        load_catalog(CASES / "flawed-county.yaml"), select=list(AREAS), reference=reference
    )
    found: dict[str, list[list[str]]] = {}
    for finding in report.findings:
        found.setdefault(finding.rule, []).append(finding.items)
    assert {rule: sorted(items) for rule, items in found.items()} == {
        rule: sorted(items) for rule, items in PLANTED.items()
    }
    witness = next(f.witness for f in report.findings if f.rule == "PL205")
    assert witness is not None and witness["reference"] == "母婴保健技术服务执业许可"


def test_demo_county_raises_none_of_them_in_any_format() -> None:
    reference = load_reference(CASES / "reference-2026.yaml")
    for name in ("demo-county.yaml", "demo-county.xlsx", "demo-county.csv"):
        report = check(load_catalog(CASES / name), select=list(AREAS), reference=reference)
        assert report.findings == [], name
