"""The Python API of eligibility decisions: green channel (1+3+2+1) and 容缺受理.

>>> import permitlogic as pl
>>> d = pl.decide_green_channel({"id": "P-1", ...})          # GreenChannelDecision
>>> d = pl.decide_deferral(application, pl.load_catalog(path))  # DeferralDecision

Inputs are models or dicts (the fields, or ``{"project": fields}`` /
``{"application": fields}``); a missing or mistyped field is an InputError,
never a silent false. Packs default to the bundled ``rules/``; the calendar to
chinesecalendar plus ``rules/calendars/``. Every function is thread-safe.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from permitlogic.decide.deferral import DeferralRules, deferral_rules
from permitlogic.decide.green_channel import GreenChannelRules, green_channel_rules
from permitlogic.decide.inputs import coerce
from permitlogic.decide.notice import notice_for
from permitlogic.errors import InputError, Problem
from permitlogic.gc_pause import collector_paused
from permitlogic.load.yaml_source import key_path
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import (
    Application,
    DeferralDecision,
    GreenChannelDecision,
    Notice,
    Project,
)
from permitlogic.models.report import Location
from permitlogic.packs.deferral import DeferralPack, bundled_deferral_pack
from permitlogic.packs.green_channel import GreenChannelPack, bundled_green_channel_pack
from permitlogic.workdays.calendar import CalendarGap, WorkdayCalendar
from permitlogic.workdays.sources import bundled_calendar

ProjectInput = Project | Mapping[str, Any]
ApplicationInput = Application | Mapping[str, Any]

__all__ = [
    "decide_deferral",
    "decide_deferral_batch",
    "decide_deferral_each",
    "decide_green_channel",
    "decide_green_channel_batch",
    "decide_green_channel_each",
    "deferral_notice",
]


def _green(pack: GreenChannelPack | None) -> GreenChannelRules:
    return green_channel_rules(pack or bundled_green_channel_pack())


def _deferral(pack: DeferralPack | None) -> DeferralRules:
    return deferral_rules(pack or bundled_deferral_pack())


def _received(gap: CalendarGap) -> CalendarGap:
    return gap.at(Location(key="received"))


def _prefixed(index: int, error: InputError) -> list[Problem]:
    """The error's problems with key paths under ``[index]``."""
    out = []
    for problem in error.problems:
        key = problem.location.key
        inner = key_path((index,)) + (f".{key}" if key and not key.startswith("[") else key or "")
        out.append(
            problem.model_copy(
                update={"location": problem.location.model_copy(update={"key": inner})}
            )
        )
    return out


def _raise_all(outcomes: Sequence[object]) -> None:
    problems = [
        problem
        for index, outcome in enumerate(outcomes)
        if isinstance(outcome, InputError)
        for problem in _prefixed(index, outcome)
    ]
    if problems:
        raise InputError(problems)


# Green channel


def decide_green_channel(
    project: ProjectInput, pack: GreenChannelPack | None = None
) -> GreenChannelDecision:
    """May this project enter the green channel? Every condition, met or unmet, in pack order."""
    return _green(pack).decide_one(coerce(Project, project, "project"))


def decide_green_channel_each(
    projects: Sequence[ProjectInput], pack: GreenChannelPack | None = None
) -> list[GreenChannelDecision | InputError]:
    """A decision per project, or the InputError of a project that is invalid (keys relative to it)."""
    with collector_paused():
        outcomes: list[GreenChannelDecision | InputError | Project] = []
        for value in projects:
            try:
                outcomes.append(coerce(Project, value, "project"))
            except InputError as error:
                outcomes.append(error)
        valid = [o for o in outcomes if isinstance(o, Project)]
        decided = iter(_green(pack).decide(valid))
        return [next(decided) if isinstance(o, Project) else o for o in outcomes]


def decide_green_channel_batch(
    projects: Sequence[ProjectInput], pack: GreenChannelPack | None = None
) -> list[GreenChannelDecision]:
    """A decision per project, in order; one InputError naming every invalid project (``[i].field``)."""
    outcomes = decide_green_channel_each(projects, pack)
    _raise_all(outcomes)
    return [o for o in outcomes if isinstance(o, GreenChannelDecision)]


# Deferral (容缺受理)


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
    with collector_paused():
        outcomes: list[DeferralDecision | InputError | Application] = []
        for value in applications:
            try:
                outcomes.append(coerce(Application, value, "application"))
            except InputError as error:
                outcomes.append(error)
        valid = [o for o in outcomes if isinstance(o, Application)]
        decided = iter(_deferral(pack).decide(valid, catalog, calendar or bundled_calendar()))
        out: list[DeferralDecision | InputError] = []
        for outcome in outcomes:
            if isinstance(outcome, Application):
                result = next(decided)
                out.append(_received(result) if isinstance(result, CalendarGap) else result)
            else:
                out.append(outcome)
        return out


def decide_deferral_batch(
    applications: Sequence[ApplicationInput],
    catalog: Catalog,
    pack: DeferralPack | None = None,
    calendar: WorkdayCalendar | None = None,
) -> list[DeferralDecision]:
    """A decision per application, in order; one InputError naming every one that cannot be decided."""
    outcomes = decide_deferral_each(applications, catalog, pack, calendar)
    _raise_all(outcomes)
    return [o for o in outcomes if isinstance(o, DeferralDecision)]


def deferral_notice(decision: DeferralDecision, pack: DeferralPack | None = None) -> Notice | None:
    """The 一次性告知 notice (or, for accept_with_deferral, the 容缺受理 notice) of a decision."""
    return notice_for(decision, pack or bundled_deferral_pack())
