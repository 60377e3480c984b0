"""Rule coverage of the golden cases, as ``opa test --coverage`` reports it.

Three kinds of thing are counted, each on every side it has:

* every installed check (PL…): *raised* (a passing case expected its finding
  and got it) and *silent* (a passing ``exactly: true`` case ran it and it
  found nothing);
* every rule of the packs under test (GC-…, DF-…): *met* and *unmet* in the
  decision of a passing case;
* every row of the decision tables of decisions.md: *hit* by a passing case.

The percentage is the share of all those sides that the passing cases reach.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from permitlogic.checks.registry import all_checks
from permitlogic.golden.outcome import CaseOutcome, Side, Unit
from permitlogic.golden.rows import ROWS
from permitlogic.golden.targets import Targets


@dataclass(frozen=True)
class CoverageEntry:
    area: str
    """``check``, ``green_channel``, ``deferral`` or ``row``."""
    id: str
    name_zh: str
    name_en: str
    sides: tuple[tuple[Side, bool], ...]

    @property
    def covered(self) -> int:
        return sum(1 for _, hit in self.sides if hit)

    @property
    def complete(self) -> bool:
        return self.covered == len(self.sides)


@dataclass(frozen=True)
class Coverage:
    entries: tuple[CoverageEntry, ...]

    @property
    def covered(self) -> int:
        return sum(entry.covered for entry in self.entries)

    @property
    def total(self) -> int:
        return sum(len(entry.sides) for entry in self.entries)

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0

    def missing(self) -> list[tuple[CoverageEntry, Side]]:
        return [(e, side) for e in self.entries for side, hit in e.sides if not hit]


CHECK_SIDES = (Side.raised, Side.silent)
RULE_SIDES = (Side.met, Side.unmet)


def coverage(outcomes: Iterable[CaseOutcome], targets: Targets) -> Coverage:
    """What the passing cases exercised, over every check, pack rule and table row."""
    hit: set[Unit] = set()
    for outcome in outcomes:
        if outcome.passed:
            hit |= outcome.exercised
    entries: list[CoverageEntry] = []

    def add(area: str, id_: str, zh: str, en: str, sides: tuple[Side, ...]) -> None:
        entries.append(
            CoverageEntry(area, id_, zh, en, tuple((s, Unit(area, id_, s) in hit) for s in sides))
        )

    for check_id, check in all_checks().items():
        add("check", check_id, check.meta.name_zh, check.meta.name, CHECK_SIDES)
    green = targets.green_channel
    add("green_channel", green.scope.id, green.scope.name_zh, green.scope.name_en, RULE_SIDES)
    for condition in green.conditions:
        add("green_channel", condition.id, condition.name_zh, condition.name_en, RULE_SIDES)
    for rule in targets.deferral.rules:
        add("deferral", rule.id, rule.name_zh, rule.name_en, RULE_SIDES)
    for row in ROWS:
        add("row", row.id, row.zh, row.en, (Side.hit,))
    return Coverage(tuple(entries))
