"""The deferral pack as rules, the facts an application gives them, and the decision."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from permitlogic.decide.clone import clone
from permitlogic.decide.compiled_ruleset import CompiledRuleset, compiled
from permitlogic.decide.per_pack import PerPackVersion
from permitlogic.decide.rules import FieldTest, Firings, Rule, Scalar
from permitlogic.models.catalog import Catalog, Item, Material
from permitlogic.models.decision import (
    Application,
    Condition,
    Credit,
    DeferralDecision,
    DeferralOutcome,
    MissingMaterial,
)
from permitlogic.packs.deferral import DeferralCheck, DeferralPack, DeferralRule
from permitlogic.workdays.calendar import CalendarGap, WorkdayCalendar
from permitlogic.workdays.deadline import working_days_after

CREDIT_ZH = {Credit.good: "良好", Credit.warned: "警示", Credit.blacklisted: "失信（黑名单）"}

LISTED = "listed"
UNKNOWN = "unknown_materials"
CORE_MISSING = "core_missing"
NONCORE_MISSING = "noncore_missing"


def pack_rules(pack: DeferralPack) -> list[Rule]:
    """The rules of the pack, condition k being the pack's k-th rule.

    item_listed and materials_known always apply to a listed item; the checks
    on deferral (commitment, credit, forbidden item or department) apply when
    non-core materials are missing, i.e. when deferral is asked for.
    """
    rules: list[Rule] = []
    asks_deferral = FieldTest(NONCORE_MISSING, "gt", 0)
    for position, rule in enumerate(pack.rules):
        check = rule.check
        if check is DeferralCheck.item_listed:
            rules.append(Rule((), position))
            rules.append(Rule((FieldTest(LISTED, "eq", False),), position, check))
        elif check is DeferralCheck.materials_known:
            rules.append(Rule((FieldTest(UNKNOWN, "exists"),), position))
            rules.append(Rule((FieldTest(UNKNOWN, "gt", 0),), position, check))
        elif check is DeferralCheck.core_complete:
            rules.append(Rule((FieldTest(CORE_MISSING, "exists"),), position))
            rules.append(Rule((FieldTest(CORE_MISSING, "gt", 0),), position, check))
        else:
            rules.append(Rule((asks_deferral,), position))
            rules.extend(
                Rule((asks_deferral, test), position, check) for test in _violations(check, pack)
            )
    return rules


def _violations(check: DeferralCheck, pack: DeferralPack) -> list[FieldTest]:
    """The second test of each rule that violates a deferral check."""
    if check is DeferralCheck.commitment_signed:
        return [FieldTest("commitment", "eq", False)]
    if check is DeferralCheck.credit_allowed:
        return [FieldTest("credit", "eq", credit.value) for credit in pack.excluded_credit]
    forbidden = pack.deferral_forbidden
    return [FieldTest("item", "eq", item) for item in forbidden.items] + [
        FieldTest("department", "eq", name) for name in forbidden.departments
    ]


@dataclass(frozen=True, eq=False)
class MaterialsRead:
    """What an item asks for against what was submitted: unknown ids and missing materials.

    Compared and hashed by identity: reads are shared through a memo.
    """

    item: Item
    unknown: tuple[str, ...]
    missing: tuple[Material, ...]
    entries: tuple[MissingMaterial, ...]
    """``missing`` as decisions list them."""
    counts: tuple[int, int, int] = (0, 0, 0)
    """Unknown ids, core materials missing, non-core materials missing."""

    @property
    def core_missing(self) -> list[Material]:
        return [m for m in self.missing if m.core]

    @property
    def noncore_missing(self) -> list[Material]:
        return [m for m in self.missing if not m.core]


def read_materials(item: Item, submitted: Sequence[str]) -> MaterialsRead:
    asked = {material.id for material in item.materials}
    given = set(submitted)
    unknown = tuple(dict.fromkeys(s for s in submitted if s not in asked))
    missing = tuple(m for m in item.materials if m.id not in given)
    entries = tuple(MissingMaterial(id=m.id, name=m.name, core=m.core) for m in missing)
    core = sum(1 for m in missing if m.core)
    return MaterialsRead(item, unknown, missing, entries, (len(unknown), core, len(missing) - core))


@dataclass(frozen=True)
class Case:
    """An application read against the catalog (``read`` is None for an unlisted item)."""

    application: Application
    read: MaterialsRead | None

    def fact(self) -> dict[str, Scalar]:
        return fact_of(self.key())

    def key(self) -> FactKey:
        """The fact's values: for a listed item, its id and department, the counts, the applicant."""
        read = self.read
        if read is None:
            return None
        application = self.application
        return (
            read.item.id,
            read.item.department,
            *read.counts,
            application.commitment,
            _CREDIT[application.applicant.credit],
        )


