"""Open an XLSX safely and read its sheets as RawSheets, within the limits.

Before anything is parsed the zip's directory is checked (xlsx_guard): the declared
uncompressed sizes (which Python's zipfile enforces while reading) must stay
under the limit and no large part may compress absurdly well (a zip bomb).
openpyxl parses XML through defusedxml when it is installed, so entity
declarations are refused instead of expanded; this module refuses to read an
XLSX at all if that protection is switched off. A sheet whose XML holds only
what calamine and openpyxl read alike is read by calamine (xlsx_fast, many
times faster); any other is read by openpyxl in read-only mode, row by row,
stopping at the row limit. Formulas, Excel error values, merged cells and
over-long cells are flagged with their cell.
"""

from __future__ import annotations

import bisect
import os
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from copy import copy
from pathlib import Path
from typing import Any

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.worksheet.cell_range import CellRange

from permitlogic.errors import InputError
from permitlogic.load.cells import is_blank
from permitlogic.load.limits import LoadLimits
from permitlogic.load.raw import too_big
from permitlogic.load.sheet_table import RawSheet
from permitlogic.load.xlsx_fast import MAX_COLUMNS, read_rows, screen, strings_plain
from permitlogic.load.xlsx_guard import check_shared_strings, check_zip, damaged_part

READER_ENV = "PERMITLOGIC_XLSX_READER"
"""Set to ``openpyxl`` to read every sheet with openpyxl (slower; the reader before calamine)."""

MAX_MERGED_FLAGS = 1_000


class Workbook:
    """An open XLSX in read-only mode: its sheet names, and each sheet read on demand."""

    def __init__(self, reader: _Reader, path: Path, limits: LoadLimits, fast: bool) -> None:
        self._reader = reader
        self._book = reader.wb
        self._path = path
        self.file = str(path)
        self.limits = limits
        self.names: list[str] = list(self._book.sheetnames)
        self._fast: Any = None if fast else False
        """calamine's workbook once opened; False when the full reader must read every sheet."""
        self.read_fast: set[str] = set()
        """The sheets calamine read."""

    def close(self) -> None:
        self._book.close()
        if self._fast:
            self._fast.close()

    def sheet(self, name: str, max_rows: int, what_zh: str, what_en: str) -> RawSheet:
        """The non-blank rows of sheet ``name``; InputError past ``max_rows`` rows below its header.

        ``what_zh``/``what_en`` name what the rows are (事项 / items) for the message.
        """
        worksheet = self._book[name]
        if not isinstance(worksheet, ReadOnlyWorksheet):
            raise InputError.single(
                self.file,
                f"工作表「{name}」不是普通表格（例如图表），无法读取",
                f"sheet {name!r} is not a worksheet (a chart?) and cannot be read",
                sheet=name,
            )
        sheet = RawSheet(file=self.file, name=name)
        if self._read_fast(worksheet, sheet, max_rows, what_zh, what_en):
            return sheet
        sheet = RawSheet(file=self.file, name=name)
        try:
            self._reader.load_strings()
        except Exception as exc:  # as when opening the workbook
            raise _unreadable(self.file, exc) from None
        try:
            self._read(worksheet, sheet, max_rows, what_zh, what_en)
        except InputError:
            raise
        except Exception as exc:  # openpyxl raises anything on a malformed part
            if _from_entities(exc):
                raise _entities(self.file, name) from None
            part = getattr(worksheet, "_worksheet_path", "?")
            raise InputError.single(
                self.file,
                f"工作表「{name}」（{part}）无法读取（文件已损坏？）：{exc}",
                f"sheet {name!r} ({part}) cannot be read (damaged file?): {exc}",
                sheet=name,
                key=part,
            ) from None
        return sheet

    def _read_fast(
        self, worksheet: Any, sheet: RawSheet, max_rows: int, what_zh: str, what_en: str
    ) -> bool:
        """Read the sheet with calamine if it holds only what both readers read alike.

        False (``sheet`` partly filled) when the full reader must read it; see xlsx_fast.
        """
        try:
            fast = self._calamine()
            if fast is None:
                return False
            with (
                zipfile.ZipFile(self._path) as archive,
                archive.open(worksheet._worksheet_path) as stream,
            ):
                refs = [CellRange(r).coord for r in screen(stream, self._book._date_formats)]
            grid = fast.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)
            read_rows(
                grid,
                sheet,
                max_rows,
                self.limits.max_cell_chars,
                lambda row: too_many_rows(sheet, row, max_rows, what_zh, what_en),
            )
        except InputError:
            raise
        except Exception:  # NotFast, or anything calamine or the screen raise: the full reader
            return False
        if refs:
            _flag_merged(sheet, refs)
        self.read_fast.add(sheet.name or "")
        return True

    def _calamine(self) -> Any:
        """calamine's view of the workbook (None: the full reader reads every sheet)."""
        if self._fast is None:
            self._fast = False
            from python_calamine import CalamineWorkbook

            self._fast = CalamineWorkbook.from_path(str(self._path))
        return self._fast or None

    def _read(
        self,
        worksheet: Any,
        sheet: RawSheet,
        max_rows: int,
        what_zh: str,
        what_en: str,
    ) -> None:
        """Stream the worksheet's rows into ``sheet``, flagging unusable cells and merged ranges."""
        limit = self.limits.max_cell_chars
        with worksheet._get_source() as source:
            parser = self._parser(worksheet, source)
            for row, cells in parser.parse():
                values = _row_values(sheet, row, cells, limit)
                if values is None:
                    continue
                if len(sheet.rows) > max_rows:
                    raise too_many_rows(sheet, row, max_rows, what_zh, what_en)
                sheet.rows.append((row, values))
            merged = parser.merged_cells
        if merged is not None:
            _flag_merged(sheet, [m.coord for m in merged.mergeCell])

    def _parser(self, worksheet: Any, source: Any) -> WorkSheetParser:
        """openpyxl's row parser over ``source``, with formulas kept (not their cached values)."""
        book = self._book
        return WorkSheetParser(
            source,
            worksheet._shared_strings,
            data_only=False,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )


