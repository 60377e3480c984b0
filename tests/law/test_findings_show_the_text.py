"""Findings, the rules command, the JSON and the HTML report carry the cited article's text."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from permitlogic.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_json_findings_quote_the_article_with_its_version() -> None:
    result = runner.invoke(
        app, ["check", str(ROOT / "cases/flawed-county.yaml"), "--format", "json"]
    )
    report = json.loads(result.output)
    by_rule = {f["rule"]: f for f in report["findings"]}
    law = by_rule["PL301"]["law"]
    assert [q["ref"] for q in law] == ["xzxkf:42"]
    assert law[0]["article"] == "第四十二条" and law[0]["version"] == "2019-04-23"
    assert "可以延长十五日" in law[0]["quote"]
    assert by_rule["PL305"]["law"][0]["ref"] == "xzxkf:34"


def test_rules_command_prints_the_quote() -> None:
    result = runner.invoke(app, ["rules", "PL305"])
    assert result.exit_code == 0
    assert "《中华人民共和国行政许可法》第三十四条（2019-04-23）：" in result.output
    data = json.loads(runner.invoke(app, ["rules", "PL107", "--json"]).output)
    assert [q["ref"] for q in data["law"]] == ["yhyshjtl:40", "gbf2022_2"]
    assert "清单之外不得违法实施行政许可" in data["law"][0]["quote"]


def test_html_report_shows_the_quote(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    runner.invoke(
        app,
        ["check", str(ROOT / "cases/flawed-county.yaml"), "--format", "html", "--output", str(out)],
    )
    page = out.read_text(encoding="utf-8")
    assert (
        "<blockquote>《中华人民共和国行政许可法》第四十二条（2019-04-23）：除可以当场作出" in page
    )


def test_sarif_results_carry_the_quotes() -> None:
    result = runner.invoke(
        app, ["check", str(ROOT / "cases/flawed-county.yaml"), "--format", "sarif"]
    )
    results = json.loads(result.output)["runs"][0]["results"]
    pl301 = next(r for r in results if r["ruleId"] == "PL301")
    assert pl301["properties"]["law"][0]["ref"] == "xzxkf:42"
