"""calamine and openpyxl give the same sheets, catalogs and problems for every XLSX.

Each workbook is read twice: as the loader reads it (calamine where the
sheet's XML allows, openpyxl elsewhere) and with openpyxl alone
(PERMITLOGIC_XLSX_READER=openpyxl). The rows, flagged cells, and then the
loaded catalog or its problems must be equal. The workbooks are every XLSX
in the repository, and workbooks built here with the cells where the two
readers could differ (numbers, booleans, dates, long and blank text, rich
text, escapes, formulas, error values, merged and far-right cells).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.load.limits import LoadLimits
from permitlogic.load.sheet_writer import write_sheet
from permitlogic.load.xlsx_source import READER_ENV, open_workbook

ROOT = Path(__file__).resolve().parents[2]
REPO_BOOKS = sorted(
    p for p in [*ROOT.glob("cases/**/*.xlsx"), *ROOT.glob("tests/**/*.xlsx")] if p.is_file()
)
LIMITS = LoadLimits(max_cell_chars=500)


def _sheets(path: Path, fast: bool) -> tuple[dict[str, Any], set[str]]:
    """Each sheet's rows and flags (or the error reading it), and the sheets calamine read."""
    found: dict[str, Any] = {}
    try:
        with open_workbook(path, LIMITS, fast=fast) as book:
            for name in book.names:
                try:
                    sheet = book.sheet(name, 1000, "行", "rows")
                    found[name] = (sheet.rows, sheet.flags)
                except InputError as error:
                    found[name] = _problems(error)
            return found, book.read_fast
    except InputError as error:
        return {"": _problems(error)}, set()


def _problems(error: InputError) -> list[tuple[Any, ...]]:
    return [(p.location.model_dump(), p.message_zh, p.message_en) for p in error.problems]


def _loaded(path: Path) -> Any:
    try:
        catalog, _ = load_catalog_sourced(path, LIMITS)
    except InputError as error:
        return _problems(error)
    return catalog.model_dump(mode="json")


def _typed(rows: list[tuple[int, tuple[Any, ...]]]) -> list[Any]:
    """Rows with each value's type, so that 60 and 60.0 or 1 and True are told apart."""
    return [(row, [(type(v).__name__, v) for v in values]) for row, values in rows]


def _agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Assert both readers agree on ``path``; the sheets calamine read."""
    fast, read_fast = _sheets(path, fast=True)
    full, read_full = _sheets(path, fast=False)
    assert read_full == set()
    assert fast.keys() == full.keys()
    for name in fast:
        if isinstance(fast[name], tuple):
            assert isinstance(full[name], tuple), name
            assert _typed(fast[name][0]) == _typed(full[name][0]), name
            assert fast[name][1] == full[name][1], name
        else:
            assert fast[name] == full[name], name
    quick = _loaded(path)
    monkeypatch.setenv(READER_ENV, "openpyxl")
    assert _loaded(path) == quick
    monkeypatch.delenv(READER_ENV)
    return read_fast


@pytest.mark.parametrize("path", REPO_BOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_workbook_in_the_repository_reads_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _agree(path, monkeypatch)


def test_the_repository_has_workbooks_calamine_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison above is not empty: calamine reads the demo's items sheet."""
    assert "事项" in _agree(ROOT / "cases" / "demo-county.xlsx", monkeypatch)


def _cells_book(path: Path) -> None:
    """A workbook of the cells where two readers could differ."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "事项"
    rows: list[list[Any]] = [
        ["文本", "  两边有空格  ", "   ", "", "20个工作日", "是", "否", "0020"],
        [60, 60.5, -3, 0, 2**40, 1.5e3, 1.25e-7, 123456789012345],
        [True, False, "TRUE", "1001", "多行\n第二行", "a|b｜c", "N/A", "不是公式"],
        [None, None, "x" * 501, "y" * 500, None, None, None, "行末"],
    ]
    for row in rows:
        sheet.append(row)
    sheet["J7"] = "隔开的单元格"
    sheet["A9"] = CellRichText("富", TextBlock(InlineFont(b=True), "文本"))
    sheet.merge_cells("B10:C11")
    sheet["B10"] = "合并"
    hidden = book.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "隐藏的表"
    book.save(path)


def _variant(path: Path, out: Path, edit: Any) -> Path:
    """A copy of ``path`` with each sheet's and the shared strings' XML edited."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/") or info.filename.endswith(
                "sharedStrings.xml"
            ):
                data = edit(info.filename, data)
            target.writestr(info, data)
    return out


_INLINE = re.compile(rb'<c r="([A-Z]+\d+)"( s="\d+")? t="inlineStr"><is>(.*?)</is></c>', re.S)


def _shared(path: Path, out: Path) -> Path:
    """``path`` with its inline strings moved to a shared-strings part, as Excel saves text."""
    strings: list[bytes] = []

    def to_shared(match: re.Match[bytes]) -> bytes:
        strings.append(b"<si>" + match.group(3) + b"</si>")
        style = match.group(2) or b""
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), style, len(strings) - 1)

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = _INLINE.sub(to_shared, data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                    b"</Relationships>",
                )
            target.writestr(info, data)
        target.writestr(
            "xl/sharedStrings.xml",
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'count="%d" uniqueCount="%d">%s</sst>'
            % (len(strings), len(strings), b"".join(strings)),
        )
    return out


