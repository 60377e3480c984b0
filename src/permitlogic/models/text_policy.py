"""One policy for every text field and id the models accept (docs/limits.md).

Applied by the models themselves, so the loaders, the HTTP API, the decision
inputs and the ledger refuse and normalise alike:

- **ids** (item, chain, catalog, material, application, applicant, project
  ids; case ids): surrounding whitespace trimmed, Unicode NFC, full-width ASCII
  (``Ａ－１２``) read as ASCII, at most :data:`ID_MAX_CHARS` characters, no
  control character at all;
- **names** (names, departments, titles, jurisdictions): NFC, at most
  :data:`NAME_MAX_CHARS` characters, no control character (one line);
- **texts** (articles, reasons, documents): NFC, at most
  :data:`TEXT_MAX_CHARS` characters, no control character except TAB, LF and CR.

Control characters are C0 (U+0000–U+001F), DEL (U+007F) and C1
(U+0080–U+009F): they carry terminal escapes, break XML and spreadsheets, and
PostgreSQL cannot store NUL. The ledger's columns are sized to these limits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Annotated

from pydantic import BeforeValidator, Field

ID_MAX_CHARS = 128
"""Longest id: the ledger's id columns are VARCHAR(128) on every store."""
NAME_MAX_CHARS = 400
"""Longest name, department or title: the ledger's name columns are VARCHAR(400)."""
TEXT_MAX_CHARS = 10_000
"""Longest free text (an article, a reason): the spreadsheet cell limit's default."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_EXCEPT_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
"""Full-width ASCII (U+FF01–U+FF5E) and the ideographic space, as typed by a Chinese IME."""


def _refuse_control(text: str, pattern: re.Pattern[str]) -> None:
    found = pattern.search(text)
    if found is not None:
        code = f"U+{ord(found.group()):04X}"
        raise ValueError(
            f"control character {code} at position {found.start() + 1} is not allowed / "
            f"第 {found.start() + 1} 个字符是控制字符 {code}，不允许"
        )


def normalise_id(value: object) -> object:
    """An id trimmed, NFC, full-width ASCII as ASCII; refused with any control character."""
    try:
        return _IDS[value]  # type: ignore[index]
    except (KeyError, TypeError):  # not seen yet, or not a string (unhashable)
        return _normalised(value, _id_form, _IDS)


def normalise_name(value: object) -> object:
    """A one-line name in NFC; refused with any control character."""
    try:
        return _NAMES[value]  # type: ignore[index]
    except (KeyError, TypeError):
        return _normalised(value, _name_form, _NAMES)


def normalise_text(value: object) -> object:
    """Free text in NFC; refused with a control character other than TAB, LF, CR."""
    try:
        return _TEXTS[value]  # type: ignore[index]
    except (KeyError, TypeError):
        return _normalised(value, _text_form, _TEXTS)


def _normalised(value: object, form: Callable[[str], str], seen: dict[str, str]) -> object:
    """``form`` of a string, remembered when short (a refused one raises, and is not)."""
    if not isinstance(value, str):
        return value
    text = form(value)
    if len(value) <= _CACHED_CHARS and len(seen) < _CACHED:
        seen[value] = text
    return text


def _id_form(value: str) -> str:
    if value.isascii() and value.isprintable():
        return value.strip()  # already NFC, no full-width form, no control character
    text = unicodedata.normalize("NFC", value).translate(_FULL_WIDTH).strip()
    _refuse_control(text, _CONTROL)
    return text


def _name_form(value: str) -> str:
    return _nfc(value, _CONTROL)


def _text_form(value: str) -> str:
    return _nfc(value, _CONTROL_EXCEPT_LINES)


def _nfc(value: str, refused: re.Pattern[str]) -> str:
    text = unicodedata.normalize("NFC", value)
    _refuse_control(text, refused)
    return text


# Catalogs repeat their departments, titles, articles and material names thousands
# of times: a short string is normalised once and remembered (a refused one is not),
# in a plain dict read first (cheaper than any call), until it holds _CACHED strings.
# Only strings are stored, so no other value can be mistaken for one.
_CACHED_CHARS = 64
_CACHED = 1 << 14
_IDS: dict[str, str] = {}
_NAMES: dict[str, str] = {}
_TEXTS: dict[str, str] = {}


# The length constraints come first so they are the string's own (checked after the
# normalising before-validator, with the string's error type).
Id = Annotated[str, Field(min_length=1, max_length=ID_MAX_CHARS), BeforeValidator(normalise_id)]
Name = Annotated[
    str, Field(min_length=1, max_length=NAME_MAX_CHARS), BeforeValidator(normalise_name)
]
Text = Annotated[str, Field(max_length=TEXT_MAX_CHARS), BeforeValidator(normalise_text)]
"""Free text; may be empty (an empty article is no article)."""
OutId = Annotated[str, Field(max_length=ID_MAX_CHARS), BeforeValidator(normalise_id)]
"""An id an output model carries (may be empty where the output says so)."""
OutName = Annotated[str, Field(max_length=NAME_MAX_CHARS), BeforeValidator(normalise_name)]
