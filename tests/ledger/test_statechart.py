"""The durable-rules chart against the lifecycle written out by hand, state by event."""

from __future__ import annotations

import itertools
import subprocess
import sys
from datetime import date

import pytest
from ledger_support import OracleCase, oracle_step

from permitlogic.ledger.model import CaseState, EventKind, LedgerEvent, Outcome
from permitlogic.ledger.statechart import (
    LATE,
    ON_TIME,
    RULES,
    CaseChart,
    MemoChart,
    case_chart,
    message,
)

DEADLINE = date(2026, 2, 27)
LIVE_STATES = [s for s in CaseState if s is not CaseState.new]


@pytest.mark.parametrize(
    ("state", "kind", "remaining", "timing"),
    list(
        itertools.product(
            LIVE_STATES, [k for k in EventKind if k is not EventKind.open], (0, 1), (ON_TIME, LATE)
        )
    ),
)
def test_chart_agrees_with_the_lifecycle(
    state: CaseState, kind: EventKind, remaining: int, timing: str
) -> None:
    on = date(2026, 3, 2) if timing == LATE else date(2026, 2, 20)
    # A supplement of m3 leaves `remaining` missing; other events find `remaining` missing.
    missing = ["m3", "m5"][: remaining + 1] if kind is EventKind.supplement else ["m5"][:remaining]
    case = OracleCase(deadline=DEADLINE, deferred=["m3", "m5"], state=state, missing=missing)
    materials = ("m3",) if kind is EventKind.supplement else ()
    event = LedgerEvent(case_id="A-1", kind=kind, key="k", on=on, materials=materials)
    expected = oracle_step(case, event)

    fired = case_chart().fire(state, message(kind, remaining, timing))

    if expected is Outcome.rejected:
        assert fired is None
    else:
        assert fired is not None
        assert fired.state is case.state
        rule = next(r for r in RULES if r.id == fired.rule)
        assert (rule.source, rule.target) == (state, case.state)


def test_open_starts_every_case() -> None:
    fired = case_chart().fire(CaseState.new, message(EventKind.open, 2, ON_TIME))
    assert fired is not None
    assert (fired.rule, fired.state) == ("open-case", CaseState.open)


def test_every_rule_can_fire() -> None:
    fired = set()
    chart = case_chart()
    for state, kind, remaining, timing in itertools.product(
        CaseState, EventKind, (0, 1), (ON_TIME, LATE)
    ):
        result = chart.fire(state, message(kind, remaining, timing))
        if result is not None:
            fired.add(result.rule)
    assert fired == {rule.id for rule in RULES}


def test_pooled_sessions_outlive_thousands_of_cases() -> None:
    # A session per case would exhaust durable-rules near a thousand; the pool reuses four.
    chart = CaseChart(pool_size=2)
    for index in range(3_000):
        state = CaseState.open if index % 2 else CaseState.overdue
        fired = chart.fire(state, message(EventKind.supplement, 1, ON_TIME))
        assert fired is not None
        assert fired.state is state


def test_replay_memo_gives_the_chart_answers() -> None:
    chart = case_chart()
    memo = MemoChart(chart)
    for state, kind in itertools.product(CaseState, EventKind):
        question = message(kind, 0, LATE)
        assert memo.fire(state, question) == chart.fire(state, question)
        assert memo.fire(state, question) == chart.fire(state, question)


def test_a_new_process_may_start_with_a_refused_event() -> None:
    # durable-rules 2.0.28 segfaults deleting a session before any action ever ran;
    # the chart primes itself, so a refused first event is just refused.
    script = (
        "from permitlogic.ledger.model import CaseState, EventKind\n"
        "from permitlogic.ledger.statechart import CaseChart, ON_TIME, message\n"
        "chart = CaseChart()\n"
        "assert chart.fire(CaseState.revoked, message(EventKind.supplement, 0, ON_TIME)) is None\n"
        "print('refused')\n"
    )
    result = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "refused"), result.stderr
