"""Any sequence of events: the live ledger, a replay of its event table and the spec agree."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ledger_support import (
    MATERIALS,
    PG_SKIP,
    fresh_store_url,
    make_decision,
    oracle,
    pg_base_url,
)

from permitlogic.ledger import service
from permitlogic.ledger.events import open_event
from permitlogic.ledger.model import EventKind, LedgerEvent
from permitlogic.ledger.rebuild import compare_cases, replay, verify
from permitlogic.ledger.store import open_store
from sizes import examples

RECEIVED = date(2026, 2, 13)
# Durability settings do not change what is computed; these keep each example fast.
FAST = {"sqlite": {"synchronous": "normal"}, "postgresql": {"synchronous_commit": "off"}}


@st.composite
def day_books(draw: st.DrawFn) -> list[LedgerEvent]:
    """Events over a few cases, each case opened before its first event; some sent twice."""
    count = draw(st.integers(1, 4))
    deferred = [
        draw(st.lists(st.sampled_from(sorted(MATERIALS)), min_size=1, max_size=3, unique=True))
        for _ in range(count)
    ]
    deadlines = [RECEIVED + timedelta(days=draw(st.integers(0, 10))) for _ in range(count)]
    steps = draw(
        st.lists(
            st.tuples(
                st.integers(0, count - 1),
                st.sampled_from(
                    [EventKind.supplement, EventKind.tick, EventKind.revoke, EventKind.close, None]
                ),
                st.integers(-2, 16),
                st.data(),
            ),
            max_size=25,
        )
    )
    book: list[LedgerEvent] = []
    opened: set[int] = set()
    for number, (case, kind, offset, data) in enumerate(steps):
        case_id = f"A-{case}"
        if case not in opened:
            opened.add(case)
            decision = make_decision(case_id, deferred[case], RECEIVED, deadlines[case])
            book.append(open_event(decision))
        if kind is None:  # send an earlier event again, as a retrying client would
            book.append(data.draw(st.sampled_from(book)))
            continue
        materials: tuple[str, ...] = ()
        if kind is EventKind.supplement:
            materials = tuple(
                data.draw(st.lists(st.sampled_from(deferred[case]), min_size=1, unique=True))
            )
        book.append(
            LedgerEvent(
                case_id=case_id,
                kind=kind,
                key=f"event-{number}",
                on=RECEIVED + timedelta(days=offset),
                materials=materials,
                reason="承诺不实" if kind is EventKind.revoke else None,
            )
        )
    return book


@settings(max_examples=examples(60))
@given(book=day_books())
def test_live_and_replayed_states_agree_on_sqlite(book: list[LedgerEvent]) -> None:
    live_and_replayed_agree("sqlite", book)


@pytest.mark.postgres
@pytest.mark.skipif(pg_base_url() is None, reason=PG_SKIP)
@settings(max_examples=examples(25))
@given(book=day_books())
def test_live_and_replayed_states_agree_on_postgresql(book: list[LedgerEvent]) -> None:
    live_and_replayed_agree("postgresql", book)


def live_and_replayed_agree(backend: str, book: list[LedgerEvent]) -> None:
    with (
        tempfile.TemporaryDirectory() as directory,
        fresh_store_url(backend, Path(directory), **FAST[backend]) as url,
    ):
        store = open_store(url)
        try:
            first_id: dict[str, int] = {}
            for event in book:
                record = service.apply(store, event)
                if event.key in first_id:
                    assert record.duplicate and record.id == first_id[event.key]
                else:
                    assert not record.duplicate
                    first_id[event.key] = record.id
            with store.read() as conn:
                live = {case.case_id: case for case in store.all_cases(conn)}
                recorded = list(store.all_events(conn))
            report = verify(store)
        finally:
            store.close()

    replayed = replay(recorded)
    assert set(live) == set(replayed)
    for case_id, case in live.items():
        assert compare_cases(case, replayed[case_id]) == []

    unique = list({event.key: event for event in reversed(book)}.values())[::-1]
    expected, outcomes = oracle(sorted(unique, key=lambda e: first_id[e.key]))
    assert [r.outcome for r in recorded] == outcomes
    for case_id, case in live.items():
        spec = expected[case_id]
        assert (case.state, case.missing, case.reminded_on, case.ended_on) == (
            spec.state,
            spec.missing,
            spec.reminded_on,
            spec.ended_on,
        )
    assert report.clean and report.events == len(unique)
