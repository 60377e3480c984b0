"""Rules to durable-rules: one ``when_all`` per rule, built with ``durable.lang``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from durable.lang import cap, m, when_all

from permitlogic.decide.rules import FieldTest, Rule

SEEN = "seen"
"""The catch-all rule: fires for every fact, so no fact is ever unhandled."""

SEQ = "_n"
"""The fact field numbering the facts of one evaluation."""


def _collected(c: Any) -> None:
    """Rule action: nothing to do, the session reads which facts each rule matched."""


def _expression(test: FieldTest) -> Any:
    ref = getattr(m, test.field)
    if test.op == "exists":
        return +ref
    if test.op == "gt":
        return ref > test.value
    return ref == test.value


def rule_name(index: int) -> str:
    return f"r{index}"


def ruleset_definition(rules: Sequence[Rule], batch: int) -> dict[str, Any]:
    """The ruleset definition durable-rules registers: ``r0``…``rN`` and the catch-all.

    A rule without tests is not registered: the catch-all fires for every fact.

    Every rule takes up to ``batch`` matching facts per firing (``cap``), so a
    batch of facts costs one firing per rule, not one per fact and rule.
    """
    definition: dict[str, Any] = {}
    for index, rule in enumerate(rules):
        if not rule.tests:
            continue
        expression = _expression(rule.tests[0])
        for test in rule.tests[1:]:
            expression = expression & _expression(test)
        definition[rule_name(index)] = when_all(cap(batch), expression)(_collected).define()
    definition[SEEN] = when_all(cap(batch), +getattr(m, SEQ))(_collected).define()
    return definition
