"""Hostile text in every field: no spreadsheet formula, well-formed XML, no terminal escapes."""

from __future__ import annotations

import csv
import io
import os
import re
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

import yamlio
from permitlogic.cli import app

CASES = Path(__file__).resolve().parents[2] / "cases"
INJECTIONS = [
    '=HYPERLINK("http://x","y")',
    "=1+1",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "<script>alert(1)</script> & ]]>",
]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
runner = CliRunner()


def hostile_catalog(tmp_path: Path) -> Path:
    """The flawed county with a formula or markup in every name, department and title."""
    data: dict[str, Any] = yamlio.load((CASES / "flawed-county.yaml").read_text("utf-8"))
    departments: dict[str, str] = {}
    for n, item in enumerate(data["items"]):
        injection = INJECTIONS[n % len(INJECTIONS)]
        item["name"] = f"{injection}{item['name']}"
        departments.setdefault(item["department"], f"{injection}{item['department']}")
        item["department"] = departments[item["department"]]
        for basis in item.get("basis", []):
            basis["title"] = f"{injection}{basis['title']}"
            basis["article"] = "\t=1+1"  # free text may hold a TAB (names may not)
        for material in item.get("materials", []):
            material["name"] = f"{injection}{material['name']}"
    for chain in data.get("chains", []):
        chain["name"] = "=1+1" + chain["name"]
        for stage in chain["stages"]:
            stage["name"] = "@" + stage["name"]
    data["catalog"]["jurisdiction"] = "=1+1 示范县"
    path = tmp_path / "hostile.yaml"
    path.write_text(yamlio.dump(data, allow_unicode=True), encoding="utf-8")
    return path


def assert_no_formula(path: Path) -> int:
    """No <f> element in any sheet; every formula-like text cell quote-prefixed. Their count."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    book = load_workbook(path)
    risky = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                if isinstance(cell.value, str) and cell.value.startswith(TRIGGERS):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
                    risky += 1
    return risky


def test_the_xlsx_report_runs_no_formula(tmp_path: Path) -> None:
    catalog = hostile_catalog(tmp_path)
    out = tmp_path / "report.xlsx"
    result = runner.invoke(app, ["check", str(catalog), "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 1, result.output  # the flawed county has findings
    assert assert_no_formula(out) > 22


def test_the_diff_and_the_catalog_written_back_run_no_formula(tmp_path: Path) -> None:
    catalog = hostile_catalog(tmp_path)
    out = tmp_path / "diff.xlsx"
    result = runner.invoke(
        app,
        [
            "diff",
            str(CASES / "flawed-county.yaml"),
            str(catalog),
            "--format",
            "xlsx",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code in (0, 1), result.output
    assert assert_no_formula(out) > 0


@pytest.mark.parametrize("renderer", ["builtin", "graphviz"])
def test_the_svg_graph_is_well_formed_xml(tmp_path: Path, renderer: str) -> None:
    catalog = hostile_catalog(tmp_path)
    out = tmp_path / "graph.svg"
    result = runner.invoke(
        app, ["graph", str(catalog), "--format", "svg", "--renderer", renderer, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    root = ET.parse(out).getroot()
    texts = "".join(root.itertext())
    assert "<script>alert(1)</script>" in texts  # shown as text, not markup
    assert not any(element.tag.endswith("script") for element in root.iter())


def test_control_characters_in_catalog_text_are_located_errors(tmp_path: Path) -> None:
    data: dict[str, Any] = yamlio.load((CASES / "demo-county.yaml").read_text("utf-8"))
    data["items"][0]["name"] = "\x1b]0;owned\x07\x1b[2J名称"
    data["items"][1]["department"] = "部门\x00"
    data["items"][2]["basis"][0]["title"] = "依据\x9b31m"
    path = tmp_path / "controls.yaml"
    path.write_text(yamlio.dump(data, allow_unicode=True), encoding="utf-8")
    for fmt in ("text", "xlsx"):
        out = str(tmp_path / f"r.{fmt}")
        result = subprocess.run(
            [sys.executable, "-m", "permitlogic.cli", "check", str(path), "-f", fmt, "-o", out],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        for key in ("items[0].name", "items[1].department", "items[2].basis[0].title"):
            assert "controls.yaml:" in result.stderr and key in result.stderr
        assert "\x1b" not in result.stderr


def _open_hostile_cases(tmp_path: Path, store: str) -> None:
    decision = {
        "application": "A-1",
        "item": "JS-004",
        "item_name": '=HYPERLINK("http://x","y")',
        "department": "+1+cmd|' /C calc'!A0",
        "applicant": "91420000MA4K0000XX",
        "received": "2026-02-13",
        "decision": "accept_with_deferral",
        "deferred": [
            {"id": "m3", "name": "=1+1", "core": False},
            {"id": "m5", "name": "@SUM(A1)", "core": False},
        ],
        "missing": [
            {"id": "m3", "name": "=1+1", "core": False},
            {"id": "m5", "name": "@SUM(A1)", "core": False},
        ],
        "deadline": "2026-02-27",
    }
    path = tmp_path / "decision.yaml"
    path.write_text(yamlio.dump(decision, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["cases", "open", str(path), "--store", store])
    assert result.exit_code == 0, result.output


def test_cases_export_runs_no_formula(tmp_path: Path) -> None:
    store = str(tmp_path / "ledger.db")
    _open_hostile_cases(tmp_path, store)
    xlsx = tmp_path / "cases.xlsx"
    result = runner.invoke(app, ["cases", "export", "-o", str(xlsx), "--store", store])
    assert result.exit_code == 0, result.output
    assert assert_no_formula(xlsx) >= 2

    out = tmp_path / "cases.csv"
    result = runner.invoke(app, ["cases", "export", "-o", str(out), "--store", store])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://x","y")' in cells and "'+1+cmd|' /C calc'!A0" in cells
    assert not [cell for cell in cells if cell.startswith(TRIGGERS)]


def test_terminal_output_carries_no_escape_sequence(tmp_path: Path) -> None:
    """Text stored before the text policy (or by another tool) reaches no terminal raw."""
    store = tmp_path / "ledger.db"
    _open_hostile_cases(tmp_path, str(store))
    with sqlite3.connect(store) as conn:
        conn.execute(
            "UPDATE cases SET department = ?, item_name = ?",
            ("\x1b]0;owned\x07部门\x1b[2J", "名称\x1b[31m红\x9b0m"),
        )
    for args in (["show", "A-1"], ["due", "--on", "2026-03-01"]):
        result = runner.invoke(app, ["cases", *args, "--store", str(store)])
        assert result.exit_code == 0, result.output
        assert not re.search("[\x1b\x07\x9b]", result.stdout)
        assert "部门" in result.stdout or "名称" in result.stdout
