"""The deferral pack as rules, the facts an application gives them, and the decision."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from permitlogic.decide.rules import Firings, Rule, Scalar, Test
from permitlogic.decide.session import CompiledRuleset, compiled
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
    asks_deferral = Test(NONCORE_MISSING, "gt", 0)
    for position, rule in enumerate(pack.rules):
        check = rule.check
        if check is DeferralCheck.item_listed:
            rules.append(Rule((Test(LISTED, "exists"),), position))
            rules.append(Rule((Test(LISTED, "eq", False),), position, check))
        elif check is DeferralCheck.materials_known:
            rules.append(Rule((Test(UNKNOWN, "exists"),), position))
            rules.append(Rule((Test(UNKNOWN, "gt", 0),), position, check))
        elif check is DeferralCheck.core_complete:
            rules.append(Rule((Test(CORE_MISSING, "exists"),), position))
            rules.append(Rule((Test(CORE_MISSING, "gt", 0),), position, check))
        else:
            rules.append(Rule((asks_deferral,), position))
            rules.extend(
                Rule((asks_deferral, test), position, check) for test in _violations(check, pack)
            )
    return rules


def _violations(check: DeferralCheck, pack: DeferralPack) -> list[Test]:
    """The second test of each rule that violates a deferral check."""
    if check is DeferralCheck.commitment_signed:
        return [Test("commitment", "eq", False)]
    if check is DeferralCheck.credit_allowed:
        return [Test("credit", "eq", credit.value) for credit in pack.excluded_credit]
    forbidden = pack.deferral_forbidden
    return [Test("item", "eq", item) for item in forbidden.items] + [
        Test("department", "eq", name) for name in forbidden.departments
    ]


@dataclass(frozen=True)
class Case:
    """An application read against the catalog: the materials it lacks or should not name."""

    application: Application
    item: Item | None
    unknown: tuple[str, ...] = ()
    missing: tuple[Material, ...] = ()

    @property
    def core_missing(self) -> list[Material]:
        return [m for m in self.missing if m.core]

    @property
    def noncore_missing(self) -> list[Material]:
        return [m for m in self.missing if not m.core]

    def fact(self) -> dict[str, Scalar]:
        if self.item is None:
            return {LISTED: False}
        application = self.application
        core = sum(1 for m in self.missing if m.core)
        return {
            LISTED: True,
            UNKNOWN: len(self.unknown),
            CORE_MISSING: core,
            NONCORE_MISSING: len(self.missing) - core,
            "commitment": application.commitment,
            "credit": application.applicant.credit.value,
            "item": self.item.id,
            "department": self.item.department,
        }


def read_case(application: Application, items: dict[str, Item]) -> Case:
    item = items.get(application.item)
    if item is None:
        return Case(application, None)
    asked = {material.id for material in item.materials}
    submitted = set(application.submitted)
    unknown = tuple(dict.fromkeys(s for s in application.submitted if s not in asked))
    missing = tuple(m for m in item.materials if m.id not in submitted)
    return Case(application, item, unknown, missing)


def _materials(materials: Sequence[Material], lang: str) -> str:
    if lang == "zh":
        return "、".join(f"{m.id}（{m.name}）" for m in materials)
    return ", ".join(f"{m.id} ({m.name})" for m in materials)


def _reason(rule: DeferralRule, case: Case) -> Condition:
    """The rule's messages with the case's item, department, materials and credit filled in."""
    item = case.item
    check = rule.check
    credit = case.application.applicant.credit
    if check is DeferralCheck.materials_known:
        zh = en = ", ".join(case.unknown)
    else:
        named = {
            DeferralCheck.core_complete: case.core_missing,
            DeferralCheck.commitment_signed: case.noncore_missing,
        }.get(check, list(case.missing))
        zh, en = _materials(named, "zh"), _materials(named, "en")
    common = {"item": case.application.item, "department": item.department if item else "—"}
    return Condition(
        rule=rule.id,
        condition=check.value,
        message_zh=rule.message_zh.format(**common, materials=zh, credit=CREDIT_ZH[credit]),
        message_en=rule.message_en.format(**common, materials=en, credit=credit.value),
        citation=rule.citation,
    )


def _missing(materials: Sequence[Material]) -> list[MissingMaterial]:
    return [MissingMaterial(id=m.id, name=m.name, core=m.core) for m in materials]


@dataclass(frozen=True)
class DeferralRules:
    """A deferral pack compiled to a durable-rules ruleset."""

    pack: DeferralPack
    ruleset: CompiledRuleset

    def decide(
        self, applications: Sequence[Application], catalog: Catalog, calendar: WorkdayCalendar
    ) -> list[DeferralDecision | CalendarGap]:
        """A decision for each application, or the calendar gap that prevents it."""
        items = item_map(catalog)
        cases = [read_case(application, items) for application in applications]
        firings = self.ruleset.evaluate([case.fact() for case in cases])
        out: list[DeferralDecision | CalendarGap] = []
        for case, firing in zip(cases, firings, strict=True):
            try:
                out.append(self.decision(case, firing, calendar))
            except CalendarGap as gap:
                out.append(gap)
        return out

    def decision(self, case: Case, firing: Firings, calendar: WorkdayCalendar) -> DeferralDecision:
        pack = self.pack
        application = case.application
        received = application.received
        calendar.is_workday(received)
        failed: list[int] = []
        for index in firing.violated:
            position = self.ruleset.rules[index].condition
            if position not in failed:
                failed.append(position)
        reasons = [_reason(pack.rules[position], case) for position in failed]
        met = [pack.rules[p].id for p in sorted(firing.applies) if p not in failed]
        outcomes = {pack.rules[position].check.outcome for position in failed}
        deadline: date | None = None
        notice_due: date | None = None
        missing: list[MissingMaterial] = []
        deferred: list[MissingMaterial] = []
        if DeferralOutcome.reject in outcomes:
            decision = DeferralOutcome.reject
        elif outcomes:
            decision = DeferralOutcome.notice
            missing = _missing(case.missing)
            notice_due = working_days_after(received, pack.notice_working_days, calendar)
        elif case.missing:
            decision = DeferralOutcome.accept_with_deferral
            missing = deferred = _missing(case.missing)
            deadline = working_days_after(received, pack.deadline_working_days, calendar)
        else:
            decision = DeferralOutcome.accept
        item = case.item
        return DeferralDecision.model_construct(
            decision_id=None,
            application=application.id,
            item=application.item,
            item_name=item.name if item else None,
            department=item.department if item else None,
            applicant=application.applicant.id,
            received=received,
            decision=decision,
            reasons=reasons,
            met=met,
            missing=missing,
            deferred=deferred,
            unknown=list(case.unknown),
            deadline=deadline,
            notice_due=notice_due,
            pack_version=pack.fingerprint,
        )


_items: dict[int, tuple[Catalog, dict[str, Item]]] = {}
_compiled: dict[str, DeferralRules] = {}
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
    found = _compiled.get(pack.fingerprint)
    if found is not None:
        return found
    with _lock:
        found = _compiled.get(pack.fingerprint)
        if found is None:
            ruleset = compiled(f"deferral_{pack.fingerprint[7:]}", pack_rules(pack))
            found = _compiled[pack.fingerprint] = DeferralRules(pack, ruleset)
        return found
