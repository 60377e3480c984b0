"""The rules a pack compiles to, before they become a durable-rules ruleset.

Each rule is a small conjunction (one or two single-field tests) over one fact,
and says what its firing means for one condition of the pack: that the
condition applies, or that it is violated (and in which words). A condition is
*met* when it applies and no rule reports it violated, *unmet* when a rule
reports it violated, and not applicable when neither fires.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Literal

Op = Literal["eq", "gt", "exists"]
Scalar = bool | int | str


@dataclass(frozen=True)
class FieldTest:
    """One test of one fact field: ``field == value``, ``field > value`` or ``field`` present."""

    field: str
    op: Op
    value: Scalar | None = None

    def holds(self, fact: dict[str, object]) -> bool:
        """The test read in plain Python (for explanations and cross-checks)."""
        if self.field not in fact:
            return False
        present = fact[self.field]
        if self.op == "exists":
            return True
        if self.op == "eq":
            return type(present) is type(self.value) and present == self.value
        return isinstance(present, int) and isinstance(self.value, int) and present > self.value


@dataclass(frozen=True)
class Rule:
    """A rule: when all its tests hold for a fact, it fires for ``condition``.

    A rule without tests holds for every fact: its condition always applies
    (the ruleset's catch-all rule stands for it).

    ``violation`` is None for a rule that marks the condition as applying, or a
    key naming the way the condition is violated (the pack module turns it into
    words).
    """

    tests: tuple[FieldTest, ...]
    condition: int
    violation: Hashable | None = None

    def holds(self, fact: dict[str, object]) -> bool:
        return all(test.holds(fact) for test in self.tests)


@dataclass
class Firings:
    """What fired for one fact: the conditions that apply, and the violating rules (by index)."""

    applies: set[int] = field(default_factory=set)
    violated: list[int] = field(default_factory=list)
    derived: dict[Hashable, object] = field(default_factory=dict, compare=False, repr=False)
    """What a pack made of these firings (e.g. a decision template), kept with them."""
