"""One event applied to one case: the statechart decides, this computes the new case.

A pure function of (case before, event): the live ledger and its replay both call
it, so a replay reproduces exactly what was applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from permitlogic.errors import InputError
from permitlogic.ledger.messages import rejection
from permitlogic.ledger.model import Case, CaseState, EventKind, LedgerEvent, Outcome
from permitlogic.ledger.statechart import LATE, ON_TIME, Fired, message
from permitlogic.models.decision import DeferralDecision, DeferralOutcome


class Chart(Protocol):
    def fire(self, state: CaseState, event: dict[str, object]) -> Fired | None: ...


@dataclass(frozen=True)
class Step:
    """What an event did: applied (with the rule that fired) or rejected (with why)."""

    case: Case
    outcome: Outcome
    rule: str | None
    message_zh: str | None = None
    message_en: str | None = None


def step(case: Case | None, event: LedgerEvent, chart: Chart) -> Step:
    """Apply ``event`` to ``case`` (None before its ``open`` event). InputError if it cannot be."""
    if event.kind is EventKind.open:
        if case is not None:
            raise InputError.single(
                None,
                f"案件 {case.case_id} 已经受理（{case.received}），当前状态：{case.state.zh}",
                f"case {case.case_id} is already open (received {case.received}), now {case.state.value}",
                key="case",
            )
        case = case_from_decision(event)
        before = CaseState.new
    elif case is None:
        raise InputError.single(
            None,
            f"没有这个案件：{event.case_id}",
            f"no such case: {event.case_id}",
            key="case",
        )
    else:
        before = case.state
    _check_materials(case, event)
    supplied = set(event.materials)
    remaining = [m for m in case.missing if m not in supplied]
    if event.kind is not EventKind.supplement:
        remaining = list(case.missing)
    timing = LATE if event.on > case.deadline else ON_TIME
    fired = chart.fire(before, message(event.kind, len(remaining), timing))
    if fired is None:
        zh, en = rejection(case, event)
        return Step(case=case, outcome=Outcome.rejected, rule=None, message_zh=zh, message_en=en)
    updated = case.model_copy(
        update={
            "state": fired.state,
            "missing": remaining,
            "reminded_on": event.on if fired.rule == "deadline-passed" else case.reminded_on,
            "ended_on": event.on if fired.state.final else case.ended_on,
        }
    )
    return Step(case=updated, outcome=Outcome.applied, rule=fired.rule)


def case_from_decision(event: LedgerEvent) -> Case:
    """The case an ``open`` event starts, from its accept_with_deferral decision."""
    decision = event.decision
    if decision is None:
        raise InputError.single(
            None, "受理事件缺少容缺受理决定", "an open event needs its decision", key="decision"
        )
    check_opens_case(decision)
    assert decision.deadline is not None  # checked above
    return Case(
        case_id=event.case_id,
        application=decision.application,
        item=decision.item,
        item_name=decision.item_name,
        department=decision.department,
        applicant=decision.applicant,
        received=decision.received,
        deadline=decision.deadline,
        state=CaseState.new,
        deferred=list(decision.deferred),
        missing=[material.id for material in decision.deferred],
    )


def check_opens_case(decision: DeferralDecision, file: str | None = None) -> None:
    """InputError unless ``decision`` is an accept_with_deferral with materials and a deadline."""
    where = {"key": "decision"}
    if decision.decision is not DeferralOutcome.accept_with_deferral:
        raise InputError.single(
            file,
            f"申请 {decision.application} 的决定是 {decision.decision.value}，"
            "只有容缺受理（accept_with_deferral）的决定才能建立容缺后补案件",
            f"application {decision.application} was decided {decision.decision.value}: "
            "only an accept_with_deferral decision opens a deferral case",
            **where,
        )
    if not decision.deferred:
        raise InputError.single(
            file,
            f"申请 {decision.application} 的容缺受理决定没有列出容缺材料（deferred）",
            f"the decision for {decision.application} lists no deferred materials",
            key="deferred",
        )
    if decision.deadline is None:
        raise InputError.single(
            file,
            f"申请 {decision.application} 的容缺受理决定没有补齐期限（deadline）",
            f"the decision for {decision.application} has no deadline",
            key="deadline",
        )


def _check_materials(case: Case, event: LedgerEvent) -> None:
    if event.kind is EventKind.supplement and not event.materials:
        raise InputError.single(
            None,
            "补交事件至少要列出一项材料",
            "a supplement names at least one material",
            key="materials",
        )
    deferred = [material.id for material in case.deferred]
    unknown = [m for m in event.materials if m not in deferred]
    if unknown:
        raise InputError.single(
            None,
            f"案件 {case.case_id} 的容缺材料中没有：{'、'.join(unknown)}"
            f"（容缺材料为：{'、'.join(deferred)}）",
            f"case {case.case_id} deferred no such material: {', '.join(unknown)} "
            f"(deferred: {', '.join(deferred)})",
            key="materials",
        )
