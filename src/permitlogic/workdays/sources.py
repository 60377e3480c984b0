"""Where working-day data comes from: user files, then chinesecalendar, then rules/calendars/."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import chinese_calendar

from permitlogic.errors import InputError, Problem
from permitlogic.models.out import Location
from permitlogic.packs.location import default_rules_dir
from permitlogic.workdays.calendar import WorkdayCalendar, YearTable
from permitlogic.workdays.holiday_file import HolidayYear, load_holiday_file

CALENDARS_DIR = "calendars"
PACKAGE_SOURCE = f"chinesecalendar {getattr(chinese_calendar, '__version__', '')}".strip()


@cache
def package_years() -> tuple[int, ...]:
    """The years the installed chinesecalendar package has holiday data for."""
    years = {day.year for day in chinese_calendar.holidays}
    return tuple(range(min(years), max(years) + 1)) if years else ()


@cache
def package_table(year: int) -> YearTable:
    """One year from chinesecalendar's public ``holidays`` and ``workdays`` tables.

    The same days as its ``is_workday`` (a day works when it is an adjusted
    working day, or a weekday that is not a holiday), read from the tables at
    once: ``is_workday`` checks the supported range over every holiday on each
    call, which took a quarter of a second per process over all the years.
    """
    work = frozenset(
        day for day in chinese_calendar.workdays if day.year == year and day.weekday() >= 5
    )
    off = frozenset(
        day
        for day in chinese_calendar.holidays
        if day.year == year and day.weekday() < 5 and day not in chinese_calendar.workdays
    )
    return YearTable(year, off, work, PACKAGE_SOURCE)


def file_table(holidays: HolidayYear, path: Path) -> YearTable:
    return YearTable(
        holidays.year,
        holidays.off_days(),
        frozenset(holidays.adjusted_workdays),
        f"{path} ({holidays.citation})",
    )


def _read_files(paths: Sequence[Path]) -> dict[int, YearTable]:
    """Each file's year; two files for one year is an error naming both."""
    tables: dict[int, YearTable] = {}
    origin: dict[int, Path] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            holidays = load_holiday_file(path)
        except InputError as error:
            problems.extend(error.problems)
            continue
        if holidays.year in tables:
            problems.append(
                Problem(
                    location=Location(file=str(path), key="year"),
                    message_zh=f"{holidays.year} 年的节假日已由 {origin[holidays.year]} 给出，不能重复",
                    message_en=f"the year {holidays.year} is already given by {origin[holidays.year]}",
                )
            )
            continue
        tables[holidays.year] = file_table(holidays, path)
        origin[holidays.year] = path
    if problems:
        raise InputError(problems)
    return tables


def rules_calendar_files(rules_dir: Path) -> list[Path]:
    directory = rules_dir / CALENDARS_DIR
    return sorted(directory.glob("*.yaml")) if directory.is_dir() else []


def load_calendar(rules_dir: Path | None = None, files: Sequence[Path] = ()) -> WorkdayCalendar:
    """The calendar: ``files`` (``--calendar``) first, then chinesecalendar, then the rules dir.

    A year takes its whole arrangement from the first source that covers it.
    Without ``rules_dir`` the bundled rules/calendars/ is used.
    """
    if rules_dir is None and not files:
        return bundled_calendar()
    directory = rules_dir or default_rules_dir()
    tables = _read_files(rules_calendar_files(directory))
    for year in package_years():
        tables[year] = package_table(year)
    tables.update(_read_files(files))
    return WorkdayCalendar(tables)


@cache
def bundled_calendar() -> WorkdayCalendar:
    """chinesecalendar plus the bundled rules/calendars/, built once."""
    tables = _read_files(rules_calendar_files(default_rules_dir()))
    for year in package_years():
        tables[year] = package_table(year)
    return WorkdayCalendar(tables)