def _row_values(
    sheet: RawSheet, row: int, cells: list[dict[str, Any]], limit: int
) -> tuple[Any, ...] | None:
    """The row's values by 0-based column (unusable cells flagged, left None); None if blank.

    Runs for every row of a sheet: the usual cell costs a few comparisons only.
    """
    values: list[Any] = []
    filled = False
    for cell in cells:
        column = cell["column"]
        value = cell["value"]
        kind = cell["data_type"]
        if is_blank(value) and kind != "f":
            continue
        filled = True
        if column > MAX_COLUMNS:
            _flag_beyond_columns(sheet, row, column)
            continue
        values.extend([None] * (column - len(values)))
        if kind == "f" or kind == "e" or (isinstance(value, str) and len(value) > limit):
            _flag_unusable(sheet, row, column - 1, kind, value, limit)
        else:
            values[column - 1] = value
    return tuple(values) if filled else None


def _flag_beyond_columns(sheet: RawSheet, row: int, column: int) -> None:
    """Flag content in a column past MAX_COLUMNS (on the last column read)."""
    sheet.flag(
        row,
        MAX_COLUMNS - 1,
        f"表格右侧第 {column} 列有内容，超出可读取的范围（{MAX_COLUMNS} 列）",
        f"content in column {column}, beyond the {MAX_COLUMNS} columns read",
    )


def _flag_unusable(
    sheet: RawSheet, row: int, index: int, kind: str, value: Any, limit: int
) -> None:
    """Flag a formula, an Excel error value or an over-long text at 0-based column ``index``."""
    if kind == "f":
        sheet.flag(
            row,
            index,
            f"单元格含公式（{value}）：请改为直接填写的值（复制后「选择性粘贴为数值」）",
            f"the cell holds a formula ({value}): type the value itself "
            "(copy, then paste as values)",
        )
    elif kind == "e":
        sheet.flag(
            row,
            index,
            f"单元格是 Excel 错误值 {value}",
            f"the cell holds the Excel error value {value}",
        )
    else:
        sheet.flag_too_long(row, index, len(value), limit)


def too_many_rows(
    sheet: RawSheet, row: int, max_rows: int, what_zh: str, what_en: str
) -> InputError:
    return InputError.single(
        sheet.file,
        f"{sheet.label()}超过 {max_rows} 行{what_zh}（不含标题行），已停止读取"
        "（上限可用环境变量 PERMITLOGIC_MAX_ITEMS 调整）",
        f"{sheet.label_en()} has more than {max_rows} rows of {what_en} below its header; "
        "reading stopped (set PERMITLOGIC_MAX_ITEMS to change the limit)",
        sheet=sheet.name,
        row=row,
    )


