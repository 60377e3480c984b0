"""The green-channel pack as rules, the facts a project gives them, and the decision."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from permitlogic.decide.clone import clone
from permitlogic.decide.compiled_ruleset import CompiledRuleset, compiled
from permitlogic.decide.per_pack import PerPackVersion
from permitlogic.decide.rules import FieldTest, Firings, Rule, Scalar
from permitlogic.models.decision import (
    Condition,
    GreenChannelDecision,
    GreenChannelOutcome,
    Project,
    ProjectCategory,
)
from permitlogic.packs.green_channel import GreenChannelPack

CATEGORY = "category"
TEMPLATE = "green_channel"
"""Where a firing keeps the decision it gave (any project's id replaced)."""

_VALUE = {category: category.value for category in ProjectCategory}


def pack_rules(pack: GreenChannelPack) -> tuple[list[Rule], dict[Hashable, Condition]]:
    """The rules of the pack and the words of each way a condition can be violated.

    Condition 0 is the scope (GC-0): it always applies; an excluded category,
    or an eligible one whose requirement (e.g. designation) is false, violates
    it. Condition k ≥ 1 is the pack's k-th baseline condition: it applies when
    its ``applies_when`` field is true (or always) and is violated when its
    field is false.
    """
    rules: list[Rule] = [Rule((), 0)]
    words: dict[Hashable, Condition] = {}
    scope = pack.scope
    for entry in scope.categories:
        is_category = FieldTest(CATEGORY, "eq", entry.category.value)
        if not entry.eligible:
            key: Hashable = ("category", entry.category.value)
            rules.append(Rule((is_category,), 0, key))
            words[key] = Condition(
                rule=scope.id,
                condition=CATEGORY,
                message_zh=entry.message_zh or "",
                message_en=entry.message_en or "",
                citation=scope.citation,
            )
        elif entry.requires is not None:
            key = ("requires", entry.category.value)
            unmet = FieldTest(entry.requires.field, "eq", False)
            rules.append(Rule((is_category, unmet), 0, key))
            words[key] = Condition(
                rule=scope.id,
                condition=entry.requires.field,
                message_zh=entry.requires.message_zh,
                message_en=entry.requires.message_en,
                citation=scope.citation,
            )
    for position, condition in enumerate(pack.conditions, start=1):
        when = (FieldTest(condition.applies_when, "eq", True),) if condition.applies_when else ()
        key = ("condition", condition.id)
        rules.append(Rule(when, position))
        rules.append(Rule((*when, FieldTest(condition.field, "eq", False)), position, key))
        words[key] = Condition(
            rule=condition.id,
            condition=condition.field,
            message_zh=condition.message_zh,
            message_en=condition.message_en,
            citation=condition.citation,
        )
    return rules, words


def read_fields(rules: Sequence[Rule]) -> tuple[str, ...]:
    """The project fields the rules read (the fact carries only these)."""
    names = dict.fromkeys(test.field for rule in rules for test in rule.tests)
    return tuple(name for name in names if name != CATEGORY)


@dataclass(frozen=True)
class GreenChannelRules:
    """A green-channel pack compiled to a durable-rules ruleset."""

    pack: GreenChannelPack
    ruleset: CompiledRuleset
    words: dict[Hashable, Condition]
    fields: tuple[str, ...]
    rule_ids: tuple[str, ...]

    def fact(self, project: Project) -> dict[str, Scalar]:
        return self.fact_of(self.key(project))

    def key(self, project: Project) -> tuple[Scalar, ...]:
        """The fact's values: the category, then each field the rules read (booleans)."""
        return (_VALUE[project.category], *map(project.__dict__.__getitem__, self.fields))

    def fact_of(self, key: tuple[Scalar, ...]) -> dict[str, Scalar]:
        return dict(zip((CATEGORY, *self.fields), key, strict=True))

    def decide(self, projects: Sequence[Project]) -> list[GreenChannelDecision]:
        """A decision per project: made once per distinct firings, then copied with the project's id."""
        firings = self.ruleset.evaluate_keyed([self.key(p) for p in projects], self.fact_of)
        return [self.decision_from(p, f) for p, f in zip(projects, firings, strict=True)]

    def decide_one(self, project: Project) -> GreenChannelDecision:
        """The decision for one project (as ``decide`` of a list of one, with less overhead)."""
        return self.decision_from(project, self.ruleset.firing(self.key(project), self.fact_of))

    def decision_from(self, project: Project, firing: Firings) -> GreenChannelDecision:
        """The firing's decision, made once, copied with the project's id."""
        template = firing.derived.get(TEMPLATE)
        if template is None:
            template = firing.derived[TEMPLATE] = self.decision(project, firing)
        assert isinstance(template, GreenChannelDecision)
        return clone(template, project=project.id)

    def decision(self, project: Project, firing: Firings) -> GreenChannelDecision:
        rules = self.ruleset.rules
        unmet: list[Condition] = []
        failed: set[int] = set()
        for index in firing.violated:
            rule = rules[index]
            failed.add(rule.condition)
            unmet.append(self.words[rule.violation])
        met = [
            self.rule_ids[position] for position in sorted(firing.applies) if position not in failed
        ]
        eligible = not unmet
        return GreenChannelDecision(
            decision_id=None,
            project=project.id,
            decision=GreenChannelOutcome.eligible if eligible else GreenChannelOutcome.not_eligible,
            unmet=unmet,
            met=met,
            effect=self.pack.effect.zh if eligible else None,
            pack_version=self.pack.fingerprint,
        )


_compiled: PerPackVersion[GreenChannelRules] = PerPackVersion()


def green_channel_rules(pack: GreenChannelPack) -> GreenChannelRules:
    """The pack compiled (once per pack version) into its durable-rules ruleset."""

    def build() -> GreenChannelRules:
        rules, words = pack_rules(pack)
        ruleset = compiled(f"green_channel_{pack.fingerprint[7:]}", rules)
        return GreenChannelRules(pack, ruleset, words, read_fields(rules), tuple(pack.rule_ids()))

    return _compiled.get(pack.fingerprint, build)
