"""Four processes write the same cases of one store at once: every event is recorded exactly once.

This is how several service workers (or hosts) share one ledger on
PostgreSQL: each event takes its case's row lock, so events of one case are
applied one after the other, and an event sent twice (same key) is recorded
once. Run on SQLite too, where the write lock does the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from ledger_support import fresh_store_url, make_decision, oracle, scripted_events
from process_child import MATERIALS, case_ids

from permitlogic.ledger import service
from permitlogic.ledger.model import CaseState, EventKind, Outcome
from permitlogic.ledger.rebuild import verify
from permitlogic.ledger.store import open_store

CHILD = Path(__file__).with_name("process_child.py")
WORKERS = 4
CASES = 24
BOOK = 300


pytestmark = pytest.mark.slow


def run_at_once(url: str, phases: list[str], count: int) -> list[list[tuple[int, int]]]:
    """WORKERS children run each of ``phases`` together; (applied, duplicate) of each, by phase.

    The children start once; each phase begins in all of them at once, after
    every child finished the phase before.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(CHILD.parent), *sys.path])}
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), url, ",".join(phases), str(worker), str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for worker in range(WORKERS)
    ]
    by_phase: list[list[tuple[int, int]]] = []
    try:
        for _ in phases:
            for child in children:
                assert child.stdin is not None
                child.stdin.write("go\n")
                child.stdin.flush()
            counts = []
            for child in children:
                assert child.stdout is not None
                words = child.stdout.readline().split()
                assert len(words) == 4, _failure(child)
                counts.append((int(words[1]), int(words[3])))
            by_phase.append(counts)
        for child in children:
            _, err = child.communicate(timeout=600)
            assert child.returncode == 0, err
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    return by_phase


def _failure(child: subprocess.Popen[str]) -> str:
    """What a child that gave no result line said before it ended."""
    child.kill()
    _, err = child.communicate(timeout=60)
    return err


def test_four_processes_tick_supplement_and_close_the_same_cases(
    store_url: str,
) -> None:
    ids = case_ids(CASES)
    setup = open_store(store_url)
    service.open_cases(
        setup,
        [
            # Odd cases were due on 2026-02-10: the tick of 02-12 finds them overdue.
            make_decision(
                case_id,
                deferred=MATERIALS,
                deadline=date(2026, 2, 10) if n % 2 else date(2026, 2, 27),
            )
            for n, case_id in enumerate(ids)
        ],
    )
    setup.close()

    ticks, supplements, closes = run_at_once(store_url, ["tick", "supplement", "close"], CASES)
    assert sum(applied for applied, _ in ticks) == CASES // 2
    assert supplements == [(CASES, 0)] * WORKERS  # each worker's material is its own event
    assert sum(applied for applied, _ in closes) == CASES
    assert sum(duplicate for _, duplicate in closes) == CASES * (WORKERS - 1)

    store = open_store(store_url)
    try:
        for n, case_id in enumerate(ids):
            history = service.history(store, case_id)
            kinds = [event.kind for event in history.events]
            assert kinds.count(EventKind.open) == 1
            assert kinds.count(EventKind.tick) == (1 if n % 2 else 0)
            assert kinds.count(EventKind.supplement) == WORKERS
            assert kinds.count(EventKind.close) == 1
            assert all(event.outcome is Outcome.applied for event in history.events)
            assert history.case.state is CaseState.closed
            assert history.case.missing == []
            assert history.case.reminded_on == (date(2026, 2, 12) if n % 2 else None)
        assert verify(store).clean
    finally:
        store.close()


def test_four_processes_sending_the_same_day_book_record_it_once(
    backend: str, tmp_path: Path
) -> None:
    book = scripted_events(BOOK)
    with fresh_store_url(backend, tmp_path) as url:
        (counts,) = run_at_once(url, ["book"], BOOK)
        assert sum(applied for applied, _ in counts) == len(book)
        store = open_store(url)
        try:
            with store.read() as conn:
                recorded = list(store.all_events(conn))
                final = {case.case_id: case for case in store.all_cases(conn)}
            assert verify(store).clean
        finally:
            store.close()
    assert sorted(r.key for r in recorded) == sorted(e.key for e in book)
    expected, outcomes = oracle(book)
    by_key = {r.key: r.outcome for r in recorded}
    assert [by_key[e.key] for e in book] == outcomes
    assert {c: (case.state, case.missing) for c, case in final.items()} == {
        c: (spec.state, spec.missing) for c, spec in expected.items()
    }
