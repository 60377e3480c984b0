"""Running facts through a compiled ruleset, safely for a million decisions and many threads.

durable-rules keeps a state per session id until it is deleted (past about a
thousand live sessions it fails), raises on a fact no rule matches, and its
engine is not thread-safe. So: one host of our own with no background
dispatch threads; one session id, used under one lock and deleted after every
batch; a catch-all rule so every fact is handled; and facts asserted a batch
at a time, each rule firing once per batch with every fact it matched.

The engine is the one that decides, but it is asked about each distinct fact
once per pack version: a fact carries only the fields the rules read, so many
inputs give the same fact and the same firings. Those are kept (up to
MEMO_LIMIT distinct facts, then the memo starts afresh) and shared by every
later input with that fact; every input still gets its own decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from permitlogic.decide.compiler import SEEN, SEQ, rule_name, ruleset_definition
from permitlogic.decide.rules import Firings, Rule, Scalar
from permitlogic.durable_host import ENGINE_LOCK, assert_and_run, has_state, shared_host

BATCH = 256
"""Facts asserted at once; each rule fires at most once per batch."""

SESSION = "0"

MEMO_LIMIT = 65_536
"""Distinct facts whose firings a ruleset keeps; past it the memo is cleared (memory stays flat)."""

FactKey = tuple[tuple[str, Scalar, type], ...]

_FACT = re.compile(r'\{"sid": "0", "' + SEQ + r'": (\d+)')
"""The start of each matched fact in an action's message (facts are dumped sid first)."""


class CompiledRuleset:
    """A pack's rules registered as one durable-rules ruleset, ready to evaluate facts."""

    def __init__(self, name: str, rules: Sequence[Rule]) -> None:
        self.name = name
        self.rules = tuple(rules)
        self._by_name = {rule_name(index): index for index in range(len(self.rules))}
        self._always = frozenset(rule.condition for rule in self.rules if not rule.tests)
        self._memo: dict[Hashable, Firings] = {}
        self.engine_facts = 0
        """Facts the engine itself has evaluated (the others came from the memo)."""
        with ENGINE_LOCK:
            host = shared_host()
            host.register_rulesets({name: ruleset_definition(self.rules, BATCH)})
            self._ruleset: Any = host.get_ruleset(name)

    def evaluate(self, facts: Sequence[Mapping[str, Scalar]]) -> list[Firings]:
        """What fired for each fact, in the order of ``facts``.

        Facts seen before (the same fields with the same values and types)
        share the firings the engine gave the first time; the others go to the
        engine, once each. The Firings are shared: read them, never change them.
        """
        return self.evaluate_keyed([_key(fact) for fact in facts], _fact)

    def firing(self, key: Hashable, fact_of: Callable[[Any], Mapping[str, Scalar]]) -> Firings:
        """What fired for the fact of one key (see ``evaluate_keyed``)."""
        found = self._memo.get(key)
        return found if found is not None else self.evaluate_keyed([key], fact_of)[0]

    def evaluate_keyed(
        self, keys: Sequence[Hashable], fact_of: Callable[[Any], Mapping[str, Scalar]]
    ) -> list[Firings]:
        """What fired for the fact of each key (``fact_of(key)``), in the order of ``keys``.

        A key stands for exactly one fact: equal keys must give equal facts
        (e.g. the fact's values in a fixed field order, from typed models).
        """
        memo = self._memo
        out = [memo.get(key) for key in keys]
        fresh: dict[Hashable, int] = {}
        for key, found in zip(keys, out, strict=True):
            if found is None and key not in fresh:
                fresh[key] = len(fresh)
        if not fresh:
            return out  # type: ignore[return-value]
        firings = self.evaluate_uncached([fact_of(key) for key in fresh])
        if len(memo) + len(fresh) > MEMO_LIMIT:
            memo.clear()
        for key, firing in zip(fresh, firings, strict=True):
            memo[key] = firing
        return [found or firings[fresh[key]] for key, found in zip(keys, out, strict=True)]

    def evaluate_uncached(self, facts: Sequence[Mapping[str, Scalar]]) -> list[Firings]:
        """What fired for each fact, every one of them evaluated by the engine."""
        firings = [Firings() for _ in facts]
        for start in range(0, len(facts), BATCH):
            self._evaluate_batch(facts[start : start + BATCH], firings, start)
        for firing in firings:
            firing.violated.sort()
        with ENGINE_LOCK:
            self.engine_facts += len(facts)
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
        return has_state(self._ruleset, SESSION)

    def _fire(self, payload: list[dict[str, Scalar]]) -> list[str]:
        """Assert the facts, run every action the engine starts, and clear the session."""
        return assert_and_run(self._ruleset, SESSION, payload)


def _key(fact: Mapping[str, Scalar]) -> FactKey:
    """The fact as a memo key: types too, so that ``True`` and ``1`` stay apart."""
    return tuple([(name, value, type(value)) for name, value in fact.items()])


def _fact(key: FactKey) -> dict[str, Scalar]:
    return {name: value for name, value, _ in key}


_compiled: dict[str, CompiledRuleset] = {}


def compiled(name: str, rules: Sequence[Rule]) -> CompiledRuleset:
    """The ruleset registered under ``name`` (a pack fingerprint), compiled once."""
    with ENGINE_LOCK:
        found = _compiled.get(name)
        if found is None:
            found = _compiled[name] = CompiledRuleset(name, rules)
        return found
