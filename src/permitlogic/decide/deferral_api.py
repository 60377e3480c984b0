"""The Python API of 容缺受理 decisions; see :mod:`permitlogic.decide.api`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from permitlogic.decide.deferral import DeferralRules, deferral_rules
from permitlogic.decide.inputs import coerce
from permitlogic.decide.notice import notice_for
from permitlogic.decide.outcomes import decided_in_order, decided_or_raise
from permitlogic.errors import InputError
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Application, DeferralDecision, Notice
from permitlogic.models.out import Location
from permitlogic.packs.deferral import DeferralPack, bundled_deferral_pack
from permitlogic.workdays.calendar import CalendarGap, WorkdayCalendar
from permitlogic.workdays.sources import bundled_calendar

ApplicationInput = Application | Mapping[str, Any]


def _deferral(pack: DeferralPack | None) -> DeferralRules:
    return deferral_rules(pack or bundled_deferral_pack())


def _received(gap: CalendarGap) -> CalendarGap:
    return gap.at(Location(key="received"))


def decide_deferral(
    application: ApplicationInput,
    catalog: Catalog,
    pack: DeferralPack | None = None,
    calendar: WorkdayCalendar | None = None,
) -> DeferralDecision:
    """reject, notice (一次性告知), accept_with_deferral (容缺受理) or accept, with reasons.

    An InputError when the application is invalid or a date it needs falls in a
    year without holiday data (the error names the year).
    """
    valid = coerce(Application, application, "application")
    outcome = _deferral(pack).decide_one(valid, catalog, calendar or bundled_calendar())
    if isinstance(outcome, CalendarGap):
        raise _received(outcome)
    return outcome


def decide_deferral_each(
    applications: Sequence[ApplicationInput],
    catalog: Catalog,
    pack: DeferralPack | None = None,
    calendar: WorkdayCalendar | None = None,
) -> list[DeferralDecision | InputError]:
    """A decision per application, or the InputError of one that cannot be decided."""

    def decide(valid: list[Application]) -> list[DeferralDecision | CalendarGap]:
        return _deferral(pack).decide(valid, catalog, calendar or bundled_calendar())

    outcomes = decided_in_order(applications, Application, "application", decide)
    return [_received(o) if isinstance(o, CalendarGap) else o for o in outcomes]


def decide_deferral_batch(
    applications: Sequence[ApplicationInput],
    catalog: Catalog,
    pack: DeferralPack | None = None,
    calendar: WorkdayCalendar | None = None,
) -> list[DeferralDecision]:
    """A decision per application, in order; one InputError naming every one that cannot be decided."""
    return decided_or_raise(decide_deferral_each(applications, catalog, pack, calendar))


def deferral_notice(decision: DeferralDecision, pack: DeferralPack | None = None) -> Notice | None:
    """The 一次性告知 notice (or, for accept_with_deferral, the 容缺受理 notice) of a decision."""
    return notice_for(decision, pack or bundled_deferral_pack())
