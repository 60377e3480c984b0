"""The XLSX report: a summary sheet and one sheet per department, in the catalog's headers."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from permitlogic.load.sheet_format import ITEM_COLUMNS
from permitlogic.report import xlsx
from permitlogic.report.context import RenderInput

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WHOLE = "（全目录）"


def workbook(inputs: list[RenderInput]) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(xlsx.render(inputs)))


def rows(sheet: Worksheet) -> list[dict[str, object]]:
    values = list(sheet.iter_rows(values_only=True))
    header = [str(v) for v in values[0]]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def test_one_sheet_per_department_with_findings(county: RenderInput) -> None:
    book = workbook([county])
    departments = Counter(f.department or WHOLE for f in county.report.findings)
    assert book.sheetnames[0] == "汇总"
    assert set(book.sheetnames[1:]) == set(departments)
    for department, count in departments.items():
        assert len(rows(book[department])) == count


def test_department_sheet_uses_the_catalogs_headers(county: RenderInput) -> None:
    book = workbook([county])
    sheet = book[book.sheetnames[1]]
    header = [c.value for c in sheet[1]]
    assert header[-len(ITEM_COLUMNS) :] == [c.title for c in ITEM_COLUMNS]
    assert header[:4] == ["级别", "规则", "规则名称", "问题"]


def test_rows_carry_the_item_as_written(county: RenderInput) -> None:
    book = workbook([county])
    items = county.catalog.item_map()
    for name in book.sheetnames[1:]:
        for row in rows(book[name]):
            item = items[str(row["事项编码"])]
            assert row["事项名称"] == item.name
            assert row["实施机关"] == item.department
            assert name in (item.department, WHOLE)
            assert row["承诺时限"] == item.promised_days
    js001 = next(r for n in book.sheetnames[1:] for r in rows(book[n]) if r["事项编码"] == "JS-001")
    basis = next(v for k, v in js001.items() if k.startswith("设定依据"))
    prerequisites = next(v for k, v in js001.items() if k.startswith("前置条件"))
    assert basis == "法律｜中华人民共和国建筑法｜第八条"
    assert prerequisites == (
        "ZR-003｜法律｜中华人民共和国建筑法｜第八条\n银行资信证明｜规范性文件｜县政府办公室通知\nRF-009"
    )


def test_cells_coloured_by_severity(county: RenderInput) -> None:
    book = workbook([county])
    colour = {"错误": "C62828", "警告": "EF6C00", "提示": "1565C0"}
    seen = set()
    for name in book.sheetnames[1:]:
        sheet = book[name]
        for row in sheet.iter_rows(min_row=2):
            label = str(row[0].value)
            assert row[0].fill.fgColor.rgb.endswith(colour[label])
            seen.add(label)
    assert {"错误", "警告"} <= seen


def test_offending_cell_marked(county: RenderInput) -> None:
    book = workbook([county])
    sheet = book["县生态环境局"]
    header = [str(c.value) for c in sheet[1]]
    basis_column = next(i for i, h in enumerate(header) if h.startswith("设定依据"))
    promised_column = header.index("承诺时限")
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "PL202")
    assert row[basis_column].fill.fgColor.rgb.endswith("F5B7B1")
    assert row[basis_column].border.left.style == "medium"
    assert row[promised_column].border.left.style != "medium"


def test_summary_counts(county: RenderInput) -> None:
    book = workbook([county])
    values = [tuple(r) for r in book["汇总"].iter_rows(values_only=True)]
    summary = county.report.summary
    by_label = {v[0]: v[1] for v in values[:12]}
    assert (by_label["错误"], by_label["警告"], by_label["提示"]) == (
        summary.error,
        summary.warning,
        summary.info,
    )
    names = {i.department for i in county.catalog.items}
    department_rows = {v[0]: v for v in values if v[0] in names}
    assert set(department_rows) == {f.department for f in county.report.findings if f.department}
    counts = Counter(f.department or WHOLE for f in county.report.findings)
    for department, row in department_rows.items():
        assert sum(int(v) for v in row[2:5]) == counts[department]


def test_english_sheet_names_and_headers(county_en: RenderInput) -> None:
    book = workbook([county_en])
    assert book.sheetnames[0] == "Summary"
    header = [c.value for c in book[book.sheetnames[1]][1]]
    assert header[:4] == ["Severity", "Check", "Check name", "Finding"]
    assert "事项编码" in header


def test_flawed_case_opens(checked: Callable[..., RenderInput]) -> None:
    inp = checked(ROOT / "cases" / "flawed-county.yaml")
    book = workbook([inp])
    with_findings = {f.department for f in inp.report.findings}
    assert set(book.sheetnames[1:]) == {d if d else WHOLE for d in with_findings}


def test_cli_needs_output_and_writes_the_workbook(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from permitlogic.cli import app
    from permitlogic.errors import InputError

    catalog = str(HERE / "fixtures" / "county.yaml")
    missing = CliRunner().invoke(app, ["check", catalog, "--format", "xlsx"])
    assert isinstance(missing.exception, InputError)
    out = tmp_path / "report.xlsx"
    result = CliRunner().invoke(app, ["check", catalog, "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert openpyxl.load_workbook(out).sheetnames[0] == "汇总"
