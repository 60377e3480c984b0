"""Escaping data for each medium it is written to: spreadsheets, XML, the terminal.

Catalog and case text comes from outside. Written into a spreadsheet, text that
begins with ``=``, ``+``, ``-``, ``@``, TAB or CR is a formula to Excel and
LibreOffice (CSV/formula injection, OWASP): in XLSX such a cell is written as
text with the "quote prefix" style (Excel shows the text, runs nothing, and
keeps it text when edited); in CSV it gets a leading ``'`` (OWASP's rule, as
CSV has no styles). Characters XML 1.0 forbids (C0 controls except TAB, LF,
CR) cannot be written to XLSX, SVG or HTML at all, and a terminal obeys escape
sequences: they are replaced by U+FFFD (XLSX, XML) or removed (terminal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl loads only where a workbook is written
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
REPLACEMENT = "\ufffd"

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udfff]")
"""What XML 1.0 cannot hold: C0 controls but TAB/LF/CR, U+FFFE/U+FFFF, lone surrogates."""
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TERMINAL_ESCAPE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.?)"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
"""CSI (colours, cursor, clear screen), OSC (window title, hyperlinks), DCS/SOS/PM/APC, ESC x."""


def xml_text(text: str) -> str:
    """``text`` with what XML 1.0 cannot hold replaced by U+FFFD (escape <>& separately)."""
    return _XML_FORBIDDEN.sub(REPLACEMENT, text)


def terminal_text(text: str) -> str:
    """``text`` with escape sequences and other control characters removed (TAB, LF kept)."""
    return _CONTROL.sub("", _TERMINAL_ESCAPE.sub("", text))


def sheet_text(text: str) -> str:
    """Text a spreadsheet cell can hold: XML-forbidden and other control characters replaced."""
    return _CONTROL.sub(REPLACEMENT, xml_text(text))


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def csv_value(value: Any) -> Any:
    """A CSV field: text made safe and, when it would start a formula, prefixed with ``'``."""
    if not isinstance(value, str):
        return value
    text = sheet_text(value)
    return "'" + text if is_formula_like(text) else text


def neutralise(cells: Iterable[Cell]) -> None:
    """Cells of a normal (not write-only) sheet after ``append``: text stays text, never a formula."""
    for cell in cells:
        value = cell.value
        if isinstance(value, str):
            text = sheet_text(value)
            if text != value or cell.data_type == "f":
                cell.value = text
            if is_formula_like(text):
                cell.data_type = "s"
                cell.quotePrefix = True


def append_safe(sheet: Worksheet, values: Sequence[Any]) -> None:
    """``sheet.append(values)``, every text cell made safe (see :func:`neutralise`)."""
    sheet.append([sheet_text(v) if isinstance(v, str) else v for v in values])
    neutralise(sheet[sheet.max_row])


def text_cell(sheet: Any, value: str) -> Cell:
    """A write-only cell holding ``value`` as text, quote-prefixed when formula-like."""
    text = sheet_text(value)
    from openpyxl.cell import WriteOnlyCell

    cell: Cell = WriteOnlyCell(sheet, value=text)
    if is_formula_like(text):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def safe_cell(sheet: Any, value: Any) -> Any:
    """A value for a write-only sheet: text made safe, a cell when it needs the quote prefix."""
    if not isinstance(value, str):
        return value
    text = sheet_text(value)
    return text_cell(sheet, text) if is_formula_like(text) else text
