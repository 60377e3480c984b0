"""Read a worksheet's cells with calamine when its XML holds only what both readers read alike.

openpyxl's worksheet parser costs about a quarter of a millisecond per row
(13 s for 50,000 items); calamine (Rust) reads the same sheet in under a
second. The two readers differ on a few constructs: formulas (calamine gives
the cached value, the catalog wants them flagged), Excel error values, date
cells (each reader decides from the number format), ``_xHHHH_`` escapes and
raw carriage returns in text, phonetic runs, entity declarations. Before a
sheet is read its XML is screened, by plain byte searches, for anything of
the kind; a sheet that shows one (and any sheet calamine cannot read) is
read by openpyxl as before, so every value, flag, location and message stays
the same. The screen also bounds the grid calamine builds in memory: rows
and cells must carry their references, no column lies past the last one
read, and the grid is not much sparser than the cells present.
"""

from __future__ import annotations

import functools
import math
import re
import zipfile
from collections.abc import Collection
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from permitlogic.load.sheet_table import RawSheet

MAX_COLUMNS = 100
"""No catalog sheet has more than about fifteen columns; content beyond this is refused."""

_ROUND_FLOAT = 2**53
"""Whole numbers below this survive the trip through a float; above it calamine may differ."""

_RARE = (b"<!", b"_x", b"\r", b":t>", b"='", b":c ")
"""Markers made with a byte rare in a sheet (``! _ CR : '``), searched for only when one
occurs: declarations, comments and CDATA; ``_xHHHH_`` escapes (openpyxl keeps them as typed,
calamine decodes them); raw carriage returns (expat turns them into line feeds); prefixed
text elements and cells, and single-quoted attributes, which the searches here would miss."""
_RARE_BYTES = bytes(
    0 if (byte < 32 and byte not in (9, 10)) or byte in b"!_:'" else byte for byte in range(256)
)
"""Maps the rare bytes, and the control bytes XML cannot hold, to NUL."""
_XML_INVALID = bytes(0 if byte < 32 and byte not in (9, 10, 13) else byte for byte in range(256))
"""Maps the control bytes XML cannot hold to NUL (openpyxl refuses them, calamine reads them)."""
_COMMON = (b"rPh", b'"default"', b' ="', b'= "')
"""Phonetic runs; ``xml:space="default"`` and spaced attributes, which the searches here
would miss."""
_ERROR_OR_DATE = re.compile(rb'"[de]"')
"""``t="e"`` (an Excel error value) or ``t="d"`` (an ISO 8601 date cell)."""
_ODD_STRING = re.compile(rb'"s"[^>]*><v>(?!\d+</v>)')
"""A shared-string cell whose value is not an index (openpyxl refuses the sheet)."""
_ODD_BOOLEAN = re.compile(rb'"b"[^>]*><v>(?![01]</v>)')
"""A TRUE/FALSE cell whose value is not 0 or 1 (openpyxl refuses the sheet)."""
_LEADING_SPACE = re.compile(rb"<t>\s+[^\s<]")
_TRAILING_SPACE = (b" </t>", b"\t</t>", b"\n</t>")
"""Text with white space at either end: calamine trims it unless ``xml:space="preserve"``."""
_FORMULA_END = re.compile(rb"f[\s/>]")
_UNNUMBERED_CELL = re.compile(rb'<c(?:/?>| (?!r="))')
_UNNUMBERED_ROW = re.compile(rb'<row(?:/?>| (?!r="))')
_TWO_LETTERS = re.compile(rb'<c r="[A-Z]{2}')
_WIDE_COLUMN = re.compile(rb'<c r="(?:[A-Z]{3}|C[W-Z]|[D-Z][A-Z])')
"""A cell past column CV (the 100th): such content is flagged by the full reader."""
_ROW_NUMBER = re.compile(rb'<row r="(\d+)"')
_MERGED = re.compile(rb"<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref=\"([^\"]*)\"")
_CHUNK = 1 << 18
_OVERLAP = 128
"""Bytes each piece repeats from the one before: longer than anything searched for."""
_MAX_TAIL = 16 << 20
_DENSE_SLACK = 1_000_000
"""Grid cells always allowed (about 30 MB in calamine)."""


