"""Comparing a limit in calendar days (自然日) with one in working days (工作日).

The rule: the 行政许可法 counts its own limits in working days, without public
holidays (Art. 82: 本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日);
a statute that says "日" of its own counts calendar days. No date of acceptance
is known when a catalog is checked, so a comparison must hold for every one:

* a statute of *s* calendar days allows, at the least, the fewest working
  days any *s* consecutive calendar days hold in the calendars known
  (chinesecalendar and ``rules/calendars/``, holidays and 调休 included);
  a promise of more working days runs past the statute on some date.
* a statute of *s* working days allows, at the least, the fewest calendar
  days any run of *s* working days spans; a promise of more calendar days runs
  past it on some date.

Equal units compare as they are.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from permitlogic.models.catalog import DayUnit


@cache
def _workday_flags() -> tuple[bool, ...]:
    """Whether each day is a working day, over the longest run of years the calendar covers."""
    # Loaded here: only a limit compared across units needs the holiday calendar.
    from permitlogic.workdays.sources import bundled_calendar

    calendar = bundled_calendar()
    years = calendar.years
    runs: list[list[int]] = []
    for year in years:
        if runs and runs[-1][-1] == year - 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    longest = max(runs, key=len)
    day, end = date(longest[0], 1, 1), date(longest[-1], 12, 31)
    flags = []
    while day <= end:
        flags.append(calendar.is_workday(day))
        day += timedelta(days=1)
    return tuple(flags)


@cache
def fewest_workdays(calendar_days: int) -> int:
    """The fewest working days in any ``calendar_days`` consecutive days of the known calendars."""
    flags = _workday_flags()
    if calendar_days <= 0:
        return 0
    window = min(calendar_days, len(flags))
    count = sum(flags[:window])
    best = count
    for end in range(window, len(flags)):
        count += flags[end] - flags[end - window]
        best = min(best, count)
    return best


@cache
def fewest_calendar_days(working_days: int) -> int:
    """The fewest calendar days any run of ``working_days`` working days spans (first to last)."""
    if working_days <= 0:
        return 0
    positions = [i for i, flag in enumerate(_workday_flags()) if flag]
    if working_days > len(positions):
        return working_days
    return min(
        positions[k + working_days - 1] - positions[k] + 1
        for k in range(len(positions) - working_days + 1)
    )


def allowed_in(promise_unit: DayUnit, statute: int, statute_unit: DayUnit) -> int:
    """The most a promise in ``promise_unit`` may be so it never runs past the statute."""
    if promise_unit is statute_unit:
        return statute
    if statute_unit is DayUnit.calendar:
        return fewest_workdays(statute)
    return fewest_calendar_days(statute)
