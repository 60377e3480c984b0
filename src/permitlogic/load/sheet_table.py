"""A sheet as rows of cells, matched against a set of columns by their typed headers.

Both the XLSX and the CSV reader produce a RawSheet; everything after that
(headers, cells, locations, problems) is shared. Row numbers are the ones the
spreadsheet shows (1-based), cells are named like ``G7``, and every problem
names the header as the person typed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from permitlogic.errors import Problem
from permitlogic.load.cells import CellError, is_blank, read_cell, reader, text
from permitlogic.load.sheet_format import (
    CellType,
    Column,
    header_index,
    headers_listed,
    normalize_header,
)
from permitlogic.models.out import Location

Row = tuple[int, tuple[Any, ...]]

_REPEATED = frozenset(
    {CellType.basis, CellType.prerequisites, CellType.materials, CellType.item_list}
)
"""Columns of multi-line cells whose same text is read once per table (laws, materials)."""

_Plan = tuple[str, Any, str, dict[str, Any] | None]
"""A matched column's key, cell reader, header as typed, and values read (text → value)."""


@dataclass
class RawSheet:
    """The non-blank rows of one sheet, and cells already known to be unusable."""

    file: str
    name: str | None
    rows: list[Row] = field(default_factory=list)
    flags: dict[int, dict[int, tuple[str, str]]] = field(default_factory=dict)
    """row → 0-based column → why the cell cannot be used (zh, en): formula, merged…"""

    def flag(self, row: int, column: int, zh: str, en: str) -> None:
        self.flags.setdefault(row, {})[column] = (zh, en)

    def flag_too_long(self, row: int, column: int, length: int, limit: int) -> None:
        """Flag a cell longer than the cell limit (PERMITLOGIC_MAX_CELL_CHARS)."""
        self.flag(
            row,
            column,
            f"单元格内容太长（{length} 字，上限 {limit}；可用环境变量 PERMITLOGIC_MAX_CELL_CHARS 调整）",
            f"cell too long ({length} characters, limit {limit}; "
            "set PERMITLOGIC_MAX_CELL_CHARS to change it)",
        )

    def flag_at(self, row: int, column: int) -> tuple[str, str] | None:
        found = self.flags.get(row)
        return found.get(column) if found else None

    def where(self, row: int, column: int | None = None, header: str | None = None) -> Location:
        """The location of a row, or of one cell (0-based column) under ``header``."""
        cell = f"{column_letter(column)}{row}" if column is not None else None
        return Location(file=self.file, sheet=self.name, row=row, cell=cell, header=header)

    def problem(
        self, zh: str, en: str, row: int, column: int | None = None, header: str | None = None
    ) -> Problem:
        return Problem(location=self.where(row, column, header), message_zh=zh, message_en=en)

    def label(self) -> str:
        return f"工作表「{self.name}」" if self.name else "表格"

    def label_en(self) -> str:
        return f"sheet {self.name!r}" if self.name else "the table"


@dataclass
class Record:
    """One data row: the cells read into values, and where each column's cell is."""

    sheet: RawSheet
    row: int
    values: dict[str, Any] = field(default_factory=dict)
    columns: dict[str, tuple[int, str]] = field(default_factory=dict)
    """Key → (0-based column, header as typed), for every matched column."""
    bad: set[str] = field(default_factory=set)
    """Keys whose cell had a problem already reported (no second message for them)."""

    @property
    def location(self) -> Location:
        return self.sheet.where(self.row)

    def where(self, key: str) -> Location:
        """The cell of ``key`` in this row, or the row if the column is missing."""
        found = self.columns.get(key)
        return self.sheet.where(self.row, *found) if found else self.location


@dataclass
class Table:
    """The records of a sheet and which required columns were missing."""

    records: list[Record] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)
    reported: set[int] = field(default_factory=set)
    """Columns whose header already has a problem: their cells are not reported again."""


def read_table(
    sheet: RawSheet, columns: tuple[Column, ...], problems: list[Problem], start: int = 0
) -> Table:
    """Match the header row (the first row from ``start``) and read every row after it."""
    table = Table()
    rows = sheet.rows[start:]
    if not rows:
        table.missing = {c.key for c in columns if c.required}
        problems.append(
            sheet.problem(
                f"{sheet.label()}没有标题行：应有 {headers_listed(columns)}",
                f"{sheet.label_en()} has no header row: expected {headers_listed(columns)}",
                row=1,
            )
        )
        return table
    header_row, header_cells = rows[0]
    mapped = _match_headers(sheet, columns, header_row, header_cells, problems, table)
    by_key = {column.key: (index, typed) for index, (column, typed) in mapped.items()}
    plan: dict[int, _Plan] = {
        index: (column.key, reader(column.type), typed, {} if column.type in _REPEATED else None)
        for index, (column, typed) in mapped.items()
    }
    for row, values in rows[1:]:
        if sheet.flags.get(row) is None:
            record = Record(sheet=sheet, row=row, columns=by_key)
            _plain_record(sheet, plan, table.reported, record, values, problems)
        else:
            record = _record(sheet, mapped, by_key, table.reported, row, values, problems)
        table.records.append(record)
    return table