class NotFast(Exception):
    """The sheet must be read by the full (openpyxl) reader."""


def strings_plain(path: Path) -> bool:
    """Whether the workbook's shared strings are well-formed and read the same in both readers."""
    with zipfile.ZipFile(path) as archive:
        part = next(
            (n for n in archive.namelist() if n.lower().endswith("sharedstrings.xml")), None
        )
        if part is None:
            return True
        data = archive.read(part)
    if _differs(data, ()):
        return False
    try:
        expat.ParserCreate().Parse(data, True)
    except expat.ExpatError:
        return False
    return True


def _differs(data: bytes, markers: tuple[bytes, ...]) -> bool:
    """Whether text or markup in ``data`` may read differently in the two readers."""
    if b"\0" in data.translate(_RARE_BYTES) and (
        any(marker in data for marker in _RARE) or b"\0" in data.translate(_XML_INVALID)
    ):
        return True
    return (
        any(marker in data for marker in _COMMON)
        or any(marker in data for marker in markers)
        or _LEADING_SPACE.search(data) is not None
        or _trimmed(data)
    )


def _trimmed(data: bytes) -> bool:
    """Whether a text element without ``xml:space="preserve"`` ends in white space.

    Not when the text is only white space (blank either way); true too when the
    element's start is not in ``data`` (cut off: it cannot be told).
    """
    for ending in _TRAILING_SPACE:
        end = data.find(ending)
        while end >= 0:
            start = data.rfind(b"<t", 0, end)
            if start < 0:
                return True
            opened = data.find(b">", start) + 1
            if b"preserve" not in data[start:opened] and data[opened:end].strip():
                return True
            end = data.find(ending, end + 1)
    return False


def screen(stream: IO[bytes], date_styles: Collection[int]) -> list[str]:
    """The merged ranges (as written) of a sheet both readers read alike; NotFast otherwise.

    ``stream`` is the sheet's XML, read in pieces small enough to stay in the CPU's
    cache while every search runs over them; each piece starts with the last bytes
    of the one before, so that nothing searched for is cut in two.
    """
    if 0 in date_styles:
        raise NotFast("every cell date-formatted")
    state = _Screen([b' s="%d"' % style for style in date_styles])
    pending = b""
    chunk = stream.read(_CHUNK)
    while chunk:
        following = stream.read(_CHUNK)
        data = pending + chunk
        state.scan(data, final=not following)
        state.cells += chunk.count(b"<c ")
        state.keep_tail(data, chunk)
        pending = data[-_OVERLAP:]
        chunk = following
    return state.finish()


