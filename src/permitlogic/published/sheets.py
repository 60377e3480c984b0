"""Published XLSX/CSV layouts: title rows, a header row with synonyms, merged cells.

A cell merged over several rows (a department spanning its items) is
forward-filled into every row it spans, and each fill is logged. In a CSV a
blank department under a filled one is filled the same way (a merged sheet
saved as CSV), and logged.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from permitlogic.errors import InputError
from permitlogic.load.csv_source import decode
from permitlogic.load.limits import LoadLimits
from permitlogic.load.raw import read_bytes
from permitlogic.load.sheet_table import column_letter
from permitlogic.load.xlsx_guard import check_shared_strings, check_zip
from permitlogic.models.out import Location
from permitlogic.published.build import Cell, Record
from permitlogic.published.headers import find_header_row, header_key, normal_header
from permitlogic.published.log import ImportLog

_FILLED = ("department", "kind", "name")


def xlsx_records(
    path: Path, limits: LoadLimits, mapping: dict[str, str] | None, log: ImportLog
) -> tuple[list[Record], str | None]:
    """The records of the first sheet with a header row, and the title above it (if any)."""
    read_bytes(path, limits)  # the size limit
    check_zip(path, limits)  # zip bombs, as the catalog format's loader refuses them
    check_shared_strings(path, limits)
    try:
        from openpyxl import load_workbook  # here, not at the top: platform records never need it

        book = load_workbook(path, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InputError.single(
            str(path), f"无法读取 XLSX：{type(error).__name__}", f"cannot read the XLSX: {error}"
        ) from None
    for sheet in book.worksheets:
        if sheet.max_row > limits.max_items + 20:
            raise InputError.single(
                str(path),
                f"工作表「{sheet.title}」行数过多（{sheet.max_row} 行；上限可用环境变量 "
                "PERMITLOGIC_MAX_ITEMS 调整）",
                f"sheet {sheet.title} has too many rows ({sheet.max_row}; set PERMITLOGIC_MAX_ITEMS)",
            )
        grid = [list(row) for row in sheet.iter_rows(values_only=True)]
        header = find_header_row(grid, mapping)
        if header is None:
            continue
        merged: dict[tuple[int, int], tuple[object, str]] = {}
        for span in sheet.merged_cells.ranges:
            top = sheet.cell(span.min_row, span.min_col)
            for r in range(span.min_row, span.max_row + 1):
                for c in range(span.min_col, span.max_col + 1):
                    if (r, c) != (span.min_row, span.min_col):
                        merged[(r - 1, c - 1)] = (top.value, top.coordinate)
        title = _title(grid[:header])
        for r in range(header):
            log.add(
                Location(file=str(path), sheet=sheet.title, row=r + 1),
                "skipped",
                " ".join(str(v) for v in grid[r] if v),
                "表头之上的标题行",
            )
        records = _records(grid, header, mapping, log, str(path), sheet.title, merged)
        return records, title
    raise InputError.single(
        str(path),
        "找不到表头行（前 15 行中应有“事项名称”等至少三个可识别的列名；可用 --map 指定）",
        "no header row found (the first 15 rows need 事项名称 and two more known headers; see --map)",
    )


def csv_records(
    path: Path, limits: LoadLimits, mapping: dict[str, str] | None, log: ImportLog
) -> tuple[list[Record], str | None]:
    text = decode(read_bytes(path, limits), str(path))
    grid: list[list[object]] = [list(row) for row in csv.reader(io.StringIO(text))]
    header = find_header_row(grid, mapping)
    if header is None:
        raise InputError.single(
            str(path),
            "找不到表头行（前 15 行中应有“事项名称”等至少三个可识别的列名；可用 --map 指定）",
            "no header row found (the first 15 rows need 事项名称 and two more known headers; see --map)",
        )
    return _records(grid, header, mapping, log, str(path), None, {}), _title(grid[:header])


def _title(rows: list[list[object]]) -> str | None:
    for row in rows:
        texts = [str(v).strip() for v in row if v not in (None, "")]
        if texts:
            return texts[0]
    return None


def _records(
    grid: list[list[object]],
    header: int,
    mapping: dict[str, str] | None,
    log: ImportLog,
    file: str,
    sheet: str | None,
    merged: dict[tuple[int, int], tuple[object, str]],
) -> list[Record]:
    headers = grid[header]
    columns = _columns(headers, header, mapping, log, file, sheet)
    records: list[Record] = []
    last: dict[str, Cell] = {}
    for r in range(header + 1, len(grid)):
        row = grid[r]
        cells: dict[str, Cell] = {}
        for c, key in columns.items():
            value = row[c] if c < len(row) else None
            where = Location(
                file=file, sheet=sheet, row=r + 1, header=str(headers[c]).strip(), cell=_cell(r, c)
            )
            if value in (None, "") and (r, c) in merged:
                value, origin = merged[(r, c)]
                if value not in (None, ""):
                    log.add(where, "defaulted", value, f"合并单元格 {origin} 向下填充")
            elif (
                value in (None, "") and not merged and key == "department" and "department" in last
            ):
                value = last["department"].value
                log.add(
                    where, "defaulted", value, "空白，沿用上一行的实施机关（合并单元格另存为 CSV）"
                )
            if value in (None, ""):
                continue
            text = (
                str(int(value))
                if isinstance(value, float) and value.is_integer()
                else str(value).strip()
            )
            cells[key] = Cell(text, where)
        if not any(k in cells for k in ("name", "sub_name")):
            continue  # a blank or a subtotal row
        for key in _FILLED:
            if key in cells:
                last[key] = cells[key]
        records.append(Record(cells=cells, where=Location(file=file, sheet=sheet, row=r + 1)))
    return records


def _columns(
    headers: list[object],
    header: int,
    mapping: dict[str, str] | None,
    log: ImportLog,
    file: str,
    sheet: str | None,
) -> dict[int, str]:
    """The key of each column read, by position; unknown and synonymous columns logged."""
    columns: dict[int, str] = {}
    for c, text in enumerate(headers):
        key = header_key(text, mapping)
        if key is None:
            if normal_header(text):
                log.add(
                    Location(file=file, sheet=sheet, row=header + 1, cell=_cell(header, c)),
                    "skipped",
                    text,
                    "不认识的列，未读取",
                )
            continue
        if key in columns.values():
            log.add(
                Location(file=file, sheet=sheet, row=header + 1, cell=_cell(header, c)),
                "skipped",
                text,
                f"与前面的列同义（{key}），未读取",
            )
            continue
        columns[c] = key
    return columns


def _cell(r: int, c: int) -> str:
    return f"{column_letter(c)}{r + 1}"