def _flag_merged(sheet: RawSheet, ranges: list[str]) -> None:
    """Flag the cells of each merged range that lie within the rows read.

    Every covered cell is flagged (so an empty one is not also reported as
    missing) up to MAX_MERGED_FLAGS in all; past that only each range's first cell.
    """
    present = sorted(row for row, _ in sheet.rows)
    known = set(present)
    widest = min(max((len(values) for _, values in sheet.rows), default=0), MAX_COLUMNS)
    budget = MAX_MERGED_FLAGS
    added: list[int] = []
    for ref in ranges:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (TypeError, ValueError):
            continue
        if min_col > MAX_COLUMNS:
            continue
        message = (
            f"合并单元格 {ref}：请取消合并，并在每个单元格中分别填写",
            f"merged cells {ref}: unmerge them and fill in every cell",
        )
        sheet.flag(min_row, min_col - 1, *message)
        if min_row not in known:
            known.add(min_row)
            added.append(min_row)
        first = bisect.bisect_left(present, min_row)
        last = bisect.bisect_right(present, max_row)
        for row in present[first:last]:
            for column in range(min_col - 1, min(max_col, widest)):
                if budget <= 0:
                    break
                sheet.flag(row, column, *message)
                budget -= 1
    if added:
        sheet.rows.extend((row, ()) for row in added)
        sheet.rows.sort(key=lambda entry: entry[0])


def _from_entities(exc: BaseException | None) -> bool:
    """Whether defusedxml refused an entity declaration somewhere in ``exc``'s chain."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, DefusedXmlException):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _entities(file: str, sheet: str | None = None) -> InputError:
    return InputError.single(
        file,
        "XLSX 中的 XML 含有实体声明（可能是 XML 炸弹），拒绝读取",
        "the XLSX holds XML entity declarations (a possible XML bomb); refused",
        sheet=sheet,
    )


class _Reader(ExcelReader):  # type: ignore[misc]
    """openpyxl's read-only workbook reader; with ``defer_strings`` the shared strings are
    read only when openpyxl reads a sheet (calamine reads its own: reading both would
    cost seconds for a large workbook saved by Excel)."""

    shared_strings: list[Any]

    def __init__(self, path: Path, defer_strings: bool) -> None:
        super().__init__(path, read_only=True, data_only=False, keep_links=False)
        self.defer_strings = defer_strings

    def read_strings(self) -> None:
        if not self.defer_strings:
            super().read_strings()

    def load_strings(self) -> None:
        """Read deferred shared strings into the list the worksheets were given."""
        if not self.defer_strings:
            return
        self.defer_strings = False
        given = self.shared_strings
        super().read_strings()
        given.extend(self.shared_strings)
        self.shared_strings = given


def _unreadable(file: str, exc: BaseException) -> InputError:
    """The workbook cannot be opened: entity declarations, or the damaged part if one is."""
    if _from_entities(exc):
        return _entities(file)
    part, why = damaged_part(Path(file)) or ("", f"{type(exc).__name__}: {exc}")
    where = f"（{part}）" if part else ""
    return InputError.single(
        file,
        f"无法作为 XLSX 读取（文件已损坏？）{where}：{why}",
        f"cannot be read as XLSX (damaged file?){f' ({part})' if part else ''}: {why}",
        key=part or None,
    )


@contextmanager
def open_workbook(path: Path, limits: LoadLimits, fast: bool | None = None) -> Iterator[Workbook]:
    """The workbook at ``path`` in read-only mode, after the size and zip checks.

    ``fast``: let calamine read the sheets it reads as openpyxl does (False: openpyxl
    only). By default True unless the environment sets PERMITLOGIC_XLSX_READER=openpyxl.
    """
    if fast is None:
        fast = os.environ.get(READER_ENV, "").strip().lower() != "openpyxl"
    name = str(path)
    if not path.is_file():
        raise InputError.single(name, "文件不存在", "file not found")
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise too_big(name, size, limits)
    check_zip(path, limits)
    check_shared_strings(path, limits)
    if not openpyxl.DEFUSEDXML:
        raise InputError.single(
            name,
            "XML 防护（defusedxml）未启用（环境变量 OPENPYXL_DEFUSEDXML=False？），拒绝读取 XLSX",
            "XML protection (defusedxml) is off (OPENPYXL_DEFUSEDXML=False?); refusing to read XLSX",
        )
    fast = fast and strings_plain(path)
    reader = _Reader(path, defer_strings=fast)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader.read()
    except Exception as exc:  # openpyxl raises anything on a malformed workbook
        raise _unreadable(name, exc) from None
    workbook = Workbook(reader, path, limits, fast)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield workbook
    finally:
        workbook.close()


StyleKey = tuple[tuple[str, int], ...]


def set_style(cell: Any, style: dict[str, Any], known: dict[StyleKey, Any]) -> None:
    """Give a (write-only) cell ``style`` (font, fill, border, alignment, …).

    Setting a style hashes it against the workbook's style lists, most of the cost
    of a styled cell; each combination is set once (``known`` holds it, one dict per
    workbook) and then copied. openpyxl's private ``_style`` is used here only.
    """
    key = tuple((name, id(setting)) for name, setting in sorted(style.items()))
    array = known.get(key)
    if array is None:
        for name, setting in style.items():
            setattr(cell, name, setting)
        known[key] = copy(cell._style)
    else:
        cell._style = copy(array)