class _Screen:
    """What the screen has seen of a sheet so far."""

    def __init__(self, styles: list[bytes]) -> None:
        self.styles = tuple(styles)
        """`` s="N"`` of each date-formatted style."""
        self.digits = 1
        """Digits of the largest row number seen."""
        self.cells = 0
        self.wide = False
        """Whether a cell lies past column Z."""
        self.tail: bytearray | None = None
        """The XML from ``</sheetData>`` on (where the merged ranges are)."""

    def scan(self, data: bytes, final: bool) -> None:
        """Search one piece; ``final``: no piece follows (else its last bytes come again)."""
        if _differs(data, self.styles) or _ERROR_OR_DATE.search(data):
            raise NotFast("a construct the readers treat differently, or a date-formatted cell")
        for match in _FORMULA_END.finditer(data, 1):
            if data[match.start() - 1] in b"<:":
                raise NotFast("a formula")
        if _hit(_UNNUMBERED_CELL, data, final) or _hit(_UNNUMBERED_ROW, data, final):
            raise NotFast("a cell or row without its reference")
        if _hit(_ODD_STRING, data, final) or _hit(_ODD_BOOLEAN, data, final):
            raise NotFast("a shared-string index or TRUE/FALSE value openpyxl refuses")
        if _TWO_LETTERS.search(data):
            self.wide = True
            if _WIDE_COLUMN.search(data):
                raise NotFast("content past the columns read")
        numbers = _ROW_NUMBER.findall(data)
        if numbers:
            self.digits = max(self.digits, len(str(max(map(int, numbers)))))
        if _below(self.digits).search(data):
            raise NotFast("a cell below the last row")

    def keep_tail(self, data: bytes, chunk: bytes) -> None:
        if self.tail is not None:
            self.tail += chunk
            if len(self.tail) > _MAX_TAIL:
                raise NotFast("a long tail after the cells")
            return
        end = data.find(b"</sheetData")
        if b"mergeCell" in (data if end < 0 else data[:end]):
            raise NotFast("merged cells before the cells end")
        if end >= 0:
            self.tail = bytearray(data[end:])

    def finish(self) -> list[str]:
        """The merged ranges; NotFast if calamine's grid (rows × columns) could be huge."""
        if 10**self.digits * (100 if self.wide else 26) > 8 * self.cells + _DENSE_SLACK:
            raise NotFast("a sparse sheet")
        if self.tail is None:
            return []
        return [ref.decode("ascii", "replace") for ref in _MERGED.findall(self.tail)]


def _hit(pattern: re.Pattern[bytes], data: bytes, final: bool) -> bool:
    """Whether ``pattern`` is in ``data``; not if the only match may be a cell cut off at the
    piece's end (its last bytes are searched again, with what follows, in the next piece)."""
    found = pattern.search(data)
    if found is None:
        return False
    return final or found.end() + 32 < len(data) or found.start() < len(data) - _OVERLAP


@functools.cache
def _below(digits: int) -> re.Pattern[bytes]:
    """A cell reference whose row number has more digits than ``digits``."""
    return re.compile(rb'<c r="[A-Z]{1,3}\d{%d}' % (digits + 1))


def read_rows(
    grid: list[list[Any]], sheet: RawSheet, max_rows: int, limit: int, too_many: Any
) -> None:
    """Append the grid's non-blank rows to ``sheet`` as the full reader would give them.

    ``grid`` is calamine's whole sheet from A1 (empty cells ``""``). Numbers come
    back as floats: whole ones become ints again, as openpyxl reads them from the
    XML; a date, time or huge whole number raises NotFast (the full reader decides
    those). ``too_many(row)`` is the error past ``max_rows`` rows.
    """
    rows = sheet.rows
    if grid and len(grid[0]) > MAX_COLUMNS:
        raise NotFast("content past the columns read")
    for index, cells in enumerate(grid):
        values: list[Any] = []
        last = -1
        for column, value in enumerate(cells):
            if value.__class__ is str:
                if not value or (value[0].isspace() and not value.strip()):
                    values.append(None)
                    continue
                if len(value) > limit:
                    sheet.flag_too_long(index + 1, column, len(value), limit)
                    values.append(None)
                    last = column
                    continue
            elif value.__class__ is float:
                if value.is_integer():
                    if abs(value) >= _ROUND_FLOAT:
                        raise NotFast("a whole number too large for a float")
                    value = int(value)
                elif not math.isfinite(value):  # "NaN" openpyxl refuses, "1e400" it reads
                    raise NotFast("not a finite number")
            elif value.__class__ is not bool and value.__class__ is not int:
                raise NotFast(f"a {type(value).__name__} cell")
            values.append(value)
            last = column
        if last < 0:
            continue
        if len(rows) > max_rows:
            raise too_many(index + 1)
        rows.append((index + 1, tuple(values[: last + 1])))