def _match_headers(
    sheet: RawSheet,
    columns: tuple[Column, ...],
    row: int,
    cells: tuple[Any, ...],
    problems: list[Problem],
    table: Table,
) -> dict[int, tuple[Column, str]]:
    """Each header cell's column (by 0-based index); problems for unusable, unknown, repeated."""
    known = header_index(columns)
    mapped: dict[int, tuple[Column, str]] = {}
    first: dict[str, int] = {}
    flagged = sheet.flags.get(row, {})
    for index in range(max(len(cells), max(flagged, default=-1) + 1)):
        value = cells[index] if index < len(cells) else None
        flag = sheet.flag_at(row, index)
        if flag is not None:
            problems.append(sheet.problem(flag[0], flag[1], row, index, _typed(value)))
            table.reported.add(index)
            continue
        if is_blank(value):
            continue
        typed = _typed(value)
        column = known.get(normalize_header(typed))
        table.reported.add(index)
        if column is None:
            problems.append(_unknown_header(sheet, columns, typed, row, index))
            continue
        if column.key in first:
            problems.append(_repeated_header(sheet, typed, first[column.key], row, index))
            continue
        first[column.key] = index
        mapped[index] = (column, typed)
        table.reported.discard(index)
    _report_missing(sheet, columns, first, row, problems, table)
    return mapped


def _unknown_header(
    sheet: RawSheet, columns: tuple[Column, ...], typed: str, row: int, index: int
) -> Problem:
    return sheet.problem(
        f"不认识的列标题「{typed}」：应为 {headers_listed(columns)} 之一",
        f"unknown column header {typed!r}: expected one of {headers_listed(columns)}",
        row,
        index,
        typed,
    )


def column_letter(column: int) -> str:
    """The spreadsheet letters of a 0-based column (A, B, …, AA …)."""
    # openpyxl is loaded here, not with this module: reading platform records never needs it.
    from openpyxl.utils.cell import get_column_letter

    letters: str = get_column_letter(column + 1)
    return letters


def _repeated_header(sheet: RawSheet, typed: str, earlier: int, row: int, index: int) -> Problem:
    """The header at ``index`` names the same column as the one at ``earlier``."""
    letter = column_letter(earlier)
    return sheet.problem(
        f"列标题「{typed}」重复（与 {letter} 列相同）",
        f"column header {typed!r} repeated (same as column {letter})",
        row,
        index,
        typed,
    )


def _report_missing(
    sheet: RawSheet,
    columns: tuple[Column, ...],
    found: dict[str, int],
    row: int,
    problems: list[Problem],
    table: Table,
) -> None:
    """A problem for, and ``table.missing`` of, each required column not in ``found``."""
    for column in columns:
        if column.required and column.key not in found:
            table.missing.add(column.key)
            problems.append(
                sheet.problem(
                    f"缺少必需的列「{column.header}」",
                    f"required column {column.header!r} is missing",
                    row,
                )
            )


def _typed(value: Any) -> str:
    if is_blank(value):
        return ""
    try:
        return text(value)
    except CellError:
        return str(value)


def _record(
    sheet: RawSheet,
    mapped: dict[int, tuple[Column, str]],
    columns: dict[str, tuple[int, str]],
    reported: set[int],
    row: int,
    values: tuple[Any, ...],
    problems: list[Problem],
) -> Record:
    record = Record(sheet=sheet, row=row, columns=columns)
    flagged = sheet.flags.get(row, {})
    width = max(len(values), max(flagged, default=-1) + 1)
    for index in range(width):
        value = values[index] if index < len(values) else None
        entry = mapped.get(index)
        flag = flagged.get(index)
        if entry is None:
            if index not in reported and (flag is not None or not is_blank(value)):
                problems.append(_headerless(sheet, row, index))
            continue
        column, typed = entry
        if flag is not None:
            problems.append(sheet.problem(flag[0], flag[1], row, index, typed))
            record.bad.add(column.key)
            continue
        if is_blank(value):
            continue
        try:
            record.values[column.key] = read_cell(value, column.type)
        except CellError as exc:
            problems.append(sheet.problem(exc.zh, exc.en, row, index, typed))
            record.bad.add(column.key)
    return record


def _headerless(sheet: RawSheet, row: int, index: int) -> Problem:
    return sheet.problem(
        "此单元格有内容，但所在列没有（可识别的）标题",
        "this cell has content but its column has no (known) header",
        row,
        index,
    )


def _plain_record(
    sheet: RawSheet,
    plan: dict[int, _Plan],
    reported: set[int],
    record: Record,
    values: tuple[Any, ...],
    problems: list[Problem],
) -> None:
    """``_record`` for a row without flagged cells (nearly every row: kept lean).

    ``plan``: each matched column's key, cell reader, header as typed, and the
    values already read from its cells (for multi-line columns, whose cells often
    repeat: the same text gives the same value, which is never modified after).
    """
    out = record.values
    for index, value in enumerate(values):
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        entry = plan.get(index)
        if entry is None:
            if index not in reported:
                problems.append(_headerless(sheet, record.row, index))
            continue
        key, read, typed, known = entry
        try:
            if known is None or value.__class__ is not str:  # True == 1 == 1.0 as keys
                out[key] = read(value)
            else:
                found = known.get(value)
                if found is None:
                    found = known[value] = read(value)
                out[key] = found
        except CellError as exc:
            problems.append(sheet.problem(exc.zh, exc.en, record.row, index, typed))
            record.bad.add(key)
