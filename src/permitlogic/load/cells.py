"""Read one spreadsheet cell into the value of its catalog key, or say clearly why not.

Rules that apply to every sheet:

- Text is trimmed. A whole number typed into a text column (``1001``) reads
  as the text ``"1001"``.
- A number of days is a whole number: a numeric cell, or text made only of
  digits (``"20"``, as every CSV cell is). Units (``20个工作日``), decimals and
  words are refused with a message saying so.
- A multi-line cell has one entry per line; fields are separated by ``｜``
  (the ASCII ``|`` is accepted too); blank lines are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from permitlogic.load.sheet_format import (
    ADMIN_LEVEL_WORDS,
    CORE_WORDS,
    DECISION_WORDS,
    FALSE_WORDS,
    KIND_WORDS,
    LEVEL_WORDS,
    STATUS_WORDS,
    TRUE_WORDS,
    CellType,
)
from permitlogic.models.catalog import LEVEL_ZH

V = TypeVar("V")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHOLE = re.compile(r"^[+-]?\d+$")
_LIST_SEPARATORS = re.compile(r"[\n、,，;；]")


class CellError(Exception):
    """Why a cell cannot be read, in Chinese and English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str:
    if isinstance(value, str):
        if value.isprintable():  # no control character (nor a line break): the usual cell
            return value.strip()
        control = _CONTROL.search(value)
        if control is not None:
            code = f"U+{ord(control.group()):04X}"
            raise CellError(
                f"含有不可见的控制字符 {code}：请删除后重新输入",
                f"holds an invisible control character {code}: delete it and type the text again",
            )
        return value.strip()
    if isinstance(value, bool):
        raise CellError("应为文本，实际为逻辑值", "expected text, got a TRUE/FALSE value")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raise CellError(f"应为文本（实际为 {value!r}）", f"expected text (got {value!r})")


def integer(value: object) -> int:
    """A whole number of days or levels, from a number cell or digits-only text."""
    if isinstance(value, bool):
        raise CellError("应为整数，实际为逻辑值", "expected a whole number, got TRUE/FALSE")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(
            f"应为整数（工作日天数），不能有小数（实际为 {value}）",
            f"expected a whole number of working days, not a fraction (got {value})",
        )
    if isinstance(value, str):
        stripped = value.strip()
        if _WHOLE.match(stripped):
            return int(stripped)
        raise CellError(
            f"应为整数，只填数字，例如 20（不要写单位或文字；实际为「{stripped}」）",
            f"expected a whole number, digits only, e.g. 20 (no units or words; got {stripped!r})",
        )
    raise CellError(f"应为整数（实际为 {value!r}）", f"expected a whole number (got {value!r})")


def boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(
        f"应为「是」或「否」（实际为「{word}」）", f"expected 是 (yes) or 否 (no) (got {word!r})"
    )


def choice(value: object, words: Mapping[str, V]) -> V:
    word = text(value)
    found = words.get(word)
    if found is None:
        found = words.get(word.lower())
    if found is None:
        allowed = "、".join(w for w in words if not w.isascii())
        raise CellError(
            f"取值不在允许范围内：应为 {allowed}（实际为「{word}」）",
            f"not an allowed value: expected one of {allowed} or the English key (got {word!r})",
        )
    return found


def day(value: object) -> date | str:
    """A date cell, or the text as typed (validated later as YYYY-MM-DD)."""
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise CellError("应为日期，不能带时间", "expected a date without a time")
        return value.date()
    if isinstance(value, date):
        return value
    return text(value)


def lines(value: object) -> list[str]:
    raw = text(value)
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return [line for line in map(str.strip, raw.split("\n")) if line]


def fields(line: str) -> list[str]:
    return list(map(str.strip, line.replace("|", "｜").split("｜")))


def _level(word: str) -> str:
    found = LEVEL_WORDS.get(word) or LEVEL_WORDS.get(word.lower())
    if found is None:
        allowed = "、".join(LEVEL_ZH.values())
        raise CellError(
            f"层级「{word}」不认识，应为 {allowed}",
            f"unknown level {word!r}; expected one of {allowed} or the English key",
        )
    return found.value


def _basis(parts: list[str]) -> dict[str, Any]:
    level, title, *rest = parts
    if not title:
        raise CellError("缺少依据名称", "the title of the basis is missing")
    out: dict[str, Any] = {"level": _level(level), "title": title}
    if rest and rest[0]:
        out["article"] = rest[0]
    return out


