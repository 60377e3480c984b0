"""SARIF 2.1.0: valid against the schema vendored here, results pointing into the catalog.

sarif-schema-2.1.0-rtm.5.json is the SARIF 2.1.0 schema as the SARIF SDK
publishes it (npm package @microsoft/jest-sarif 1.0.0-beta.0,
lib/schemas/sarif-2.1.0-rtm.5.json, MIT), byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from permitlogic.checks.registry import all_checks
from permitlogic.models.report import Finding, Location, Severity
from permitlogic.report import sarif
from permitlogic.report.context import RenderInput
from permitlogic.report.findings import RULE_FIELD

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCHEMA = json.loads((HERE / "sarif-schema-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


def validate(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_the_vendored_schema_rejects_what_it_should() -> None:
    with pytest.raises(AssertionError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})
    with pytest.raises(AssertionError):
        validate({"version": "2.0.0", "runs": []})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fixture_catalog_validates(checked: Callable[..., RenderInput], lang: str) -> None:
    inp = checked(HERE / "fixtures" / "county.yaml", lang)
    log = json.loads(sarif.render([inp]))
    validate(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == len(inp.report.findings) > 0


@pytest.mark.parametrize("case", ["flawed-county.yaml", "demo-county.yaml"])
def test_bundled_cases_validate(checked: Callable[..., RenderInput], case: str) -> None:
    inp = checked(ROOT / "cases" / case)
    log = json.loads(sarif.render([inp]))
    validate(log)
    assert len(log["runs"][0]["results"]) == len(inp.report.findings)


def test_rules_carry_their_docs(checked: Callable[..., RenderInput]) -> None:
    inp = checked(HERE / "fixtures" / "county.yaml")
    run = sarif.sarif_log([inp])["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(all_checks())
    for rule in rules:
        meta = all_checks()[rule["id"]].meta
        assert rule["help"]["text"] == meta.doc_zh
        assert rule["properties"]["doc_en"] == meta.doc_en
        assert rule["properties"]["citation"] == meta.citation
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_point_at_the_field_of_the_item(checked: Callable[..., RenderInput]) -> None:
    path = HERE / "fixtures" / "county.yaml"
    inp = checked(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = {
        line.strip()[len("- id: ") :]: n
        for n, line in enumerate(lines, start=1)
        if line.startswith("  - id: ")
    }
    run = sarif.sarif_log([inp])["runs"][0]
    assert run["artifacts"][0]["location"]["uri"] == path.as_uri()
    for result, finding in zip(run["results"], inp.report.findings, strict=True):
        location = result["locations"][0]
        line = location["physicalLocation"]["region"]["startLine"]
        first = finding.items[0]
        following = [n for n in starts.values() if n > starts[first]]
        assert starts[first] <= line < min(following, default=len(lines) + 1)
        field = RULE_FIELD.get(finding.rule)
        text = lines[line - 1].strip()
        if field is not None and text != f"- id: {first}":
            assert text.startswith(f"{field}:")
            assert location["properties"]["key"].endswith(f".{field}")
        assert location["logicalLocations"][-1]["name"] == first
        for related in result.get("relatedLocations", []):
            line = related["physicalLocation"]["region"]["startLine"]
            assert lines[line - 1].strip() == f"- id: {related['logicalLocations'][-1]['name']}"
    promised = [r for r in run["results"] if r["ruleId"] == "PL202"]
    assert promised, "county.yaml has an item without basis"


def test_levels_follow_severity(county: RenderInput) -> None:
    results = sarif.sarif_log([county])["runs"][0]["results"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [r["level"] for r in results] == [
        levels[f.severity.value] for f in county.report.findings
    ]


def test_spreadsheet_findings_name_the_cell(county: RenderInput) -> None:
    finding = Finding(
        rule="PL301",
        name="promise-exceeds-statute",
        severity=Severity.error,
        items=["JS-001"],
        department="县住房和城乡建设局",
        message_zh="承诺时限超过法定时限",
        message_en="promise exceeds the statute",
        citation="《中华人民共和国行政许可法》第四十二条",
        location=Location(
            file="目录/示范县 2026.xlsx", sheet="事项", row=7, header="承诺时限", cell="G7"
        ),
    )
    report = county.report.model_copy(update={"findings": [finding]})
    workbook = report.catalog.model_copy(update={"source": "目录/示范县 2026.xlsx"})
    inp = RenderInput(
        report.model_copy(update={"catalog": workbook}), county.catalog, None, county.pack, "zh"
    )
    log = sarif.sarif_log([inp])
    validate(log)
    run = log["runs"][0]
    assert run["artifacts"][0]["mimeType"].endswith("spreadsheetml.sheet")
    location = run["results"][0]["locations"][0]
    assert "region" not in location["physicalLocation"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == (
        "%E7%9B%AE%E5%BD%95/%E7%A4%BA%E8%8C%83%E5%8E%BF%202026.xlsx"
    )
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "事项!G7"
    assert location["properties"] == {"sheet": "事项", "row": 7, "cell": "G7", "header": "承诺时限"}


def test_a_real_workbook_finding_names_its_cell(
    tmp_path: Path, checked: Callable[..., RenderInput]
) -> None:
    book = openpyxl.load_workbook(ROOT / "cases" / "demo-county.xlsx")
    sheet = book["事项"]
    header = [str(c.value or "") for c in sheet[1]]
    column = next(i for i, h in enumerate(header, start=1) if h.startswith("设定依据"))
    sheet.cell(row=2, column=column).value = None
    path = tmp_path / "draft.xlsx"
    book.save(path)
    inp = checked(path)
    log = sarif.sarif_log([inp])
    validate(log)
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "PL202")
    location = result["locations"][0]
    cell = f"{get_column_letter(column)}2"
    assert location["logicalLocations"][0]["fullyQualifiedName"] == f"事项!{cell}"
    assert location["properties"]["cell"] == cell
    assert location["properties"]["header"].startswith("设定依据")
    assert "region" not in location["physicalLocation"]


def test_fingerprints_are_stable_and_distinct(county: RenderInput) -> None:
    first = sarif.sarif_log([county])["runs"][0]["results"]
    again = sarif.sarif_log([county])["runs"][0]["results"]
    prints = [r["partialFingerprints"]["permitlogic/v1"] for r in first]
    assert prints == [r["partialFingerprints"]["permitlogic/v1"] for r in again]
    keys = {(f.rule, tuple(f.items)) for f in county.report.findings}
    assert len(set(prints)) == len(keys)


def test_cli_writes_sarif(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from permitlogic.cli import app

    out = tmp_path / "report.sarif"
    result = CliRunner().invoke(
        app,
        ["check", str(ROOT / "cases" / "flawed-county.yaml"), "--format", "sarif", "-o", str(out)],
    )
    assert result.exit_code == 1, result.output
    validate(json.loads(out.read_text(encoding="utf-8")))
