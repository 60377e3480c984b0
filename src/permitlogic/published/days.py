"""Day cells as published: "20个工作日", "20日", "30个自然日", "即办", "承诺：5个工作日".

The rule for a bare "日"/"天": the 行政许可法 counts its own limits in working
days (Art. 82: 以工作日计算，不含法定节假日), so for a 行政许可 a bare day count is
read as working days; for any other kind it is read as calendar days, as a
statute that says "日" of its own counts them. Every reading of a bare day
count is written to the import log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from permitlogic.law.numerals import parse_number
from permitlogic.models.catalog import DayUnit

_ON_THE_SPOT = re.compile(r"^(即办件?|即时办结|当场办结|当场办理|立即办结|即来即办|当场)$")
_PREFIX = re.compile(r"^(承诺|法定|办结时限|时限)?[：:]?")
_NUMBER = r"([0-9]+|[零〇一二两三四五六七八九十百]+)"
_WORKING = re.compile(rf"^{_NUMBER}个?工作日(内)?$")
_CALENDAR = re.compile(rf"^{_NUMBER}个?自然日(内)?$")
_BARE = re.compile(rf"^{_NUMBER}[个]?[日天](内)?$")
_PLAIN = re.compile(r"^[0-9]+$")


@dataclass(frozen=True)
class Days:
    """A reading of a day cell: a number and its unit, or on the spot (0 days)."""

    days: int
    unit: DayUnit
    on_the_spot: bool = False
    note_zh: str | None = None
    """Set when the reading interpreted something (a bare 日, a bare number)."""


def read_days(text: str, *, license: bool) -> Days | None:
    """The cell read, or None when it cannot be read (the caller reports the cell)."""
    value = re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")
    value = _PREFIX.sub("", value, count=1)
    if _ON_THE_SPOT.match(value):
        return Days(0, DayUnit.working, on_the_spot=True, note_zh=f"「{text}」读作即办（0 日）")
    for pattern, unit in ((_WORKING, DayUnit.working), (_CALENDAR, DayUnit.calendar)):
        match = pattern.match(value)
        if match:
            number = parse_number(match.group(1))
            return Days(number, unit) if number is not None else None
    bare = _BARE.match(value)
    if bare:
        number = parse_number(bare.group(1))
        if number is None:
            return None
        unit = DayUnit.working if license else DayUnit.calendar
        why = "行政许可法第八十二条：以工作日计算" if license else "未写“工作日”，按自然日"
        return Days(number, unit, note_zh=f"「{text}」读作 {number}{unit.zh}（{why}）")
    if _PLAIN.match(value):
        number = int(value)
        unit = DayUnit.working if license else DayUnit.calendar
        return Days(number, unit, note_zh=f"「{text}」无单位，读作 {number}{unit.zh}")
    return None