def _each_line(value: object, read: Any) -> list[Any]:
    """Read every line; all bad lines are reported together, by line number in the cell."""
    out = []
    errors_zh: list[str] = []
    errors_en: list[str] = []
    for number, line in enumerate(lines(value), 1):
        try:
            out.append(read(fields(line)))
        except CellError as exc:
            errors_zh.append(f"第 {number} 行：{exc.zh}")
            errors_en.append(f"line {number}: {exc.en}")
    if errors_zh:
        raise CellError("；".join(errors_zh), "; ".join(errors_en))
    return out


def basis_list(value: object) -> list[dict[str, Any]]:
    def read(parts: list[str]) -> dict[str, Any]:
        if len(parts) < 2 or len(parts) > 3:
            raise CellError(
                f"应为「层级｜名称｜条款」（{len(parts)} 段）",
                f"expected 'level｜title｜article' ({len(parts)} fields)",
            )
        return _basis(parts)

    return _each_line(value, read)


def prerequisite_list(value: object) -> list[tuple[str, dict[str, Any] | None]]:
    """(item id, item name or external text; its basis or None), one per line."""

    def read(parts: list[str]) -> tuple[str, dict[str, Any] | None]:
        if not parts[0]:
            raise CellError("缺少事项编码或名称", "the item code or name is missing")
        if len(parts) == 1:
            return parts[0], None
        if len(parts) in (3, 4):
            return parts[0], _basis(parts[1:])
        raise CellError(
            f"应为「事项编码或名称｜层级｜依据名称｜条款」或只写事项（{len(parts)} 段）",
            f"expected 'item code or name｜level｜title｜article' or the item alone ({len(parts)} fields)",
        )

    return _each_line(value, read)


def material_list(value: object) -> list[dict[str, Any]]:
    """Materials with ids m1, m2, … in the order written."""

    def read(parts: list[str]) -> dict[str, Any]:
        if len(parts) > 3 or not parts[0]:
            raise CellError(
                "应为「材料名称｜核心/非核心｜出具部门」",
                "expected 'name｜核心/非核心 (core/non-core)｜issuing department'",
            )
        out: dict[str, Any] = {"name": parts[0]}
        if len(parts) > 1 and parts[1]:
            core = CORE_WORDS.get(parts[1].lower())
            if core is None:
                raise CellError(
                    f"「{parts[1]}」应为 核心 或 非核心", f"{parts[1]!r}: expected 核心 or 非核心"
                )
            out["core"] = core
        if len(parts) > 2 and parts[2]:
            out["issued_by"] = parts[2]
        return out

    materials = _each_line(value, read)
    return [{"id": f"m{n}", **m} for n, m in enumerate(materials, 1)]


def item_list(value: object) -> list[str]:
    return [part.strip() for part in _LIST_SEPARATORS.split(text(value)) if part.strip()]


_KIND_VALUES = {word: kind.value for word, kind in KIND_WORDS.items()}
_DECISION_VALUES = {word: kind.value for word, kind in DECISION_WORDS.items()}
_ADMIN_LEVEL_VALUES = {word: level.value for word, level in ADMIN_LEVEL_WORDS.items()}
_STATUS_VALUES = {word: status.value for word, status in STATUS_WORDS.items()}
"""Each allowed word and the key it stands for (the enums' values, looked up once)."""

_READERS: dict[CellType, Any] = {
    CellType.text: text,
    CellType.integer: integer,
    CellType.boolean: boolean,
    CellType.kind: lambda value: choice(value, _KIND_VALUES),
    CellType.decision: lambda value: choice(value, _DECISION_VALUES),
    CellType.admin_level: lambda value: choice(value, _ADMIN_LEVEL_VALUES),
    CellType.status: lambda value: choice(value, _STATUS_VALUES),
    CellType.date: day,
    CellType.basis: basis_list,
    CellType.prerequisites: prerequisite_list,
    CellType.materials: material_list,
    CellType.item_list: item_list,
}


def reader(type_: CellType) -> Any:
    """The function reading a non-blank cell for a column of ``type_`` (CellError if unusable)."""
    return _READERS[type_]


def read_cell(value: object, type_: CellType) -> Any:
    """The value of a non-blank cell for a column of ``type_``."""
    return _READERS[type_](value)
