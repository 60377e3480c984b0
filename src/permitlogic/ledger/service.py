"""Apply events to the ledger: each exactly once, in one transaction with its state change."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from permitlogic.errors import InputError
from permitlogic.ledger.events import (
    clean_id,
    close_event,
    open_event,
    revoke_event,
    supplement_event,
    tick_event,
)
from permitlogic.ledger.model import (
    CaseHistory,
    CaseState,
    EventRecord,
    LedgerEvent,
)
from permitlogic.ledger.statechart import case_chart
from permitlogic.ledger.step import check_opens_case, step
from permitlogic.ledger.store import Store, cases, now
from permitlogic.models.decision import DeferralDecision

ATTEMPTS = 3


def apply(store: Store, event: LedgerEvent) -> EventRecord:
    """Apply ``event`` once; a key seen before returns that earlier result, unchanged.

    The event row and the case row it changes are written in one transaction, so a
    process killed at any moment leaves either both or neither.
    """
    for attempt in range(ATTEMPTS):
        try:
            return _apply_once(store, event)
        except IntegrityError:
            # Another writer recorded the same key (or opened the same case) meanwhile;
            # the next attempt finds its result.
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _apply_once(store: Store, event: LedgerEvent) -> EventRecord:
    with store.write() as conn:
        case = store.case(conn, event.case_id, lock=True)
        earlier = store.event_by_key(conn, event.key)
        if earlier is not None:
            return _same_event(earlier, event)
        result = step(case, event, case_chart())
        if case is None:
            store.insert_case(conn, result.case.model_copy(update={"updated": now()}))
        at = now()
        payload = event.payload()
        event_id = store.insert_event(
            conn,
            {
                "case_id": event.case_id,
                "kind": event.kind.value,
                "payload": payload,
                "idempotency_key": event.key,
                "at": at,
                "outcome": result.outcome.value,
                "rule": result.rule,
                "state": result.case.state.value,
                "missing": list(result.case.missing),
                "message_zh": result.message_zh,
                "message_en": result.message_en,
            },
        )
        store.update_case(
            conn, result.case.model_copy(update={"last_event": event_id, "updated": at})
        )
        return EventRecord(
            id=event_id,
            case_id=event.case_id,
            kind=event.kind,
            key=event.key,
            payload=payload,
            at=at.replace(tzinfo=UTC),
            outcome=result.outcome,
            rule=result.rule,
            state=result.case.state,
            missing=list(result.case.missing),
            message_zh=result.message_zh,
            message_en=result.message_en,
        )


def _same_event(earlier: EventRecord, event: LedgerEvent) -> EventRecord:
    if (
        earlier.case_id != event.case_id
        or earlier.kind is not event.kind
        or _normalized(earlier) != event.payload()
    ):
        raise InputError.single(
            None,
            f"幂等键 {event.key} 已用于另一事件（#{earlier.id}，{earlier.case_id} {earlier.kind.zh}）；"
            "要记录新事件请换一个 --key",
            f"idempotency key {event.key} already recorded a different event "
            f"(#{earlier.id}, {earlier.case_id} {earlier.kind.value}); use another --key "
            "for a new event",
            key="key",
        )
    return earlier.model_copy(update={"duplicate": True})


def _normalized(record: EventRecord) -> dict[str, object]:
    """The stored payload as today's model writes it (fields added since default alike)."""
    try:
        stored = LedgerEvent.from_stored(record.case_id, record.kind, record.key, record.payload)
    except ValueError:
        return record.payload
    return stored.payload()


def open_cases(
    store: Store, decisions: Iterable[DeferralDecision], key: str | None = None
) -> list[EventRecord]:
    """Open one case per accept_with_deferral decision (all checked before any is opened)."""
    decisions = list(decisions)
    problems = []
    for decision in decisions:
        try:
            check_opens_case(decision)
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    if key is not None and len(decisions) > 1:
        raise InputError.single(
            None,
            "--key 只能用于单个决定",
            "--key applies to a single decision only",
            key="--key",
        )
    return [apply(store, open_event(decision, key)) for decision in decisions]


def supplement(
    store: Store, case_id: str, materials: Iterable[str], on: date, key: str | None = None
) -> EventRecord:
    return apply(store, supplement_event(case_id, materials, on, key))


def revoke(
    store: Store, case_id: str, on: date, reason: str | None = None, key: str | None = None
) -> EventRecord:
    return apply(store, revoke_event(case_id, on, reason, key))


def close(store: Store, case_id: str, on: date, key: str | None = None) -> EventRecord:
    standing = ""
    case_id = clean_id(case_id)
    if key is None:
        with store.read() as conn:
            case = store.case(conn, case_id)
        if case is not None:
            standing = f"{case.state.value}/{','.join(case.missing)}"
    return apply(store, close_event(case_id, on, standing, key))


def tick(store: Store, on: date) -> list[EventRecord]:
    """Move the date to ``on``: every open case whose deadline has passed falls overdue.

    Each case's tick is its own event (key ``tick:CASE:DATE``), so a tick run that
    is interrupted and run again finishes the job without reminding anyone twice.
    """
    query = (
        select(cases.c.case_id)
        .where(cases.c.state == CaseState.open.value, cases.c.deadline < on)
        .order_by(cases.c.deadline, cases.c.case_id)
    )
    with store.read() as conn:
        due = list(conn.execute(query).scalars())
    return [apply(store, tick_event(case_id, on)) for case_id in due]


def history(store: Store, case_id: str) -> CaseHistory:
    case_id = clean_id(case_id)
    with store.read() as conn:
        case = store.case(conn, case_id)
        if case is None:
            raise InputError.single(
                None, f"没有这个案件：{case_id}", f"no such case: {case_id}", key="case"
            )
        return CaseHistory(case=case, events=store.events_of(conn, case_id))