FactKey = tuple[str, str, int, int, int, bool, str] | None
_CREDIT = {credit: credit.value for credit in Credit}


def fact_of(key: FactKey) -> dict[str, Scalar]:
    """The fact the rules read, from its key (None: the item is not in the catalog)."""
    if key is None:
        return {LISTED: False}
    item, department, unknown, core, noncore, commitment, credit = key
    return {
        LISTED: True,
        UNKNOWN: unknown,
        CORE_MISSING: core,
        NONCORE_MISSING: noncore,
        "commitment": commitment,
        "credit": credit,
        "item": item,
        "department": department,
    }


def _materials(materials: Sequence[Material], lang: str) -> str:
    if lang == "zh":
        return "、".join(f"{m.id}（{m.name}）" for m in materials)
    return ", ".join(f"{m.id} ({m.name})" for m in materials)


def reason(rule: DeferralRule, case: Case) -> Condition:
    """The rule's messages with the case's item, department, materials and credit filled in."""
    read = case.read
    check = rule.check
    credit = case.application.applicant.credit
    named: Sequence[Material] = ()
    if read is not None:
        if check is DeferralCheck.core_complete:
            named = read.core_missing
        elif check is DeferralCheck.commitment_signed:
            named = read.noncore_missing
        else:
            named = read.missing
    if check is DeferralCheck.materials_known and read is not None:
        zh = en = ", ".join(read.unknown)
    else:
        zh, en = _materials(named, "zh"), _materials(named, "en")
    common = {
        "item": case.application.item,
        "department": read.item.department if read is not None else "—",
    }
    return Condition(
        rule=rule.id,
        condition=check.value,
        message_zh=rule.message_zh.format(**common, materials=zh, credit=CREDIT_ZH[credit]),
        message_en=rule.message_en.format(**common, materials=en, credit=credit.value),
        citation=rule.citation,
    )


MEMO_LIMIT = 50_000
"""Entries a memo keeps before it is cleared: memory stays flat over any number of decisions."""

TEMPLATES_PER_FIRING = 1_024
"""Decision templates one firing keeps (one per materials read, credit and item)."""


