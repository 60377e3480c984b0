"""Deadline arithmetic in working days."""

from __future__ import annotations

from datetime import date, timedelta

from permitlogic.workdays.calendar import WorkdayCalendar

_ONE_DAY = timedelta(days=1)
MEMO_LIMIT = 100_000


def working_days_after(start: date, n: int, calendar: WorkdayCalendar) -> date:
    """The ``n``-th working day after ``start`` (``start`` itself is not counted).

    Received on Friday 2026-02-13, 5 working days later is 2026-02-27: the
    adjusted working Saturday 2026-02-14 counts, Spring Festival 02-15…23 does
    not. Raises CalendarGap when the count runs into a year without data.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    memo = calendar.deadlines
    found = memo.get((start, n))
    if found is not None:
        return found
    day = start
    left = n
    while left:
        day += _ONE_DAY
        if calendar.is_workday(day):
            left -= 1
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[(start, n)] = day
    return day
