"""The deferral ledger: events per second, replay speed, and `cases due` over a million cases.

Targets: `cases due` on 1,000,000 cases under 1 s. Events go through the whole
path (idempotency check, the durable-rules statechart, one transaction per
event); the million cases are written with bulk inserts straight into the case
table, as a county's history would already be there.

    python bench/ledger.py [--quick] [--cases N] [--events N]

``bench(quick)`` is what ``bench/run.py`` calls. PostgreSQL is measured too
when $PERMITLOGIC_BENCH_PG_URL names a database the bench may fill and empty.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from permitlogic.ledger.due import due
from permitlogic.ledger.events import close_event, open_event, supplement_event, tick_event
from permitlogic.ledger.model import CaseState, EventKind, LedgerEvent
from permitlogic.ledger.rebuild import verify
from permitlogic.ledger.service import apply
from permitlogic.ledger.statechart import ON_TIME, case_chart, message
from permitlogic.ledger.store import Store, cases, events, metadata, open_store
from permitlogic.models.decision import DeferralDecision, DeferralOutcome, MissingMaterial

Row = dict[str, Any]
PG_ENV = "PERMITLOGIC_BENCH_PG_URL"
TARGET_DUE_S = 1.0
ON = date(2026, 3, 2)
DEPARTMENTS = (
    "县发展和改革局",
    "县自然资源局",
    "县住房和城乡建设局",
    "县生态环境局",
    "县交通运输局",
    "县水利局",
    "县农业农村局",
    "县商务局",
    "县文化和旅游局",
    "县卫生健康局",
    "县应急管理局",
    "县市场监督管理局",
)
MATERIALS = [
    MissingMaterial(id=f"m{n}", name=name, core=False)
    for n, name in enumerate(("施工合同", "监理合同", "资金到位证明", "质量安全监督登记"), start=2)
]


def day_book(cases_count: int, seed: int = 5) -> list[LedgerEvent]:
    """Each case: opened, supplemented (partly, in time or late), ticked, closed."""
    rng = random.Random(seed)
    book: list[LedgerEvent] = []
    for number in range(cases_count):
        received = date(2026, 1, 5) + timedelta(days=rng.randrange(60))
        deadline = received + timedelta(days=7)
        deferred = rng.sample(MATERIALS, rng.randint(1, 3))
        decision = DeferralDecision(
            application=f"B-{number:07d}",
            item="JS-004",
            department=rng.choice(DEPARTMENTS),
            applicant="91420000MA4K0000XX",
            received=received,
            decision=DeferralOutcome.accept_with_deferral,
            deferred=deferred,
            deadline=deadline,
        )
        case_id = decision.application
        book.append(open_event(decision))
        day = received + timedelta(days=rng.randint(1, 9))
        for material in deferred:
            book.append(supplement_event(case_id, [material.id], day))
        book.append(tick_event(case_id, deadline + timedelta(days=1)))
        book.append(close_event(case_id, day + timedelta(days=1), "", key=f"close:{case_id}"))
    return book


@contextmanager
def scratch_store(url: str | None, directory: Path, name: str) -> Iterator[Store]:
    """A new SQLite file in ``directory``, or the PostgreSQL database emptied."""
    store = open_store(url or str(directory / name))
    if url is not None:
        with store.write() as conn:
            conn.execute(events.delete())
            conn.execute(cases.delete())
    try:
        yield store
    finally:
        if url is not None:
            metadata.drop_all(store.engine)
        store.close()


def measure_events(label: str, url: str | None, count: int, directory: Path) -> Row:
    book = day_book(max(1, count // 5))[:count]
    with scratch_store(url, directory, f"events-{label}.db") as store:
        start, start_cpu = time.perf_counter(), time.process_time()
        for event in book:
            apply(store, event)
        applied = time.perf_counter() - start
        applied_cpu = time.process_time() - start_cpu
        start = time.perf_counter()
        for event in book[: min(len(book), 2_000)]:
            apply(store, event)
        repeated = (time.perf_counter() - start) / min(len(book), 2_000)
        start = time.perf_counter()
        report = verify(store)
        replayed = time.perf_counter() - start
    assert report.clean
    return {
        "section": "ledger events",
        "store": label,
        "events": f"{len(book):,}",
        "events/s": f"{len(book) / applied:,.0f}",
        "ms/event": round(applied / len(book) * 1000, 2),
        "cpu ms/event": round(applied_cpu / len(book) * 1000, 2),
        "repeat key ms": round(repeated * 1000, 2),
        "verify events/s": f"{report.events / replayed:,.0f}",
    }


def measure_chart(count: int) -> Row:
    chart = case_chart()
    question = message(EventKind.supplement, 1, ON_TIME)
    start = time.perf_counter()
    for _ in range(count):
        chart.fire(CaseState.open, question)
    elapsed = time.perf_counter() - start
    return {
        "section": "ledger statechart",
        "store": "—",
        "events": f"{count:,}",
        "events/s": f"{count / elapsed:,.0f}",
        "ms/event": round(elapsed / count * 1000, 3),
    }


def million_cases(store: Store, count: int, seed: int = 1) -> None:
    """``count`` case rows, bulk-inserted: three years of cases up to ``ON``.

    Cases received lately are open (their deadlines run up to ten days ahead);
    older ones are mostly closed or revoked, and 2 % linger overdue, so the
    overdue list a morning query returns is long.
    """
    rng = random.Random(seed)
    days = [ON + timedelta(days=10 - n) for n in range(1096)]
    deferred_sets = [
        [m.model_dump(mode="json") for m in rng.sample(MATERIALS, k)]
        for k in (1, 2, 3)
        for _ in range(4)
    ]
    missing_sets = [[m["id"] for m in deferred] for deferred in deferred_sets]
    nothing: list[str] = []
    recent = ON - timedelta(days=3)
    rows: list[tuple[Any, ...]] = []
    for number in range(count):
        deadline = days[rng.randrange(len(days))]
        state = _state(deadline, rng.random(), recent)
        which = number % len(deferred_sets)
        pending = state is CaseState.open or state is CaseState.overdue
        case_id = f"C-{number:07d}"
        rows.append(
            (
                case_id,
                case_id,
                f"XK-{number % 300:03d}",
                None,
                DEPARTMENTS[number % len(DEPARTMENTS)],
                "91420000MA4K0000XX",
                deadline - timedelta(days=7),
                deadline,
                state.value,
                deferred_sets[which],
                missing_sets[which] if pending else nothing,
                deadline + timedelta(days=1) if state is CaseState.overdue else None,
                deadline if state is CaseState.closed or state is CaseState.revoked else None,
                0,
                STAMP,
            )
        )
    _bulk_insert(store, rows)


def _state(deadline: date, roll: float, recent: date) -> CaseState:
    """A case's state: open while its deadline is ahead, mostly closed long after it."""
    if deadline >= ON:
        return CaseState.open
    if deadline >= recent:
        return (
            CaseState.open
            if roll < 0.5
            else CaseState.overdue
            if roll < 0.7
            else CaseState.supplemented
        )
    return (
        CaseState.closed if roll < 0.9 else CaseState.revoked if roll < 0.98 else CaseState.overdue
    )


