"""The case statechart in durable-rules: which rule fires for an event in a state.

    new ──open──▶ open ──supplement (all in, on time)──▶ supplemented ──close──▶ closed
                  │ ▲ supplement (some still missing)          │
                  │ └─┘                                        └──revoke──▶ revoked
                  ├──tick past the deadline (reminder)──▶ overdue ──close (all in)──▶ closed
                  ├──supplement after the deadline──────▶ overdue ──revoke──▶ revoked
                  └──revoke──▶ revoked                    (late supplements stay overdue)

The chart holds no case: for each event a pooled session is set to the case's
state, the event is posted, the rule that fired is read back and the session's
state is deleted. durable-rules keeps every session id alive until deleted (about
a thousand live ones exhaust it), so a session per case would not survive a
county's ledger.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from durable import lang

from permitlogic.durable_host import ENGINE_LOCK, InlineHost, MessageNotHandled, detach_from_lang
from permitlogic.ledger.model import CaseState, EventKind

RULESET = "permitlogic_deferral_case"
POOL_SIZE = 4

Timing = str
ON_TIME: Timing = "on_time"
LATE: Timing = "late"


@dataclass(frozen=True)
class Rule:
    """One transition of the chart, with what it means to a window officer."""

    id: str
    source: CaseState
    target: CaseState
    when: Callable[[], Any]
    """Builds the durable-rules condition on the event message ``m``."""
    zh: str
    en: str


S = CaseState
m = lang.m

RULES: tuple[Rule, ...] = (
    Rule(
        "open-case",
        S.new,
        S.open,
        lambda: m.kind == "open",
        "容缺受理，开始跟踪待补材料",
        "accepted with deferral: tracking the deferred materials",
    ),
    Rule(
        "supplement-complete",
        S.open,
        S.supplemented,
        lambda: (m.kind == "supplement") & (m.remaining == 0) & (m.timing == ON_TIME),
        "期限内补齐全部容缺材料",
        "all deferred materials in by the deadline",
    ),
    Rule(
        "supplement-partial",
        S.open,
        S.open,
        lambda: (m.kind == "supplement") & (m.remaining > 0) & (m.timing == ON_TIME),
        "部分补交，仍有材料待补",
        "partly supplemented: materials still missing",
    ),
    Rule(
        "supplement-after-deadline",
        S.open,
        S.overdue,
        lambda: (m.kind == "supplement") & (m.timing == LATE),
        "期限届满后才补交：已逾期",
        "supplemented after the deadline: overdue",
    ),
    Rule(
        "deadline-passed",
        S.open,
        S.overdue,
        lambda: (m.kind == "tick") & (m.timing == LATE),
        "补齐期限已过，发出逾期提醒",
        "deadline passed: overdue reminder issued",
    ),
    Rule(
        "revoke-open",
        S.open,
        S.revoked,
        lambda: m.kind == "revoke",
        "补齐期限内撤销（承诺不实或申请人撤回）",
        "revoked before the deadline (false commitment or withdrawal)",
    ),
    Rule(
        "supplement-overdue",
        S.overdue,
        S.overdue,
        lambda: m.kind == "supplement",
        "逾期后补交材料（仍为逾期，待办结或撤销）",
        "materials received after the deadline (still overdue: close or revoke)",
    ),
    Rule(
        "close-overdue",
        S.overdue,
        S.closed,
        lambda: (m.kind == "close") & (m.remaining == 0),
        "逾期但材料已补齐，办结",
        "overdue but every material is in: closed",
    ),
    Rule(
        "revoke-overdue",
        S.overdue,
        S.revoked,
        lambda: m.kind == "revoke",
        "逾期未补齐，撤销受理",
        "overdue and not supplemented: revoked",
    ),
    Rule(
        "close-supplemented",
        S.supplemented,
        S.closed,
        lambda: m.kind == "close",
        "材料已补齐，办结",
        "supplemented: closed",
    ),
    Rule(
        "revoke-supplemented",
        S.supplemented,
        S.revoked,
        lambda: m.kind == "revoke",
        "补齐后撤销（材料不实）",
        "revoked after supplementing (materials found false)",
    ),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}


@dataclass(frozen=True)
class Fired:
    """The rule that fired and the state it leads to."""

    rule: str
    state: CaseState


def message(kind: EventKind, remaining: int, timing: Timing) -> dict[str, Any]:
    """The event as the chart sees it: its kind, what would still be missing, and when."""
    return {"kind": kind.value, "remaining": remaining, "timing": timing}


def _mark(rule: Rule) -> Callable[[Any], None]:
    def action(c: Any) -> None:
        c.s.fired = rule.id
        c.s.target = rule.target.value

    return action


def _chart_definition() -> tuple[str, dict[str, Any]]:
    chart = lang.statechart(RULESET)
    # Off lang's own host: this chart is only ever posted to through an InlineHost.
    detach_from_lang(RULESET)
    with chart:
        for source in CaseState:
            with lang.state(source.value):
                for rule in RULES:
                    if rule.source is source:
                        lang.to(rule.target.value).when_all(rule.when())(_mark(rule))
    name, definition = chart.define()
    return str(name), definition


# Reflexive states (a transition back to themselves) hold their label as a fact,
# the others as an event: the same convention durable-rules' own transitions use.
_REFLEXIVE = frozenset(rule.source for rule in RULES if rule.source is rule.target)


class CaseChart:
    """The compiled statechart with a small pool of reusable sessions."""

    def __init__(self, pool_size: int = POOL_SIZE) -> None:
        name, definition = _chart_definition()
        self._host = InlineHost()
        self._host.register_rulesets({name: definition})
        self._free: queue.SimpleQueue[str] = queue.SimpleQueue()
        for index in range(pool_size):
            self._free.put(f"pool-{index}")
        self._prime()

    def _prime(self) -> None:
        """Run one transition before anything else.

        durable-rules 2.0.28 crashes the process (SIGSEGV in delete_state) when a
        session is deleted before any action of its ruleset has ever run, e.g.
        when a new process's first event is refused by a closed case.
        """
        fired = self.fire(CaseState.new, message(EventKind.open, 1, ON_TIME))
        if fired is None or fired.state is not CaseState.open:
            raise RuntimeError(f"the case statechart did not start: {fired}")

    @contextmanager
    def _session(self) -> Iterator[str]:
        # Every session's state is deleted once its event is answered (see _prime).
        sid = self._free.get()
        try:
            yield sid
        finally:
            try:
                self._host.delete_state(RULESET, sid)
            finally:
                self._free.put(sid)

    def fire(self, state: CaseState, event: dict[str, Any]) -> Fired | None:
        """Post ``event`` to a session in ``state``; the rule that fired, or None."""
        with ENGINE_LOCK, self._session() as sid:
            # "running" keeps the chart's own start rule from moving the session to "new".
            self._host.update_state(RULESET, {"sid": sid, "running": True})
            label = {"sid": sid, "label": state.value, "chart": 1}
            try:
                if state in _REFLEXIVE:
                    self._host.assert_fact(RULESET, label)
                else:
                    self._host.post(RULESET, label)
                self._host.post(RULESET, {**event, "sid": sid})
            except MessageNotHandled:
                return None
            session = self._host.get_state(RULESET, sid)
        rule = session.get("fired")
        if rule is None:
            return None
        return Fired(rule=str(rule), state=CaseState(session["target"]))


class MemoChart:
    """Replay's view of the chart: the same answers, asked once per distinct question.

    The chart is a pure function of (state, message), so a replay of a million
    events needs only the few dozen distinct questions answered by the engine.
    """

    def __init__(self, chart: CaseChart) -> None:
        self._chart = chart
        self._answers: dict[tuple[CaseState, tuple[tuple[str, Any], ...]], Fired | None] = {}

    def fire(self, state: CaseState, event: dict[str, Any]) -> Fired | None:
        question = (state, tuple(sorted(event.items())))
        if question not in self._answers:
            self._answers[question] = self._chart.fire(state, event)
        return self._answers[question]


_chart: CaseChart | None = None
_chart_lock = threading.Lock()


def case_chart() -> CaseChart:
    """The process's one compiled chart (compiled on first use)."""
    global _chart
    with _chart_lock:
        if _chart is None:
            _chart = CaseChart()
        return _chart
