"""Running facts through a compiled ruleset, safely for a million decisions and many threads.

durable-rules keeps a state per session id until it is deleted (past about a
thousand live sessions it fails), raises on a fact no rule matches, and its
engine is not thread-safe. So: one host of our own with no background
dispatch threads; one session id, used under one lock and deleted after every
batch; a catch-all rule so every fact is handled; and facts asserted a batch
at a time, each rule firing once per batch with every fact it matched.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import durable_rules_engine  # type: ignore[import-not-found]
from durable import engine

from permitlogic.decide.compiler import SEEN, SEQ, rule_name, ruleset_definition
from permitlogic.decide.rules import Firings, Rule, Scalar

BATCH = 256
"""Facts asserted at once; each rule fires at most once per batch."""

SESSION = "0"

ENGINE_LOCK = threading.RLock()
"""Serialises every call into the durable-rules engine made by this package."""

_FACT = re.compile(r'\{"sid": "0", "' + SEQ + r'": (\d+)')
"""The start of each matched fact in an action's message (facts are dumped sid first)."""


class _Host(engine.Host):  # type: ignore[misc]
    """A durable-rules host that dispatches nothing in the background.

    The stock host polls every ruleset from timer threads; here every action
    is started and completed by the thread that asserted the facts.
    """

    def _run(self) -> None:
        return None


_host: _Host | None = None


def _the_host() -> _Host:
    global _host
    if _host is None:
        _host = _Host()
    return _host


class CompiledRuleset:
    """A pack's rules registered as one durable-rules ruleset, ready to evaluate facts."""

    def __init__(self, name: str, rules: Sequence[Rule]) -> None:
        self.name = name
        self.rules = tuple(rules)
        self._by_name = {rule_name(index): index for index in range(len(self.rules))}
        self._always = frozenset(rule.condition for rule in self.rules if not rule.tests)
        with ENGINE_LOCK:
            host = _the_host()
            host.register_rulesets({name: ruleset_definition(self.rules, BATCH)})
            self._ruleset: Any = host.get_ruleset(name)

    def evaluate(self, facts: Sequence[Mapping[str, Scalar]]) -> list[Firings]:
        """What fired for each fact, in the order of ``facts``."""
        firings = [Firings() for _ in facts]
        for start in range(0, len(facts), BATCH):
            self._evaluate_batch(facts[start : start + BATCH], firings, start)
        for firing in firings:
            firing.violated.sort()
        return firings

    def _evaluate_batch(
        self, facts: Sequence[Mapping[str, Scalar]], firings: list[Firings], offset: int
    ) -> None:
        payload = [{"sid": SESSION, SEQ: n, **fact} for n, fact in enumerate(facts)]
        messages = self._fire(payload)
        seen = 0
        for message in messages:
            name = message[2 : message.index('"', 2)]
            numbers = _FACT.findall(message)
            if name == SEEN:
                seen += len(numbers)
                for number in numbers:
                    firings[offset + int(number)].applies.update(self._always)
                continue
            index = self._by_name[name]
            rule = self.rules[index]
            for number in numbers:
                firing = firings[offset + int(number)]
                if rule.violation is None:
                    firing.applies.add(rule.condition)
                else:
                    firing.violated.append(index)
        if seen != len(facts):
            raise RuntimeError(f"ruleset {self.name}: {seen} of {len(facts)} facts were evaluated")

    def has_live_session(self) -> bool:
        """Whether durable-rules still holds a session state for this ruleset (it should not)."""
        with ENGINE_LOCK:
            try:
                self._ruleset.get_state(SESSION)
            except Exception:  # durable raises a bare Exception for an unknown session
                return False
            return True

    def _fire(self, payload: list[dict[str, Scalar]]) -> list[str]:
        """Assert the facts, run every action the engine starts, and clear the session."""
        handle = self._ruleset._handle
        messages: list[str] = []
        with ENGINE_LOCK:
            try:
                state = self._ruleset.assert_facts(payload)
                started = durable_rules_engine.start_action_for_state(handle, state)
                message = started[1] if started else None
                while message:
                    messages.append(message)
                    message = durable_rules_engine.complete_and_start_action(handle, state)
            finally:
                self._ruleset.delete_state(SESSION)
        return messages


_compiled: dict[str, CompiledRuleset] = {}


def compiled(name: str, rules: Sequence[Rule]) -> CompiledRuleset:
    """The ruleset registered under ``name`` (a pack fingerprint), compiled once."""
    with ENGINE_LOCK:
        found = _compiled.get(name)
        if found is None:
            found = _compiled[name] = CompiledRuleset(name, rules)
        return found
