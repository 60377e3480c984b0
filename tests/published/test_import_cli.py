"""``permitlogic import`` and ``permitlogic check`` on published files: exit codes, outputs, the log."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

import yamlio
from permitlogic.load.catalog import load_catalog

from ..load.load_support import run_cli

CASES = Path(__file__).resolve().parents[2] / "cases"
GUANGAN = CASES / "real" / "guangan-district" / "guangan-district.xlsx"


def test_import_writes_a_catalog_that_loads_and_a_log_naming_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out, log = tmp_path / "guangan.yaml", tmp_path / "log.csv"
    code, output = run_cli(
        ["import", str(GUANGAN), "-o", str(out), "--log", str(log)], monkeypatch, capsys
    )
    assert code == 0, output
    data = yamlio.load(out.read_text(encoding="utf-8"))
    assert data["catalog"]["published"] is True
    assert len(data["items"]) == 1135
    assert len(load_catalog(out).items) == 1135
    rows = list(csv.reader(log.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][2] == "处理 / action"
    assert any(r[2] == "defaulted" and "B4" in r[4] for r in rows[1:])


def test_check_on_the_published_list_exits_0_with_not_judged_in_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.json"
    code, output = run_cli(
        ["check", str(GUANGAN), "--format", "json", "-o", str(report)], monkeypatch, capsys
    )
    assert code == 0, output
    data = json.loads(report.read_text(encoding="utf-8"))
    rules = {n["rule"]: n for n in data["not_judged"]}
    assert rules["PL305"]["count"] == 884
    sarif = tmp_path / "report.sarif"
    code, _ = run_cli(
        ["check", str(GUANGAN), "--format", "sarif", "-o", str(sarif)], monkeypatch, capsys
    )
    assert code == 0
    run = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]
    assert {n["rule"] for n in run["properties"]["not_judged"]} >= {"PL301", "PL305"}


def test_a_bad_published_file_exits_2_naming_the_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["实施机关", "事项名称", "事项类型", "承诺办结时限"])
    sheet.append(["县某局", "某许可", "行政许可", "5个工作日"])
    sheet.append(["县某局", "某处罚", "罚没", "即办"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    code, output = run_cli(["import", str(path)], monkeypatch, capsys)
    assert code == 2
    assert "C3" in output and "罚没" in output
    assert "Traceback" not in output
