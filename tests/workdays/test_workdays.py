"""Working days: Spring Festival, National Day, 调休 Saturdays, years without data, holiday files."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from permitlogic.errors import InputError
from permitlogic.workdays import (
    CalendarGap,
    bundled_calendar,
    load_calendar,
    working_days_after,
)
from permitlogic.workdays.holiday_file import load_holiday_file
from permitlogic.workdays.sources import package_table, package_years

CALENDAR = bundled_calendar()
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "decide" / "data"
TEST_2027 = DATA / "calendar-2027-test.yaml"


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 2, 13), 5, date(2026, 2, 27)),  # Spring Festival; Sat 02-14 works
        (date(2026, 2, 13), 1, date(2026, 2, 14)),  # the 调休 Saturday itself
        (date(2026, 2, 14), 1, date(2026, 2, 24)),
        (date(2026, 9, 29), 5, date(2026, 10, 12)),  # National Day; Sat 10-10 works
        (date(2026, 9, 18), 1, date(2026, 9, 20)),  # Sunday 09-20 works
        (date(2026, 10, 3), 5, date(2026, 10, 13)),  # received during the holiday
        (date(2026, 4, 30), 1, date(2026, 5, 6)),  # Labour Day
        (date(2026, 5, 8), 1, date(2026, 5, 9)),  # Saturday 05-09 works
    ],
)
def test_known_deadlines(start: date, n: int, expected: date) -> None:
    assert working_days_after(start, n, CALENDAR) == expected


def test_2027_without_a_holiday_file_names_the_year() -> None:
    with pytest.raises(CalendarGap) as caught:
        working_days_after(date(2027, 3, 1), 5, CALENDAR)
    assert caught.value.year == 2027
    assert "2027" in caught.value.describe("zh") and "2027" in caught.value.describe("en")
    with pytest.raises(CalendarGap, match="2027"):
        working_days_after(date(2026, 12, 29), 5, CALENDAR)  # runs into 2027


def test_a_user_holiday_file_covers_2027() -> None:
    calendar = load_calendar(files=[TEST_2027])
    assert calendar.covers(2027) and calendar.covers(2026)
    assert working_days_after(date(2026, 12, 29), 5, calendar) == date(2027, 1, 6)
    assert working_days_after(date(2027, 2, 5), 5, calendar) == date(2027, 2, 19)
    assert "calendar-2027-test.yaml" in calendar.source(2027)


def test_the_bundled_2026_file_agrees_with_chinesecalendar() -> None:
    from_file = load_calendar(files=[ROOT / "rules" / "calendars" / "2026.yaml"])
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert from_file.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_chinesecalendar_years_are_covered() -> None:
    years = package_years()
    assert years[0] <= 2004 and years[-1] >= 2026
    assert all(CALENDAR.covers(y) for y in years)


def test_a_bad_holiday_file_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "2028.yaml"
    bad.write_text(
        "year: 2028\ncitation: 测试\nholidays:\n  - {name: 元旦, start: 2027-12-31}\n"
        "adjusted_workdays: [2027-06-05]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_holiday_file(bad)
    lines = {(p.location.file, p.location.line) for p in caught.value.problems}
    assert (str(bad), 4) in lines and (str(bad), 5) in lines


def test_two_files_for_one_year_are_an_error(tmp_path: Path) -> None:
    copy = tmp_path / "again.yaml"
    copy.write_text(TEST_2027.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="2027"):
        load_calendar(files=[TEST_2027, copy])


def test_a_rules_directory_brings_its_calendars(tmp_path: Path) -> None:
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "2027.yaml").write_text(TEST_2027.read_text("utf-8"), "utf-8")
    calendar = load_calendar(tmp_path)
    assert calendar.covers(2027)


RECEIVED = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 11, 30))
DAYS = st.integers(min_value=1, max_value=20)


@given(RECEIVED, DAYS)
def test_a_deadline_is_a_working_day_after_received(received: date, n: int) -> None:
    deadline = working_days_after(received, n, CALENDAR)
    assert deadline > received
    assert chinese_calendar.is_workday(deadline)
    counted = sum(
        chinese_calendar.is_workday(received + timedelta(days=k))
        for k in range(1, (deadline - received).days + 1)
    )
    assert counted == n


@given(RECEIVED, RECEIVED, DAYS)
def test_deadlines_are_monotone_in_received(a: date, b: date, n: int) -> None:
    first, second = sorted((a, b))
    assert working_days_after(first, n, CALENDAR) <= working_days_after(second, n, CALENDAR)


@given(RECEIVED, DAYS)
def test_deadlines_agree_with_a_plain_count(received: date, n: int) -> None:
    holidays = set(chinese_calendar.holidays)
    workdays = set(chinese_calendar.workdays)
    expected = plain_workdays_after(received, n, holidays, workdays)
    assert working_days_after(received, n, CALENDAR) == expected


def plain_workdays_after(start: date, n: int, holidays: set[date], workdays: set[date]) -> date:
    day = start
    while n:
        day += timedelta(days=1)
        if day in workdays or (day.weekday() < 5 and day not in holidays):
            n -= 1
    return day


def test_the_package_tables_give_the_days_of_chinesecalendar_is_workday() -> None:
    """Every day of every year chinesecalendar covers: off, adjusted or ordinary alike."""
    assert package_years()
    for year in package_years():
        table = package_table(year)
        day = date(year, 1, 1)
        while day.year == year:
            expected = chinese_calendar.is_workday(day)
            assert table.is_workday(day) == expected, day
            day += timedelta(days=1)
