"""Recompute every case from the event table alone, and compare with what is stored."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from permitlogic.errors import InputError
from permitlogic.ledger.model import Case, EventRecord, LedgerEvent, Mismatch, VerifyReport
from permitlogic.ledger.statechart import MemoChart, case_chart
from permitlogic.ledger.step import step
from permitlogic.ledger.store import Store

#: The case fields that events determine (not when the row was last written).
CASE_FIELDS = (
    "application",
    "item",
    "item_name",
    "department",
    "applicant",
    "received",
    "deadline",
    "state",
    "deferred",
    "missing",
    "reminded_on",
    "ended_on",
    "last_event",
)
#: What each event row records about its own application.
EVENT_FIELDS = ("outcome", "rule", "state", "missing", "message_zh", "message_en")


def replay(
    records: Iterable[EventRecord], mismatches: list[Mismatch] | None = None
) -> dict[str, Case]:
    """Every case as a clean replay of ``records`` (in id order) leaves it.

    Where a recorded event says something other than the replay does, a Mismatch is
    appended to ``mismatches``.
    """
    chart = MemoChart(case_chart())
    replayed: dict[str, Case] = {}
    for record in records:
        event = LedgerEvent.from_stored(record.case_id, record.kind, record.key, record.payload)
        before = replayed.get(record.case_id)
        try:
            result = step(before, event, chart)
        except InputError as error:
            if mismatches is not None:
                mismatches.append(
                    Mismatch(
                        case_id=record.case_id,
                        event=record.id,
                        field="event",
                        stored=record.outcome.value,
                        replayed=error.describe("en"),
                    )
                )
            continue
        if mismatches is not None:
            again = {
                "outcome": result.outcome,
                "rule": result.rule,
                "state": result.case.state,
                "missing": result.case.missing,
                "message_zh": result.message_zh,
                "message_en": result.message_en,
            }
            for name in EVENT_FIELDS:
                left, right = getattr(record, name), again[name]
                if left != right:
                    mismatches.append(
                        Mismatch(
                            case_id=record.case_id,
                            event=record.id,
                            field=f"event.{name}",
                            stored=_plain(left),
                            replayed=_plain(right),
                        )
                    )
        replayed[record.case_id] = result.case.model_copy(update={"last_event": record.id})
    return replayed


def verify(store: Store) -> VerifyReport:
    """Replay the whole event table and compare every event and case row with it."""
    mismatches: list[Mismatch] = []
    events = 0

    def counted(records: Iterable[EventRecord]) -> Iterator[EventRecord]:
        nonlocal events
        for record in records:
            events += 1
            yield record

    with store.read() as conn:
        replayed = replay(counted(store.all_events(conn)), mismatches)
        seen: set[str] = set()
        stored_cases = 0
        for case in store.all_cases(conn):
            stored_cases += 1
            seen.add(case.case_id)
            again = replayed.get(case.case_id)
            if again is None:
                mismatches.append(
                    Mismatch(case_id=case.case_id, field="case", stored="present", replayed=None)
                )
                continue
            mismatches.extend(compare_cases(case, again))
    for case_id in sorted(set(replayed) - seen):
        mismatches.append(Mismatch(case_id=case_id, field="case", stored=None, replayed="present"))
    return VerifyReport(cases=stored_cases, events=events, mismatches=mismatches)


def compare_cases(stored: Case, replayed: Case) -> list[Mismatch]:
    found = []
    for name in CASE_FIELDS:
        left, right = getattr(stored, name), getattr(replayed, name)
        if left != right:
            found.append(
                Mismatch(
                    case_id=stored.case_id,
                    field=name,
                    stored=_plain(left),
                    replayed=_plain(right),
                )
            )
    return found


def _plain(value: Any) -> Any:
    """A comparable, JSON-ready form (enums as values, models as dicts, dates as text)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value
