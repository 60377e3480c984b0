"""Working days (工作日, 行政许可法 Art. 82): the calendar and deadline arithmetic."""

from permitlogic.workdays.calendar import CalendarGap, WorkdayCalendar
from permitlogic.workdays.deadline import working_days_after
from permitlogic.workdays.sources import bundled_calendar, load_calendar

__all__ = [
    "CalendarGap",
    "WorkdayCalendar",
    "bundled_calendar",
    "load_calendar",
    "working_days_after",
]