def _shared_cells_book(directory: Path) -> Path:
    """The cells workbook (``_cells_book``) with its text in a shared-strings part."""
    path = directory / "cells.xlsx"
    _cells_book(path)
    return _shared(path, directory / "shared.xlsx")


def test_built_cells_read_the_same_and_calamine_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cells.xlsx"
    _cells_book(path)
    assert _agree(path, monkeypatch) == {"事项", "隐藏"}
    shared = _shared(path, tmp_path / "shared.xlsx")
    with zipfile.ZipFile(shared) as archive:
        assert b't="s"' in archive.read("xl/worksheets/sheet1.xml")
    assert _agree(shared, monkeypatch) == {"事项", "隐藏"}


def _dated(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([datetime(2026, 1, 2), date(2026, 3, 4), datetime(2026, 1, 2, 10, 30)])
    sheet.append([time(10, 30), 46000])
    sheet["B2"].number_format = 'yyyy"年"m"月"d"日"'
    sheet["C2"] = 46000
    sheet["C2"].number_format = "0.00"
    book.save(path)


def test_dates_are_left_to_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "dates.xlsx"
    _dated(path)
    assert _agree(path, monkeypatch) == set()


def _formulas(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号", 10, "=B1*2", "=SUM(B1:C1)"])
    sheet.append(["#N/A", "#DIV/0!"])
    book.save(path)


def test_formulas_and_error_values_are_left_to_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "formulas.xlsx"
    _formulas(path)
    assert _agree(path, monkeypatch) == set()
    # openpyxl then reads the shared strings calamine would have read alone
    shared = _shared(path, tmp_path / "shared.xlsx")
    assert _agree(shared, monkeypatch) == set()
    fast, _ = _sheets(shared, fast=True)
    assert fast["Sheet"][0][0] == (1, ("编号", 10, None, None))


def test_a_shared_string_cell_without_an_index_is_left_to_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = _shared_cells_book(tmp_path)

    def edit(part: str, data: bytes) -> bytes:
        return data.replace(b't="s"><v>0</v>', b't="s"><v>x</v>', 1)

    assert "事项" not in _agree(_variant(shared, tmp_path / "odd.xlsx", edit), monkeypatch)


def test_damaged_shared_strings_give_the_same_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = _shared_cells_book(tmp_path)

    def cut(part: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if part.endswith("sharedStrings.xml") else data

    damaged = _variant(shared, tmp_path / "damaged.xlsx", cut)
    _agree(damaged, monkeypatch)
    assert "xl/sharedStrings.xml" in str(_loaded(damaged))


def test_a_cell_past_the_last_column_read_is_left_to_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "编号"
    sheet["DA3"] = "很远"
    path = tmp_path / "wide.xlsx"
    book.save(path)
    assert _agree(path, monkeypatch) == set()


@pytest.mark.parametrize(
    ("name", "pattern", "replacement"),
    [
        ("escape", rb"\xe6\x96\x87\xe6\x9c\xac", b"a_x000D_b"),  # 文本 → an escaped CR
        ("carriage-return", rb"\xe6\x96\x87\xe6\x9c\xac", b"a\r\nb"),
        ("single-quotes", rb'r="(A\d+)"', rb"r='\1'"),
        ("row-without-number", rb'<row r="2"', b"<row"),
        ("cell-without-reference", rb' r="B2"', b""),
        ("phonetic", rb"</is>", b'<rPh sb="0" eb="1"><t>pin</t></rPh></is>'),
        ("far-below", rb'<c r="A1"', b'<c r="A90000000"'),
        ("unpreserved-space", rb' xml:space="preserve"', b""),  # calamine trims, openpyxl not
        ("trailing-tab", rb"0020</t>", b"0020\t</t>"),
        ("control-byte", rb"0020</t>", b"0020\x0b</t>"),  # not XML: openpyxl refuses the sheet
        ("boolean-word", rb't="b"><v>1</v>', b't="b"><v>true</v>'),  # refused by openpyxl
        ("not-a-number", rb"<v>60</v>", b"<v>NaN</v>"),  # refused by openpyxl
    ],
)
def test_xml_calamine_might_read_otherwise_is_left_to_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, pattern: bytes, replacement: bytes
) -> None:
    path = tmp_path / "cells.xlsx"
    _cells_book(path)

    def edit(part: str, data: bytes) -> bytes:
        return re.sub(pattern, replacement, data, count=1)

    variant = _variant(path, tmp_path / f"{name}.xlsx", edit)
    assert "事项" not in _agree(variant, monkeypatch)
    if name in (
        "escape",
        "carriage-return",
        "phonetic",
        "unpreserved-space",
        "trailing-tab",
        "control-byte",
    ):
        # the same text as a shared string
        shared = _shared(variant, tmp_path / f"shared-{name}.xlsx")
        with zipfile.ZipFile(shared) as archive:
            assert replacement[:2] in archive.read("xl/sharedStrings.xml")
        assert "事项" not in _agree(shared, monkeypatch)


def test_a_large_written_catalog_reads_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer's own workbook (inline strings, typed numbers) of a sample catalog."""
    source = ROOT / "cases" / "demo-county.yaml"
    catalog, _ = load_catalog_sourced(source)
    path = tmp_path / "written.xlsx"
    write_sheet(catalog, path)
    shutil.copy(path, tmp_path / "copy.xlsx")
    assert "事项" in _agree(path, monkeypatch)
