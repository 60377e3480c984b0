"""The deadline property: deadlines count working days, and the notice comes within five."""

from __future__ import annotations

from datetime import date, timedelta

from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Application, DeferralDecision, DeferralOutcome
from permitlogic.testing.packs import CatalogLike, Packs, PacksLike
from permitlogic.testing.properties.deferral_cases import every_deferral
from permitlogic.workdays.calendar import WorkdayCalendar

NOTICE_LIMIT_DAYS = 5
"""行政许可法 Art. 32: the notice of what is missing is given within five (working) days."""


def deadlines_are_sane(
    packs: PacksLike = None,
    catalog: CatalogLike = None,
    *,
    max_examples: int | None = None,
) -> None:
    """Deadlines count working days and the notice comes within five of them.

    A notice (一次性告知) is due on a working day after receipt, at most five
    working days later (行政许可法 Art. 32) and exactly the pack's
    ``notice_working_days``; deferred materials are due on a working day
    exactly ``deadline_working_days`` working days after receipt (Art. 82:
    working days, not calendar days). Accept and reject carry neither date.
    """
    every_deferral("are_sane", packs, catalog, max_examples, _check_deadlines)


def _check_deadlines(
    catalog: Catalog, application: Application, decision: DeferralDecision, packs: Packs
) -> None:
    """A notice or a deferral is due on a working day, as many after receipt as the pack says."""
    pack, calendar = packs.deferral, packs.calendar
    received = application.received
    if decision.decision is DeferralOutcome.notice:
        due = decision.notice_due
        assert due is not None, "一次性告知没有送达期限 / a notice without a due date"
        counted = _working_days_between(received, due, calendar)
        assert calendar.is_workday(due), f"告知期限 {due} 不是工作日 / {due} is not a working day"
        assert counted <= NOTICE_LIMIT_DAYS, (
            f"告知期限 {due} 在受理日 {received} 后第 {counted} 个工作日，超过行政许可法第三十二条的"
            f"五日 / the notice is due {counted} working days after receipt, beyond Art. 32's five"
        )
        assert counted == pack.notice_working_days, (
            f"告知期限为受理后第 {counted} 个工作日，规则包规定 {pack.notice_working_days} 个 / "
            f"due after {counted} working days, the pack says {pack.notice_working_days}"
        )
    elif decision.decision is DeferralOutcome.accept_with_deferral:
        due = decision.deadline
        assert due is not None, "容缺受理没有补正期限 / a deferral without a deadline"
        assert calendar.is_workday(due), f"补正期限 {due} 不是工作日 / {due} is not a working day"
        counted = _working_days_between(received, due, calendar)
        assert counted == pack.deadline_working_days, (
            f"补正期限 {due} 是受理日 {received} 后第 {counted} 个工作日，规则包规定 "
            f"{pack.deadline_working_days} 个工作日 / the deadline is {counted} working days "
            f"after receipt, the pack says {pack.deadline_working_days} (working days, Art. 82)"
        )
    else:
        assert decision.deadline is None and decision.notice_due is None, (
            f"{decision.decision.value} 不应有期限 / {decision.decision.value} carries a date"
        )


def _working_days_between(start: date, end: date, calendar: WorkdayCalendar) -> int:
    """Working days in (start, end]; negative when end is not after start."""
    if end <= start:
        return -1
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += calendar.is_workday(day)
    return count
