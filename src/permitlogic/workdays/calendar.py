"""The working-day calendar: which dates are working days, year by year, from named sources."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from permitlogic.errors import InputError, Problem
from permitlogic.models.out import Location


@dataclass(frozen=True)
class YearTable:
    """One year's exceptions to the Monday–Friday week, and where they come from."""

    year: int
    off_days: frozenset[date]
    """Public holidays (weekdays among them are not working days)."""
    workdays: frozenset[date]
    """Adjusted working weekends (调休上班)."""
    source: str

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.off_days


class CalendarGap(InputError):
    """A date falls in a year no calendar source covers: never a guess, always this error."""

    def __init__(self, year: int, covered: list[int], location: Location | None = None) -> None:
        self.year = year
        self.covered = list(covered)
        span = _span(covered)
        problem = Problem(
            location=location or Location(),
            message_zh=(
                f"没有 {year} 年的节假日安排数据（已有：{span}），无法计算工作日；"
                f"请按国务院办公厅 {year} 年部分节假日安排的通知编写节假日文件，"
                f"放入 rules/calendars/ 或用 --calendar FILE 传入"
            ),
            message_en=(
                f"no holiday data for the year {year} (covered: {span}), so working days "
                f"cannot be counted; write a holiday file from the State Council's notice "
                f"for {year} and put it in rules/calendars/ or pass it with --calendar FILE"
            ),
        )
        super().__init__([problem])

    def at(self, location: Location) -> CalendarGap:
        """The same gap, located at the input that needed the date."""
        return CalendarGap(self.year, self.covered, location)


def _span(years: list[int]) -> str:
    """``2004–2026, 2028`` from a list of years."""
    if not years:
        return "—"
    runs: list[tuple[int, int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs)


class WorkdayCalendar:
    """Working days for the years its sources cover; any other year is a CalendarGap.

    The tables never change after construction; the deadline memo only grows
    by whole entries, so one calendar is safe to share between threads.
    """

    def __init__(self, tables: Mapping[int, YearTable]) -> None:
        self._tables = dict(tables)
        self.deadlines: dict[tuple[date, int], date] = {}
        """Deadlines already counted (filled by ``working_days_after``)."""

    @property
    def years(self) -> list[int]:
        return sorted(self._tables)

    def covers(self, year: int) -> bool:
        return year in self._tables

    def source(self, year: int) -> str:
        """Where the year's holidays come from (a package or a file)."""
        return self.table(year).source

    def table(self, year: int) -> YearTable:
        found = self._tables.get(year)
        if found is None:
            raise CalendarGap(year, self.years)
        return found

    def is_workday(self, day: date) -> bool:
        """True on a working day; CalendarGap when no source covers ``day.year``."""
        found = self._tables.get(day.year)
        if found is None:
            raise CalendarGap(day.year, self.years)
        return found.is_workday(day)
