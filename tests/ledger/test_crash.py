"""kill -9 at random moments: nothing lost, nothing applied twice, a clean replay every time."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from crash_child import main as child_main
from ledger_support import fresh_store_url, oracle, scripted_events
from sqlalchemy import select

from permitlogic.ledger.rebuild import verify
from permitlogic.ledger.store import Store, events, open_store
from sizes import scaled

CHILD = Path(__file__).with_name("crash_child.py")
# The full day-book and kill count in CI; a shorter one (same checks) in a quick run.
EVENTS = scaled(10_000, 1_200)
KILLS = scaled(20, 4)
# SIGKILL ends the client, not the database: SQLite's WAL with synchronous=normal
# (and a PostgreSQL server committing asynchronously) keeps every committed
# transaction across it, while fsync on every commit would only slow the test.
FAST = {"sqlite": {"synchronous": "normal"}, "postgresql": {"synchronous_commit": "off"}}

pytestmark = pytest.mark.slow


def recorded_keys(store: Store) -> list[str]:
    with store.read() as conn:
        return list(conn.execute(select(events.c.idempotency_key).order_by(events.c.id)).scalars())


def _forked(url: str, pipe: Connection) -> None:
    os._exit(child_main(url, EVENTS, pipe.send))


def run_and_kill(url: str, delay: float) -> tuple[int, bool]:
    """Start a writer, kill it ``delay`` s after it resumed; (where it resumed, killed?)."""
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_forked, args=(url, send))
    child.start()
    send.close()
    ready = receive.recv()
    assert ready.startswith("ready"), ready
    time.sleep(delay)
    if child.pid is not None:
        os.kill(child.pid, signal.SIGKILL)
    child.join()
    receive.close()
    if child.exitcode != -signal.SIGKILL:
        assert child.exitcode == 0  # it finished before the kill
    return int(ready.split()[1]), child.exitcode == -signal.SIGKILL


def check_prefix_and_replay(url: str, keys: list[str]) -> int:
    store = open_store(url)
    try:
        stored = recorded_keys(store)
        # Exactly a prefix of the day-book: no gap (lost) and no repeat (doubled).
        assert stored == keys[: len(stored)]
        report = verify(store)
        assert report.clean, report.mismatches[:5]
        return len(stored)
    finally:
        store.close()


def test_killed_writers_lose_and_double_nothing(backend: str, tmp_path: Path) -> None:
    book = scripted_events(EVENTS)
    keys = [event.key for event in book]
    rng = random.Random(9)
    kills = 0
    progress = 0
    rate = 1_000.0  # events per second, re-estimated after every kill
    with fresh_store_url(backend, tmp_path, **FAST[backend]) as url:
        while kills < KILLS and progress < EVENTS:
            # Kill points spread over about the first half of the day-book, at any speed.
            delay = rng.uniform(0.0, 2 * (EVENTS / 2 / KILLS) / rate)
            resumed, killed = run_and_kill(url, delay)
            assert resumed == progress  # it resumes exactly where the last one stopped
            kills += killed
            before, progress = progress, check_prefix_and_replay(url, keys)
            if delay > 0.01 and progress > before:
                rate = (rate + (progress - before) / delay) / 2
        assert kills >= KILLS

        # The rest in a fresh interpreter: a cold restart resumes the same way.
        finish = subprocess.run(
            [sys.executable, "-X", "faulthandler", str(CHILD), url, str(EVENTS)],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONPATH": str(CHILD.parent)},
        )
        assert finish.returncode == 0, finish.stdout + finish.stderr
        assert finish.stdout.split() == ["ready", str(progress), "done"]
        assert check_prefix_and_replay(url, keys) == EVENTS

        store = open_store(url)
        try:
            with store.read() as conn:
                final = {case.case_id: case for case in store.all_cases(conn)}
                outcomes = [record.outcome for record in store.all_events(conn)]
        finally:
            store.close()
    expected, expected_outcomes = oracle(book)
    assert outcomes == expected_outcomes
    assert {c: (case.state, case.missing) for c, case in final.items()} == {
        c: (spec.state, spec.missing) for c, spec in expected.items()
    }
