"""Shared by the ledger tests: stores on both backends, decisions, an oracle, a scripted day-book."""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from permitlogic.ledger.events import (
    close_event,
    open_event,
    revoke_event,
    supplement_event,
    tick_event,
)
from permitlogic.ledger.model import CaseState, EventKind, LedgerEvent, Outcome
from permitlogic.models.decision import DeferralDecision, DeferralOutcome, MissingMaterial

PG_ENV = "PERMITLOGIC_TEST_PG_URL"
PG_LOCAL = "postgresql://permitlogic:permitlogic@127.0.0.1:5432/permitlogic_test"
DEPARTMENTS = ("县住房和城乡建设局", "县自然资源局", "县生态环境局", None)
MATERIALS = {
    "m2": "建设工程规划许可证复印件",
    "m3": "施工合同",
    "m5": "监理合同",
    "m7": "资金到位证明",
}


@cache
def pg_base_url() -> str | None:
    """$PERMITLOGIC_TEST_PG_URL, else a local server with the CI role, if one answers."""
    import psycopg2

    candidates = [os.environ[PG_ENV]] if os.environ.get(PG_ENV) else [PG_LOCAL]
    for url in candidates:
        try:
            psycopg2.connect(url, connect_timeout=3).close()
        except psycopg2.Error:
            continue
        return url
    return None


PG_SKIP = (
    f"no PostgreSQL server reachable (set {PG_ENV}=postgresql://user:pass@host/db, "
    f"or run one with the role of {PG_LOCAL})"
)


@contextmanager
def fresh_store_url(backend: str, directory: Path, **options: str) -> Iterator[str]:
    """An empty store: a new SQLite file, or a new PostgreSQL schema dropped afterwards.

    ``options``: ``synchronous`` for SQLite; PostgreSQL settings (``-c name=value``)
    otherwise.
    """
    if backend == "sqlite":
        path = directory / f"ledger-{uuid.uuid4().hex[:8]}.db"
        query = f"?synchronous={options['synchronous']}" if "synchronous" in options else ""
        yield f"sqlite:///{path}{query}"
        return
    import psycopg2
    from sqlalchemy.engine import make_url

    base = pg_base_url()
    if base is None:
        raise RuntimeError(PG_SKIP)
    schema = f"ledger_{uuid.uuid4().hex[:12]}"
    conn = psycopg2.connect(base)
    try:
        with conn.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {schema}")
        conn.commit()
    finally:
        conn.close()
    settings = " ".join(f"-c{name}={value}" for name, value in options.items())
    url = make_url(base).update_query_dict(
        {"options": f"-csearch_path={schema} {settings}".strip()}
    )
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        conn = psycopg2.connect(base)
        try:
            with conn.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA {schema} CASCADE")
            conn.commit()
        finally:
            conn.close()


def make_decision(
    application: str = "A-2026-00931",
    deferred: Sequence[str] = ("m3", "m5"),
    received: date = date(2026, 2, 13),
    deadline: date | None = date(2026, 2, 27),
    department: str | None = "县住房和城乡建设局",
    outcome: DeferralOutcome = DeferralOutcome.accept_with_deferral,
) -> DeferralDecision:
    return DeferralDecision(
        application=application,
        item="JS-004",
        department=department,
        applicant="91420000MA4K0000XX",
        received=received,
        decision=outcome,
        deferred=[MissingMaterial(id=m, name=MATERIALS.get(m, m), core=False) for m in deferred],
        deadline=deadline,
    )


# The oracle: the spec's case lifecycle written out by hand, independent of the chart.


@dataclass
class OracleCase:
    deadline: date
    deferred: list[str]
    state: CaseState = CaseState.open
    missing: list[str] = field(default_factory=list)
    reminded_on: date | None = None
    ended_on: date | None = None


def oracle_step(case: OracleCase, event: LedgerEvent) -> Outcome:
    """Apply ``event`` to ``case`` in place; whether it applied."""
    late = event.on > case.deadline
    left = [m for m in case.missing if m not in event.materials]
    state, kind = case.state, event.kind
    target: CaseState | None = None
    if state is CaseState.open:
        if kind is EventKind.supplement:
            target = (
                CaseState.overdue if late else (CaseState.open if left else CaseState.supplemented)
            )
        elif kind is EventKind.tick and late:
            target = CaseState.overdue
            case.reminded_on = event.on
        elif kind is EventKind.revoke:
            target = CaseState.revoked
    elif state is CaseState.overdue:
        if kind is EventKind.supplement:
            target = CaseState.overdue
        elif kind is EventKind.close and not case.missing:
            target = CaseState.closed
        elif kind is EventKind.revoke:
            target = CaseState.revoked
    elif state is CaseState.supplemented:
        if kind is EventKind.close:
            target = CaseState.closed
        elif kind is EventKind.revoke:
            target = CaseState.revoked
    if target is None:
        return Outcome.rejected
    if kind is EventKind.supplement:
        case.missing = left
    case.state = target
    if target in (CaseState.closed, CaseState.revoked):
        case.ended_on = event.on
    return Outcome.applied