@dataclass(frozen=True)
class DeferralRules:
    """A deferral pack compiled to a durable-rules ruleset."""

    pack: DeferralPack
    ruleset: CompiledRuleset
    reasons: dict[tuple[int, str, Credit, MaterialsRead | None], Condition] = field(
        default_factory=dict, compare=False
    )
    reads: dict[tuple[int, tuple[str, ...]], MaterialsRead] = field(
        default_factory=dict, compare=False
    )

    def case(self, application: Application, items: dict[str, Item]) -> Case:
        item = items.get(application.item)
        if item is None:
            return Case(application, None)
        key = (id(item), tuple(application.submitted))
        read = self.reads.get(key)
        if read is None or read.item is not item:
            if len(self.reads) >= MEMO_LIMIT:
                self.reads.clear()
            read = self.reads[key] = read_materials(item, application.submitted)
        return Case(application, read)

    def reason(self, position: int, case: Case) -> Condition:
        read = case.read
        key = (position, case.application.item, case.application.applicant.credit, read)
        found = self.reasons.get(key)
        if found is None:
            if len(self.reasons) >= MEMO_LIMIT:
                self.reasons.clear()
            found = self.reasons[key] = reason(self.pack.rules[position], case)
        return found

    def decide(
        self, applications: Sequence[Application], catalog: Catalog, calendar: WorkdayCalendar
    ) -> list[DeferralDecision | CalendarGap]:
        """A decision for each application, or the calendar gap that prevents it."""
        items = item_map(catalog)
        cases = [self.case(application, items) for application in applications]
        firings = self.ruleset.evaluate_keyed([case.key() for case in cases], fact_of)
        out: list[DeferralDecision | CalendarGap] = []
        for case, firing in zip(cases, firings, strict=True):
            try:
                out.append(self.decision_from(case, firing, calendar))
            except CalendarGap as gap:
                out.append(gap)
        return out

    def decide_one(
        self, application: Application, catalog: Catalog, calendar: WorkdayCalendar
    ) -> DeferralDecision | CalendarGap:
        """The decision for one application (as ``decide`` of a list of one, with less overhead)."""
        case = self.case(application, item_map(catalog))
        firing = self.ruleset.firing(case.key(), fact_of)
        try:
            return self.decision_from(case, firing, calendar)
        except CalendarGap as gap:
            return gap

    def decision_from(
        self, case: Case, firing: Firings, calendar: WorkdayCalendar
    ) -> DeferralDecision:
        """The decision, made once per firings, materials read and credit, then copied.

        What depends on the application alone (its id, the applicant, the day
        received and the dates counted from it) is filled in for each one.
        """
        application = case.application
        key = (case.read, application.applicant.credit, application.item)
        template = firing.derived.get(key)
        if template is None:
            if len(firing.derived) >= TEMPLATES_PER_FIRING:
                firing.derived.clear()
            template = firing.derived[key] = self.decision(case, firing, calendar)
        assert isinstance(template, DeferralDecision)
        received = application.received
        calendar.is_workday(received)
        pack = self.pack
        return clone(
            template,
            application=application.id,
            applicant=application.applicant.id,
            received=received,
            deadline=working_days_after(received, pack.deadline_working_days, calendar)
            if template.deadline is not None
            else None,
            notice_due=working_days_after(received, pack.notice_working_days, calendar)
            if template.notice_due is not None
            else None,
        )

    def decision(self, case: Case, firing: Firings, calendar: WorkdayCalendar) -> DeferralDecision:
        pack = self.pack
        rules = pack.rules
        application = case.application
        received = application.received
        calendar.is_workday(received)
        failed: list[int] = []
        for index in firing.violated:
            position = self.ruleset.rules[index].condition
            if position not in failed:
                failed.append(position)
        read = case.read
        deadline: date | None = None
        notice_due: date | None = None
        missing: list[MissingMaterial] = []
        deferred: list[MissingMaterial] = []
        if any(rules[p].check.outcome is DeferralOutcome.reject for p in failed):
            decision = DeferralOutcome.reject
        elif failed:
            decision = DeferralOutcome.notice
            missing = list(read.entries) if read else []
            notice_due = working_days_after(received, pack.notice_working_days, calendar)
        elif read is not None and read.missing:
            decision = DeferralOutcome.accept_with_deferral
            missing = list(read.entries)
            deferred = list(read.entries)
            deadline = working_days_after(received, pack.deadline_working_days, calendar)
        else:
            decision = DeferralOutcome.accept
        item = read.item if read else None
        return DeferralDecision(
            decision_id=None,
            application=application.id,
            item=application.item,
            item_name=item.name if item else None,
            department=item.department if item else None,
            applicant=application.applicant.id,
            received=received,
            decision=decision,
            reasons=[self.reason(position, case) for position in failed],
            met=[rules[p].id for p in sorted(firing.applies) if p not in failed],
            missing=missing,
            deferred=deferred,
            unknown=list(read.unknown) if read else [],
            deadline=deadline,
            notice_due=notice_due,
            pack_version=pack.fingerprint,
        )


_items: dict[int, tuple[Catalog, dict[str, Item]]] = {}
_compiled: PerPackVersion[DeferralRules] = PerPackVersion()
_lock = threading.Lock()


def item_map(catalog: Catalog) -> dict[str, Item]:
    """The catalog's items by id, kept for the last few catalogs decided against."""
    found = _items.get(id(catalog))
    if found is not None and found[0] is catalog:
        return found[1]
    items = catalog.item_map()
    with _lock:
        if len(_items) >= 8:
            _items.clear()
        _items[id(catalog)] = (catalog, items)
    return items


def deferral_rules(pack: DeferralPack) -> DeferralRules:
    """The pack compiled (once per pack version) into its durable-rules ruleset."""

    def build() -> DeferralRules:
        return DeferralRules(pack, compiled(f"deferral_{pack.fingerprint[7:]}", pack_rules(pack)))

    return _compiled.get(pack.fingerprint, build)
