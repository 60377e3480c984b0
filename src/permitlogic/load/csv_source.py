"""Read a CSV export as one RawSheet: UTF-8 (with or without BOM) or GB18030.

Departments' Excel saves "CSV UTF-8" with a BOM, and plain "CSV" in the
system code page, which on Chinese Windows is GBK/GB18030. The bytes are
decoded as UTF-8 if they are valid UTF-8, else as GB18030; neither is
mentioned unless both fail. Rows are numbered as a spreadsheet shows them
(the first record is row 1, a quoted multi-line cell is one row).
"""

from __future__ import annotations

import csv
import io

from permitlogic.errors import InputError
from permitlogic.load.cells import is_blank
from permitlogic.load.limits import LoadLimits
from permitlogic.load.raw import UTF16_BOMS, utf16_error
from permitlogic.load.sheet_table import RawSheet


def decode(data: bytes, name: str) -> str:
    """The text of a CSV file in UTF-8 (BOM or not) or GB18030."""
    if data.startswith(UTF16_BOMS):
        raise utf16_error(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            position = utf8_error.start
            line = data.count(b"\n", 0, position) + 1
            raise InputError.single(
                name,
                f"无法识别文件编码（第 {line} 行、第 {position + 1} 字节既不是 UTF-8 也不是 GB18030）："
                "请在 Excel 中另存为「CSV UTF-8」",
                f"unknown text encoding (line {line}, byte {position + 1} is neither UTF-8 nor "
                "GB18030): save as 'CSV UTF-8' in Excel",
                line=line,
            ) from None


def read_csv(text: str, name: str, limits: LoadLimits, header_rows: int) -> RawSheet:
    """The non-blank rows of the CSV text; InputError past ``limits.max_items`` data rows.

    ``header_rows`` is how many rows above the data may come on top (header, 目录 rows).
    """
    max_rows = limits.max_items + header_rows
    sheet = RawSheet(file=name, name=None)
    if limits.max_cell_chars >= csv.field_size_limit():
        csv.field_size_limit(limits.max_cell_chars + 1)
    reader = csv.reader(io.StringIO(text, newline=""))
    row = 0
    while True:
        row += 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError.single(
                name,
                f"CSV 格式错误（第 {row} 行）：{exc}",
                f"CSV format error (row {row}): {exc}",
                row=row,
            ) from None
        values: list[str | None] = []
        for index, cell in enumerate(cells):
            if len(cell) > limits.max_cell_chars:
                sheet.flag_too_long(row, index, len(cell), limits.max_cell_chars)
                values.append(None)
            else:
                values.append(cell)
        if all(is_blank(v) for v in values) and row not in sheet.flags:
            continue
        if len(sheet.rows) >= max_rows:
            raise InputError.single(
                name,
                f"CSV 超过 {limits.max_items} 行事项，已停止读取"
                "（上限可用环境变量 PERMITLOGIC_MAX_ITEMS 调整）",
                f"the CSV has more than {limits.max_items} rows of items; reading stopped "
                "(set PERMITLOGIC_MAX_ITEMS to change the limit)",
                row=row,
            )
        sheet.rows.append((row, tuple(values)))
    return sheet