def oracle(events: Sequence[LedgerEvent]) -> tuple[dict[str, OracleCase], list[Outcome]]:
    """Final cases and each event's outcome, per the spec (events assumed valid)."""
    cases: dict[str, OracleCase] = {}
    outcomes = []
    for event in events:
        if event.kind is EventKind.open:
            assert event.decision is not None and event.decision.deadline is not None
            deferred = [m.id for m in event.decision.deferred]
            cases[event.case_id] = OracleCase(
                deadline=event.decision.deadline, deferred=deferred, missing=list(deferred)
            )
            outcomes.append(Outcome.applied)
        else:
            outcomes.append(oracle_step(cases[event.case_id], event))
    return cases, outcomes


def scripted_events(count: int = 10_000, seed: int = 20260213) -> list[LedgerEvent]:
    """A deterministic day-book of ``count`` valid events over many cases, in date order.

    Every path of the chart occurs: on-time and late supplements, partial ones,
    deadline ticks, closes refused while materials are missing, revocations, and
    events refused by closed or revoked cases.
    """
    rng = random.Random(seed)
    dated: list[tuple[date, int, LedgerEvent]] = []
    start = date(2026, 1, 5)
    number = 0
    while len(dated) < count + 50:
        number += 1
        case_id = f"A-2026-{number:05d}"
        received = start + timedelta(days=rng.randrange(0, 170))
        deadline = received + timedelta(days=rng.choice((5, 7, 10, 14)))
        deferred = sorted(rng.sample(sorted(MATERIALS), rng.randint(1, 3)))
        decision = make_decision(case_id, deferred, received, deadline, rng.choice(DEPARTMENTS))
        script: list[LedgerEvent] = [open_event(decision)]
        day = received
        scenario = rng.choice(("on_time", "partial_then_overdue", "late", "revoked", "refused"))
        if scenario == "on_time":
            for index, material in enumerate(deferred):
                day = min(deadline, day + timedelta(days=rng.randint(0, 3)))
                if index == 0 and len(deferred) > 1 and rng.random() < 0.5:
                    script.append(close_event(case_id, day, "", key=f"close-early:{case_id}"))
                script.append(supplement_event(case_id, [material], day))
            script.append(close_event(case_id, day + timedelta(days=1), "", key=f"close:{case_id}"))
        elif scenario == "partial_then_overdue":
            if len(deferred) > 1:
                script.append(supplement_event(case_id, deferred[:1], received + timedelta(days=1)))
            day = deadline + timedelta(days=1)
            script.append(tick_event(case_id, day))
            if rng.random() < 0.5:
                script.append(revoke_event(case_id, day + timedelta(days=2), "逾期未补齐"))
            else:
                script.append(supplement_event(case_id, deferred, day + timedelta(days=2)))
                script.append(
                    close_event(case_id, day + timedelta(days=3), "", key=f"close:{case_id}")
                )
        elif scenario == "late":
            day = deadline + timedelta(days=rng.randint(1, 4))
            script.append(supplement_event(case_id, deferred, day))
            script.append(tick_event(case_id, day + timedelta(days=1)))
            script.append(close_event(case_id, day + timedelta(days=1), "", key=f"close:{case_id}"))
        elif scenario == "revoked":
            day = received + timedelta(days=rng.randint(0, 4))
            script.append(revoke_event(case_id, day, "承诺不实"))
            script.append(supplement_event(case_id, deferred, day + timedelta(days=1)))
        else:
            script.append(close_event(case_id, received, "", key=f"close-early:{case_id}"))
            script.append(tick_event(case_id, received + timedelta(days=1)))
            script.append(supplement_event(case_id, deferred, deadline))
            script.append(supplement_event(case_id, deferred[:1], deadline + timedelta(days=1)))
            script.append(
                close_event(case_id, deadline + timedelta(days=2), "", key=f"close:{case_id}")
            )
            script.append(tick_event(case_id, deadline + timedelta(days=3)))
        for event in script:
            dated.append((event.on, len(dated), event))
    dated.sort(key=lambda entry: (entry[0], entry[1]))
    # Dates never decrease within a case's script, so a case's events keep their order.
    ordered = [event for _, _, event in dated]
    return ordered[:count]
