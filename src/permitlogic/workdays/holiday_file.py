"""A holiday file (rules/calendars/*.yaml or ``--calendar FILE``): one year's arrangement.

The State Council's General Office publishes each year's public holidays and
the adjusted working weekends (调休上班) in a notice; a holiday file copies
that notice for a year the chinesecalendar package does not cover yet.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from permitlogic.models.input_fields import IsoDate, Loc, raise_at
from permitlogic.packs.yaml_pack import load_pack


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class HolidaySpan(_Strict):
    """A public holiday (放假), one day or ``start``…``end`` inclusive."""

    name: Annotated[str, Field(min_length=1)]
    start: IsoDate
    end: IsoDate | None = None

    def days(self) -> list[date]:
        last = self.end or self.start
        return [self.start + timedelta(days=k) for k in range((last - self.start).days + 1)]


class HolidayYear(_Strict):
    """One year's holidays and adjusted working days, with the notice they come from."""

    year: Annotated[int, Field(ge=1949, le=2200)]
    citation: Annotated[str, Field(min_length=1)]
    holidays: list[HolidaySpan]
    adjusted_workdays: list[IsoDate] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_in_year(self) -> Self:
        problems: list[tuple[Loc, str, object]] = []
        off: set[date] = set()
        for index, span in enumerate(self.holidays):
            for key, day in (("start", span.start), ("end", span.end)):
                if day is not None and day.year != self.year:
                    problems.append(
                        (
                            ("holidays", index, key),
                            f"{day} is not in {self.year} / {day} 不在 {self.year} 年内",
                            str(day),
                        )
                    )
            if span.end is not None and span.end < span.start:
                problems.append(
                    (
                        ("holidays", index, "end"),
                        f"end {span.end} is before start {span.start} / "
                        f"结束日期 {span.end} 早于开始日期 {span.start}",
                        str(span.end),
                    )
                )
            else:
                off.update(span.days())
        for index, day in enumerate(self.adjusted_workdays):
            if day.year != self.year:
                problems.append(
                    (
                        ("adjusted_workdays", index),
                        f"{day} is not in {self.year} / {day} 不在 {self.year} 年内",
                        str(day),
                    )
                )
            if day in off:
                problems.append(
                    (
                        ("adjusted_workdays", index),
                        f"{day} is listed both as a holiday and as a working day / "
                        f"{day} 既是放假日又是调休上班日",
                        str(day),
                    )
                )
        raise_at("HolidayYear", problems)
        return self

    def off_days(self) -> frozenset[date]:
        return frozenset(day for span in self.holidays for day in span.days())


def load_holiday_file(path: Path) -> HolidayYear:
    """The holiday file at ``path``; InputError naming file and line otherwise."""
    return load_pack(HolidayYear, path)