def _bulk_insert(store: Store, rows: list[tuple[Any, ...]]) -> None:
    """The case rows, in batches (SQLite: one executemany), then fresh planner statistics."""
    columns = [column.name for column in cases.columns]
    assert len(columns) == len(rows[0])
    if store.dialect == "sqlite":
        _sqlite_bulk(store, columns, rows)
        return
    with store.write() as conn:
        for start in range(0, len(rows), 20_000):
            conn.execute(
                cases.insert(),
                [dict(zip(columns, row, strict=True)) for row in rows[start : start + 20_000]],
            )
    with store.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE cases"))


STAMP = datetime(2026, 3, 1, 8, 0)


def _sqlite_bulk(store: Store, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """The sqlite3 driver's executemany, values stored as SQLAlchemy would store them."""
    lists: dict[int, str] = {}  # the few material lists are shared objects, alive in rows
    dates: dict[date, str] = {}

    def stored(value: Any) -> Any:
        if value is None or isinstance(value, (str, int)):
            return value
        if isinstance(value, list):
            if id(value) not in lists:
                lists[id(value)] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            return lists[id(value)]
        if value not in dates:
            dates[value] = (
                value.strftime("%Y-%m-%d %H:%M:%S.%f")
                if isinstance(value, datetime)
                else value.isoformat()
            )
        return dates[value]

    statement = (
        f"INSERT INTO cases ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    )
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        cursor.executemany(statement, ([stored(value) for value in row] for row in rows))
        cursor.execute("COMMIT")
        cursor.execute("ANALYZE")
    finally:
        raw.close()


def measure_due(label: str, url: str | None, count: int, directory: Path) -> Row:
    with scratch_store(url, directory, f"due-{label}.db") as store:
        start = time.perf_counter()
        million_cases(store, count)
        built = time.perf_counter() - start
        due(store, ON)  # warm the page cache, as a window's morning query would find it
        runs = []
        cpu = []
        for _ in range(5):
            start, start_cpu = time.perf_counter(), time.process_time()
            report = due(store, ON)
            report.model_dump_json()
            runs.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        command = [
            sys.executable,
            "-c",
            "from permitlogic.cli import main; main()",
            "cases",
            "due",
            "--on",
            ON.isoformat(),
            "--format",
            "json",
            "--store",
            url or str(directory / f"due-{label}.db"),
        ]
        start = time.perf_counter()
        finished = subprocess.run(command, capture_output=True, check=False)
        cli = time.perf_counter() - start
        if finished.returncode != 0:
            cli = float("nan")
    query = statistics.median(runs)
    return {
        "section": "ledger cases due",
        "store": label,
        "cases": f"{count:,}",
        "listed": f"{report.summary.due:,} due + {report.summary.overdue:,} overdue",
        "bulk insert s": round(built, 1),
        "due s (median of 5)": round(query, 3),
        "due cpu s": round(statistics.median(cpu), 3),
        "command s": round(cli, 2),
        "target": f"< {TARGET_DUE_S:g} s" if count >= 1_000_000 else "",
        "ratio": f"{query / TARGET_DUE_S:.2f} of target",
    }


def run(cases_count: int, events_count: int, pg_url: str | None = None) -> list[Row]:
    rows = [measure_chart(20_000)]
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        rows.append(measure_events("sqlite (synchronous=full)", None, events_count // 5, directory))
        rows.append(
            measure_events(
                "sqlite (synchronous=normal)",
                f"sqlite:///{directory / 'normal.db'}?synchronous=normal",
                events_count,
                directory,
            )
        )
        if pg_url:
            rows.append(measure_events("postgresql", pg_url, events_count, directory))
        rows.append(measure_due("sqlite", None, cases_count, directory))
        if pg_url:
            rows.append(measure_due("postgresql", pg_url, cases_count, directory))
    return rows


def bench(quick: bool) -> list[Row]:
    """The rows ``bench/run.py`` prints."""
    pg_url = os.environ.get(PG_ENV)
    if quick:
        return run(100_000, 2_000, pg_url)
    return run(1_000_000, 10_000, pg_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="100,000 cases, 2,000 events")
    parser.add_argument("--cases", type=int, default=None)
    parser.add_argument("--events", type=int, default=None)
    args = parser.parse_args(argv)
    cases_count = args.cases or (100_000 if args.quick else 1_000_000)
    events_count = args.events or (2_000 if args.quick else 10_000)
    rows = run(cases_count, events_count, os.environ.get(PG_ENV))
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(str(row.get(c, "")).ljust(widths[c]) for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
