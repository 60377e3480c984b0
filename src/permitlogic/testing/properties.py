"""Ready properties a legal office runs over its own rule packs, from pytest or the command line.

Each property takes the rules directory under test (``"rules/"``; None for the
bundled packs) and runs as a hypothesis test: it returns when every drawn
example holds and raises, with the smallest failing example, when one does
not. From pytest::

    from permitlogic.testing import properties

    def test_our_packs_keep_the_law():
        properties.run_all("rules/", max_examples=200)

or one at a time: ``properties.green_channel_keeps_the_baseline("rules/")``.
``permitlogic test --properties --packs rules/`` runs them all.

What the law fixes (1+3+2+1, 行政许可法 Art. 32, working days) is written
here, not read from the pack: a county may add conditions, never drop one.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from permitlogic.checks.registry import all_checks
from permitlogic.decide.api import (
    decide_deferral,
    decide_deferral_batch,
    decide_green_channel,
    decide_green_channel_batch,
)
from permitlogic.graph import prerequisite_graph
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import (
    Applicant,
    Application,
    Credit,
    DeferralDecision,
    DeferralOutcome,
    GreenChannelDecision,
    GreenChannelOutcome,
    Project,
    ProjectCategory,
)
from permitlogic.models.report import Finding, Report
from permitlogic.packs.checks_pack import ChecksPack
from permitlogic.packs.green_channel import project_flags
from permitlogic.runner import check
from permitlogic.testing.packs import CatalogLike, Packs, PacksLike, as_catalog, as_packs
from permitlogic.testing.strategies import applications, catalogs, projects, reference_lists
from permitlogic.timing.chains import chain_plan
from permitlogic.timing.proof import prove_chain
from permitlogic.timing.schedule import chain_schedule
from permitlogic.workdays.calendar import WorkdayCalendar

__all__ = [
    "PROPERTIES",
    "Property",
    "checker_ignores_order",
    "checker_ignores_renaming",
    "checker_is_deterministic",
    "checker_never_crashes",
    "deadlines_are_sane",
    "decisions_are_deterministic",
    "deferral_is_monotone",
    "deferral_keeps_the_law",
    "green_channel_is_monotone",
    "green_channel_keeps_the_baseline",
    "proofs_match_longest_path",
    "run_all",
]

BASELINE_FIELDS = (
    "eia_approval",
    "reviewed_drawings",
    "contractor_selected",
    "supervisor_selected",
    "wage_deposit_paid",
    "safety_deposit_paid",
    "injury_insurance",
)
"""The 1+3+2+1 baseline every project needs (seed 001; the urban dust deposit aside)."""
URBAN_FIELD, URBAN_DEPOSIT = "urban", "dust_deposit_paid"
GREEN_CATEGORIES = frozenset(
    {
        ProjectCategory.major_infrastructure,
        ProjectCategory.major_investment,
        ProjectCategory.emergency,
    }
)
NOTICE_LIMIT_DAYS = 5
"""行政许可法 Art. 32: the notice of what is missing is given within five (working) days."""

_RANK = {
    DeferralOutcome.reject: 0,
    DeferralOutcome.notice: 1,
    DeferralOutcome.accept_with_deferral: 2,
    DeferralOutcome.accept: 3,
}
_CREDIT_ORDER = [Credit.blacklisted, Credit.warned, Credit.good]


def _settings(max_examples: int | None) -> settings:
    """The active hypothesis profile, with no deadline and the example count asked for."""
    chosen: dict[str, Any] = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    }
    if max_examples is not None:
        chosen["max_examples"] = max_examples
    return settings(**chosen)


def _shows_input(test: Callable[..., None]) -> Callable[..., None]:
    """A failed assertion names the input it failed on, whatever hypothesis prints."""

    @functools.wraps(test)
    def wrapper(**inputs: Any) -> None:
        try:
            test(**inputs)
        except AssertionError as error:
            shown = "\n".join(
                f"  {name}: {_compact(value)}" for name, value in inputs.items() if name != "data"
            )
            raise AssertionError(f"{error}\n输入 / input:\n{shown}") from None

    return wrapper


def _named(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The test under another name (the one hypothesis prints with a failing example)."""

    def rename(test: Callable[..., None]) -> Callable[..., None]:
        test.__name__ = test.__qualname__ = name
        return test

    return rename


def _compact(value: Any) -> str:
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Catalog):
        catalog, application = value
        item = next((i for i in catalog.items if i.id == application.item), None)
        shown = item.model_dump_json(exclude_defaults=True) if item else "—"
        return f"{_compact(application)}\n  item: {shown}"
    if isinstance(value, BaseModel):
        return value.model_dump_json(exclude_defaults=True)
    if isinstance(value, list | tuple | set):
        return "[" + ", ".join(_compact(v) for v in value) + "]"
    return repr(value)


def _ids(values: Sequence[Any]) -> list[str]:
    return [v.rule if hasattr(v, "rule") else v.id for v in values]


# Green channel


def green_channel_keeps_the_baseline(
    packs: PacksLike = None, *, max_examples: int | None = None
) -> None:
    """An eligible project meets the whole 1+3+2+1 baseline, and its category is served.

    Eligible means: major infrastructure, major investment, or an emergency
    the county designated; the environmental approval, reviewed drawings,
    contractor, supervisor, wage and safety deposits and injury insurance;
    and, for a project in the county town, the dust-control deposit. A
    not-eligible decision names at least one unmet condition; an eligible
    one states its effect.
    """
    pack = as_packs(packs).green_channel

    @_settings(max_examples)
    @given(project=st.one_of(projects(missing=2), projects()))
    @_with_examples("project", boundary_projects())
    @_shows_input
    def keeps_the_baseline(project: Project) -> None:
        decision = decide_green_channel(project, pack)
        if decision.decision is GreenChannelOutcome.not_eligible:
            assert decision.unmet, "不予纳入却未列出原因 / not eligible without a reason"
            return
        missing = [f for f in BASELINE_FIELDS if not getattr(project, f)]
        if getattr(project, URBAN_FIELD) and not getattr(project, URBAN_DEPOSIT):
            missing.append(URBAN_DEPOSIT)
        assert not missing, (
            f"判定纳入绿色通道，但 1+3+2+1 底线条件 {', '.join(missing)} 未满足 / "
            f"eligible although the 1+3+2+1 baseline condition(s) {', '.join(missing)} are not met"
        )
        assert project.category in GREEN_CATEGORIES, (
            f"判定纳入，但 {project.category.value} 类项目不属于绿色通道范围 / "
            f"eligible although a {project.category.value} project is outside the green channel"
        )
        if project.category is ProjectCategory.emergency:
            assert project.emergency_designated, (
                "未经县政府确定的应急抢险项目被判定纳入 / "
                "an emergency project the county did not designate is eligible"
            )
        assert decision.effect, "纳入但未说明效果 / eligible without stating the effect"

    keeps_the_baseline()


def boundary_projects() -> list[Project]:
    """Every category, with every yes/no field yes but at most one: where one condition decides.

    Hypothesis runs these first, then draws; a pack that drops any single
    condition is caught on every run, whatever the draws.
    """
    flags = sorted(project_flags())
    return [
        Project(
            id=f"P-{category.value}-{off or 'complete'}",
            name="边界项目",
            category=category,
            **{name: name != off for name in flags},
        )
        for category in ProjectCategory
        for off in [None, *flags]
    ]


def _with_examples(
    name: str, values: Sequence[Any]
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Hypothesis's ``@example`` for each value, as one decorator."""

    def decorate(test: Callable[..., None]) -> Callable[..., None]:
        for value in reversed(values):
            test = example(**{name: value})(test)
        return test

    return decorate


def green_channel_is_monotone(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Meeting more conditions never hurts: the unmet conditions can only shrink.

    Turning a condition's field (or a category's requirement) from no to yes,
    or a condition's ``applies_when`` field from yes to no, never makes an
    eligible project not eligible and never adds an unmet rule.
    """
    pack = as_packs(packs).green_channel
    narrowing = sorted({c.applies_when for c in pack.conditions if c.applies_when})
    raising = sorted(
        {c.field for c in pack.conditions}
        | {r.requires.field for r in pack.scope.categories if r.requires is not None}
    )
    raising = [f for f in raising if f not in narrowing]

    @_settings(max_examples)
    @given(
        project=st.one_of(projects(missing=3), projects()),
        raised=st.sets(st.sampled_from(raising)) if raising else st.just(set()),
        narrowed=st.sets(st.sampled_from(narrowing)) if narrowing else st.just(set()),
    )
    def is_monotone(project: Project, raised: set[str], narrowed: set[str]) -> None:
        better = project.model_copy(
            update={**dict.fromkeys(raised, True), **dict.fromkeys(narrowed, False)}
        )
        before = decide_green_channel(project, pack)
        after = decide_green_channel(better, pack)
        added = set(_ids(after.unmet)) - set(_ids(before.unmet))
        assert not added, (
            f"满足更多条件（{', '.join(sorted(raised)) or '—'} 改为是；"
            f"{', '.join(sorted(narrowed)) or '—'} 改为否）后反而新增未满足的规则 "
            f"{', '.join(sorted(added))} / meeting more conditions added unmet rule(s) "
            f"{', '.join(sorted(added))}"
        )
        if before.decision is GreenChannelOutcome.eligible:
            assert after.decision is GreenChannelOutcome.eligible, (
                "满足更多条件后由纳入变为不予纳入 / eligible became not eligible with more met"
            )

    is_monotone()


# Deferral (容缺受理)


@dataclass(frozen=True)
class _DeferralWorld:
    """What the deferral properties draw from: the packs, and a catalog or a catalog strategy."""

    packs: Packs
    catalog: Catalog | None

    def catalogs(self) -> st.SearchStrategy[Catalog]:
        if self.catalog is not None:
            return st.just(self.catalog)
        forbidden = self.packs.deferral.deferral_forbidden
        return catalogs(
            max_items=4,
            defects=(),
            chains=False,
            departments=forbidden.departments,
            item_ids=forbidden.items,
            materials=(1, 5),
        )

    def received(self) -> st.SearchStrategy[date]:
        """Dates whose deadlines stay inside the years the calendar covers."""
        return st.dates(*received_window(self.packs))

    def cases(self) -> st.SearchStrategy[tuple[Catalog, Application]]:
        received = self.received()
        return self.catalogs().flatmap(
            lambda catalog: st.tuples(st.just(catalog), applications(catalog, received=received))
        )

    def boundary(self) -> list[tuple[Catalog, Application]]:
        """Applications on every line of the decision table, run before any draw."""
        catalog = self.catalog or boundary_catalog(self.packs)
        first, last = received_window(self.packs)
        received = max(first, min(date(last.year, 2, 13), last))
        return [(catalog, a) for a in boundary_applications(catalog, received)]


def boundary_catalog(packs: Packs) -> Catalog:
    """Two items with core and non-core materials, and one the pack forbids deferral for."""
    items: list[dict[str, Any]] = [
        {
            "id": "JS-004",
            "name": "建筑工程施工许可证核发",
            "department": "县住房和城乡建设局",
            "kind": "service",
            "materials": [
                {"id": "m1", "name": "施工许可申请表", "core": True},
                {"id": "m2", "name": "施工合同", "core": False},
                {"id": "m3", "name": "安全施工措施资料", "core": False},
            ],
        },
        {
            "id": "ZR-002",
            "name": "建设用地规划许可证核发",
            "department": "县自然资源和规划局",
            "kind": "service",
            "materials": [{"id": "z1", "name": "申请表", "core": False}],
        },
    ]
    forbidden = packs.deferral.deferral_forbidden
    ids = [i for i in forbidden.items if re.fullmatch(r"[A-Za-z0-9._-]+", i)]
    if ids or forbidden.departments:
        items.append(
            {
                "id": ids[0] if ids else "XF-001",
                "name": "规则包不许容缺的事项",
                "department": forbidden.departments[0]
                if forbidden.departments
                else "县消防救援大队",
                "kind": "service",
                "materials": [
                    {"id": "x1", "name": "申请表", "core": True},
                    {"id": "x2", "name": "附件", "core": False},
                ],
            }
        )
    return Catalog.model_validate(
        {"catalog": {"id": "boundary", "jurisdiction": "测试县"}, "items": items}
    )


def boundary_applications(catalog: Catalog, received: date) -> list[Application]:
    """For up to three items with a non-core material: nothing, every core or every non-core
    material missing, or all handed in; by every credit standing, with and without the
    commitment. And an unlisted item, and a material the item does not ask for."""
    out: list[Application] = []
    chosen = [i for i in catalog.items if any(not m.core for m in i.materials)][:3]

    def application(item: str, submitted: list[str], credit: Credit, commitment: bool) -> None:
        out.append(
            Application(
                id=f"A-{len(out) + 1:05d}",
                item=item,
                applicant=Applicant(id="91420100MA4L8R5T6Y", credit=credit),
                received=received,
                submitted=submitted,
                commitment=commitment,
            )
        )

    for item in chosen:
        every = [m.id for m in item.materials]
        core = [m.id for m in item.materials if m.core]
        handed_in = [every, core, [m for m in every if m not in core], []]
        for submitted in handed_in:
            for credit in _CREDIT_ORDER:
                for commitment in (True, False):
                    application(item.id, submitted, credit, commitment)
    application("ZZ-404", [], Credit.good, True)
    if chosen:
        application(chosen[0].id, ["x9-unknown"], Credit.good, True)
    return out


def received_window(packs: Packs) -> tuple[date, date]:
    """The earliest and latest receipt dates whose every deadline the calendar can count."""
    years = packs.calendar.years
    last = max(years)
    first = max(min(years), last - 2)
    days = max(packs.deferral.deadline_working_days, packs.deferral.notice_working_days)
    # Ten working days never span more than 30 calendar days (the longest holiday is 9).
    margin = timedelta(days=3 * days + 30)
    return date(first, 1, 1), date(last, 12, 31) - margin


def _every_deferral(
    name: str,
    packs: PacksLike,
    catalog: CatalogLike,
    max_examples: int | None,
    verify: Callable[[Catalog, Application, DeferralDecision, Packs], None],
) -> None:
    """Decide every drawn application (the boundary ones first) and verify each decision
    (given its catalog, the application, the decision and the packs).

    ``name`` is what hypothesis calls the test in a falsifying example.
    """
    world = _DeferralWorld(as_packs(packs), as_catalog(catalog))
    pack, calendar = world.packs.deferral, world.packs.calendar

    @_settings(max_examples)
    @given(case=world.cases())
    @_with_examples("case", world.boundary())
    @_shows_input
    @_named(name)
    def holds(case: tuple[Catalog, Application]) -> None:
        catalog_, application = case
        decision = decide_deferral(application, catalog_, pack, calendar)
        verify(catalog_, application, decision, world.packs)

    holds()


def deferral_keeps_the_law(
    packs: PacksLike = None,
    catalog: CatalogLike = None,
    *,
    max_examples: int | None = None,
) -> None:
    """Every decision follows the 容缺受理 table of decisions.md.

    An item outside the catalog, or a material the item does not ask for, is
    rejected (and only those are); a missing core material is a notice; a
    deferral only ever defers non-core materials, of an applicant who signed
    the commitment and is not blacklisted; a notice lists every missing
    material at once (行政许可法 Art. 32); a complete application is accepted.
    ``catalog``: a catalog file or Catalog to draw applications for (default:
    drawn catalogs).
    """
    _every_deferral("keeps_the_law", packs, catalog, max_examples, _check_deferral_table)


def _check_deferral_table(
    catalog: Catalog, application: Application, decision: DeferralDecision, packs: Packs
) -> None:
    item = next((i for i in catalog.items if i.id == application.item), None)
    outcome = decision.decision
    if item is None:
        assert outcome is DeferralOutcome.reject, (
            f"目录之外的事项 {application.item} 未被拒绝（{outcome.value}）/ "
            f"an item outside the catalog was not rejected ({outcome.value})"
        )
        return
    asked = {m.id for m in item.materials}
    unknown = [s for s in application.submitted if s not in asked]
    if unknown:
        assert outcome is DeferralOutcome.reject, (
            f"所交材料 {unknown} 不属于该事项却未拒绝（{outcome.value}）/ "
            f"materials {unknown} the item does not ask for, yet {outcome.value}"
        )
        return
    assert outcome is not DeferralOutcome.reject, (
        "目录内事项、材料均属该事项却被拒绝 / rejected although the item is listed "
        "and every material is the item's"
    )
    missing = [m for m in item.materials if m.id not in application.submitted]
    core = [m.id for m in missing if m.core]
    if not missing:
        assert outcome is DeferralOutcome.accept, (
            f"材料齐全却未受理（{outcome.value}）/ nothing missing, yet {outcome.value}"
        )
        return
    assert outcome is not DeferralOutcome.accept, (
        f"缺少材料 {[m.id for m in missing]} 却直接受理 / accepted with materials missing"
    )
    if core:
        assert outcome is DeferralOutcome.notice, (
            f"缺核心要件 {core} 却 {outcome.value}（核心要件不得容缺）/ "
            f"core material(s) {core} missing, yet {outcome.value}"
        )
    if outcome is DeferralOutcome.accept_with_deferral:
        credit = application.applicant.credit
        assert credit is not Credit.blacklisted, (
            "失信（黑名单）申请人获得容缺受理 / a blacklisted applicant was granted deferral"
        )
        assert application.commitment, (
            "未签署信用承诺却容缺受理 / deferral granted without a signed commitment"
        )
        assert sorted(_ids(decision.deferred)) == sorted(m.id for m in missing), (
            f"容缺材料 {_ids(decision.deferred)} 不是全部缺少的材料 {[m.id for m in missing]} / "
            "the deferred materials are not exactly the missing ones"
        )
    else:
        assert sorted(_ids(decision.missing)) == sorted(m.id for m in missing), (
            f"一次性告知未列出全部缺少的材料：列出 {_ids(decision.missing)}，"
            f"实缺 {[m.id for m in missing]} / the notice does not list every missing material "
            "at once (行政许可法 Art. 32)"
        )


def deferral_is_monotone(
    packs: PacksLike = None,
    catalog: CatalogLike = None,
    *,
    max_examples: int | None = None,
) -> None:
    """A better application never gets a worse decision.

    Handing in more of the item's materials, signing the commitment, or a
    better credit standing (blacklisted → warned → good) never moves the
    decision down the order reject < notice < accept with deferral < accept,
    and never adds a missing material.
    """
    world = _DeferralWorld(as_packs(packs), as_catalog(catalog))
    pack, calendar = world.packs.deferral, world.packs.calendar

    @_settings(max_examples)
    @given(case=world.cases(), data=st.data())
    @_shows_input
    def is_monotone(case: tuple[Catalog, Application], data: st.DataObject) -> None:
        catalog_, application = case
        item = next((i for i in catalog_.items if i.id == application.item), None)
        asked = [m.id for m in item.materials] if item else []
        more = data.draw(st.sets(st.sampled_from(asked)) if asked else st.just(set()), "more")
        sign = data.draw(st.booleans(), "sign")
        rank = _CREDIT_ORDER.index(application.applicant.credit)
        credit = data.draw(st.sampled_from(_CREDIT_ORDER[rank:]), "credit")
        better = application.model_copy(
            update={
                "submitted": list(dict.fromkeys([*application.submitted, *sorted(more)])),
                "commitment": application.commitment or sign,
                "applicant": application.applicant.model_copy(update={"credit": credit}),
            }
        )
        before = decide_deferral(application, catalog_, pack, calendar)
        after = decide_deferral(better, catalog_, pack, calendar)
        assert _RANK[after.decision] >= _RANK[before.decision], (
            f"补交材料、签署承诺或信用改善后，判定由 {before.decision.value} 变为 "
            f"{after.decision.value} / a better application went from {before.decision.value} "
            f"to {after.decision.value}"
        )
        added = set(_ids(after.missing)) - set(_ids(before.missing))
        assert not added, f"补交材料后反而多缺 {sorted(added)} / more materials, more missing"

    is_monotone()


def deadlines_are_sane(
    packs: PacksLike = None,
    catalog: CatalogLike = None,
    *,
    max_examples: int | None = None,
) -> None:
    """Deadlines count working days and the notice comes within five of them.

    A notice (一次性告知) is due on a working day after receipt, at most five
    working days later (行政许可法 Art. 32) and exactly the pack's
    ``notice_working_days``; deferred materials are due on a working day
    exactly ``deadline_working_days`` working days after receipt (Art. 82:
    working days, not calendar days). Accept and reject carry neither date.
    """
    _every_deferral("are_sane", packs, catalog, max_examples, _check_deadlines)


def _check_deadlines(
    catalog: Catalog, application: Application, decision: DeferralDecision, packs: Packs
) -> None:
    pack, calendar = packs.deferral, packs.calendar
    received = application.received
    if decision.decision is DeferralOutcome.notice:
        due = decision.notice_due
        assert due is not None, "一次性告知没有送达期限 / a notice without a due date"
        counted = _working_days_between(received, due, calendar)
        assert calendar.is_workday(due), f"告知期限 {due} 不是工作日 / {due} is not a working day"
        assert counted <= NOTICE_LIMIT_DAYS, (
            f"告知期限 {due} 在受理日 {received} 后第 {counted} 个工作日，超过行政许可法第三十二条的"
            f"五日 / the notice is due {counted} working days after receipt, beyond Art. 32's five"
        )
        assert counted == pack.notice_working_days, (
            f"告知期限为受理后第 {counted} 个工作日，规则包规定 {pack.notice_working_days} 个 / "
            f"due after {counted} working days, the pack says {pack.notice_working_days}"
        )
    elif decision.decision is DeferralOutcome.accept_with_deferral:
        due = decision.deadline
        assert due is not None, "容缺受理没有补正期限 / a deferral without a deadline"
        assert calendar.is_workday(due), f"补正期限 {due} 不是工作日 / {due} is not a working day"
        counted = _working_days_between(received, due, calendar)
        assert counted == pack.deadline_working_days, (
            f"补正期限 {due} 是受理日 {received} 后第 {counted} 个工作日，规则包规定 "
            f"{pack.deadline_working_days} 个工作日 / the deadline is {counted} working days "
            f"after receipt, the pack says {pack.deadline_working_days} (working days, Art. 82)"
        )
    else:
        assert decision.deadline is None and decision.notice_due is None, (
            f"{decision.decision.value} 不应有期限 / {decision.decision.value} carries a date"
        )


def _working_days_between(start: date, end: date, calendar: WorkdayCalendar) -> int:
    """Working days in (start, end]; negative when end is not after start."""
    if end <= start:
        return -1
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += calendar.is_workday(day)
    return count


# Determinism


def _decision_view(decision: GreenChannelDecision | DeferralDecision) -> dict[str, Any]:
    return decision.model_dump(mode="json", exclude={"decision_id"})


def decisions_are_deterministic(
    packs: PacksLike = None,
    catalog: CatalogLike = None,
    *,
    max_examples: int | None = None,
) -> None:
    """The same input gets the same decision: alone, in a batch, before or after others.

    The rules engine keeps state per session; no decision may leak into the next.
    """
    world = _DeferralWorld(as_packs(packs), as_catalog(catalog))
    green, pack, calendar = world.packs.green_channel, world.packs.deferral, world.packs.calendar

    @_settings(max_examples)
    @given(
        batch=st.lists(projects(), min_size=1, max_size=5),
        case=world.cases(),
        data=st.data(),
    )
    def are_deterministic(
        batch: list[Project], case: tuple[Catalog, Application], data: st.DataObject
    ) -> None:
        first = _decision_view(decide_green_channel(batch[0], green))
        together = [_decision_view(d) for d in decide_green_channel_batch(batch, green)]
        again = _decision_view(decide_green_channel(batch[0], green))
        assert first == together[0] == again, (
            "同一项目的绿色通道判定前后不一致 / the same project got different decisions"
        )
        catalog_, application = case
        others = data.draw(
            st.lists(applications(catalog_, received=world.received()), max_size=4), "others"
        )
        first_d = _decision_view(decide_deferral(application, catalog_, pack, calendar))
        batch_d = decide_deferral_batch([application, *others], catalog_, pack, calendar)
        again_d = _decision_view(decide_deferral(application, catalog_, pack, calendar))
        assert first_d == _decision_view(batch_d[0]) == again_d, (
            "同一申请的容缺受理判定前后不一致 / the same application got different decisions"
        )

    are_deterministic()


def checker_is_deterministic(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Checking the same catalog twice gives the same report, finding for finding."""
    pack = as_packs(packs).checks

    @_settings(max_examples)
    @given(catalog=catalogs())
    @_shows_input
    def is_deterministic(catalog: Catalog) -> None:
        first = check(catalog, pack=pack).model_dump(mode="json")
        second = check(catalog, pack=pack).model_dump(mode="json")
        assert first == second, "同一目录两次检查结果不同 / two checks of one catalog differ"

    is_deterministic()


# The checker


def checker_never_crashes(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Any valid catalog, with any planted defects and a reference list, gets a report.

    No check raises; every finding names an installed check, its items, a
    message in Chinese and in English and a citation; the report is valid JSON.
    """
    pack = as_packs(packs).checks
    known = set(all_checks())

    @_settings(max_examples)
    @given(data=st.data(), catalog=catalogs())
    @_shows_input
    def never_crashes(data: st.DataObject, catalog: Catalog) -> None:
        reference = data.draw(reference_lists(catalog), "reference")
        report = check(catalog, pack=pack, reference=reference)
        for finding in report.findings:
            assert finding.rule in known, f"未知的检查编号 {finding.rule} / unknown check"
            assert finding.message_zh and finding.message_en and finding.citation, (
                f"{finding.rule} 的结果缺少说明或依据 / {finding.rule} without message or citation"
            )
        assert Report.model_validate_json(report.model_dump_json()) == report

    never_crashes()


def _finding_key(
    finding: Finding, rename: Callable[[str], str], components: dict[str, frozenset[str]]
) -> Hashable:
    """A finding as the invariance properties compare it.

    Its items as a set: a check may list them in catalog order. A cycle
    (PL101) by its length and the strongly connected component it runs
    through: a component may hold several shortest cycles, and any one is
    right. A critical path (PL310, PL311) by its chain, stage, length and
    bound: equally long paths may tie, and either is right.
    """
    witness = finding.witness or {}
    if finding.rule == "PL101" and finding.items:
        component = components.get(finding.items[0], frozenset(finding.items))
        shown: Hashable = ("cycle", len(finding.items), frozenset(rename(i) for i in component))
    elif "path" in witness:
        shown = (
            "path",
            witness.get("chain"),
            witness.get("stage"),
            witness.get("total"),
            witness.get("bound"),
        )
    else:
        shown = frozenset(rename(i) for i in finding.items)
    return (finding.rule, finding.severity.value, shown)


def _findings(
    catalog: Catalog, pack: ChecksPack, rename: Callable[[str], str] = str
) -> Counter[Hashable]:
    """The catalog's findings, keyed for comparison (see _finding_key)."""
    graph = prerequisite_graph(catalog)
    components = {
        node: frozenset(component)
        for component in nx.strongly_connected_components(graph)
        for node in component
    }
    report = check(catalog, pack=pack)
    return Counter(_finding_key(f, rename, components) for f in report.findings)


def _renamed(catalog: Catalog, mapping: dict[str, str]) -> Catalog:
    data = catalog.model_dump(mode="json", exclude_none=True)
    for item in data["items"]:
        item["id"] = mapping[item["id"]]
        for prerequisite in item.get("prerequisites", []):
            if "item" in prerequisite:
                prerequisite["item"] = mapping.get(prerequisite["item"], prerequisite["item"])
    for chain in data["chains"]:
        for stage in chain["stages"]:
            stage["items"] = [mapping[i] for i in stage["items"]]
    return Catalog.model_validate(data)


def checker_ignores_renaming(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Renaming every item id changes nothing but the ids in the findings."""
    pack = as_packs(packs).checks

    @_settings(max_examples)
    @given(catalog=catalogs(), data=st.data())
    @_shows_input
    def ignores_renaming(catalog: Catalog, data: st.DataObject) -> None:
        ids = [item.id for item in catalog.items]
        numbers = data.draw(st.permutations(range(len(ids))), "new numbers")
        mapping = {old: f"R-{n + 1:04d}" for old, n in zip(ids, numbers, strict=True)}
        renamed = _renamed(catalog, mapping)
        before = _findings(catalog, pack, lambda i: mapping.get(i, i))
        after = _findings(renamed, pack)
        assert before == after, (
            "重新编码事项后检查结果变化 / renaming the items changed the findings: "
            f"only before {sorted(map(str, before - after))}, "
            f"only after {sorted(map(str, after - before))}"
        )

    ignores_renaming()


def _shuffled(catalog: Catalog, data: st.DataObject) -> Catalog:
    raw = catalog.model_dump(mode="json", exclude_none=True)
    items = data.draw(st.permutations(raw["items"]), "item order")
    for item in items:
        for key in ("prerequisites", "materials", "basis"):
            if item.get(key):
                item[key] = data.draw(st.permutations(item[key]), f"{item['id']} {key}")
    for chain in raw["chains"]:
        for stage in chain["stages"]:
            stage["items"] = data.draw(st.permutations(stage["items"]), "stage order")
    raw["items"] = items
    return Catalog.model_validate(raw)


def checker_ignores_order(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Listing items (and their prerequisites, materials, bases, a stage's items) in another
    order changes no finding."""
    pack = as_packs(packs).checks

    @_settings(max_examples)
    @given(catalog=catalogs(), data=st.data())
    @_shows_input
    def ignores_order(catalog: Catalog, data: st.DataObject) -> None:
        shuffled = _shuffled(catalog, data)
        before = _findings(catalog, pack)
        after = _findings(shuffled, pack)
        assert before == after, (
            "调整事项顺序后检查结果变化 / reordering changed the findings: "
            f"only before {sorted(map(str, before - after))}, "
            f"only after {sorted(map(str, after - before))}"
        )

    ignores_order()


# Time proofs


def proofs_match_longest_path(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """The z3 proof of every chain agrees with the plain networkx longest path.

    Same worst case per stage and in all, same verdict on every bound, and a
    critical path whose days add up to the worst case.
    """
    thresholds = as_packs(packs).checks.thresholds

    @_settings(max_examples)
    @given(
        catalog=catalogs(
            defects=["stage_overrun", "chain_overrun", "joint_overrun", "chain_order", "cycle"]
        )
    )
    def match(catalog: Catalog) -> None:
        items = catalog.item_map()
        for chain in catalog.chains:
            plan = chain_plan(chain, items, thresholds)
            if not plan.schedulable:
                continue
            proof, schedule = prove_chain(plan), chain_schedule(plan)
            where = f"流程 {chain.id} / chain {chain.id}"
            assert proof.total_days == schedule.total_days, (
                f"{where}: z3 {proof.total_days} ≠ networkx {schedule.total_days}"
            )
            for stage, proved, longest in zip(
                plan.stages, proof.stages, schedule.stages, strict=True
            ):
                assert proved.worst_case_days == longest.worst_case_days, (
                    f"{where} {stage.name}: z3 {proved.worst_case_days} ≠ "
                    f"networkx {longest.worst_case_days}"
                )
                path_days = sum(stage.days[stage.items.index(i)] for i in proved.critical_path)
                assert path_days == proved.worst_case_days, (
                    f"{where} {stage.name}: 关键路径合计 {path_days} 日 ≠ 最坏情况 "
                    f"{proved.worst_case_days} 日 / the critical path does not add up"
                )
            assert [s.holds for s in proof.stages] == schedule.stage_holds(plan), (
                f"{where}: 阶段时限判定不一致 / stage verdicts differ"
            )
            assert proof.holds == schedule.chain_holds(plan), (
                f"{where}: 全流程时限判定不一致 / chain verdicts differ"
            )

    match()


# All of them


@dataclass(frozen=True)
class Property:
    name: str
    run: Callable[..., None]
    takes_catalog: bool
    """Whether it accepts ``catalog=`` (the deferral properties)."""
    summary_zh: str
    summary_en: str


PROPERTIES: tuple[Property, ...] = (
    Property(
        "green_channel_keeps_the_baseline",
        green_channel_keeps_the_baseline,
        False,
        "绿色通道：纳入即满足 1+3+2+1 底线条件",
        "green channel: eligible only with the whole 1+3+2+1 baseline",
    ),
    Property(
        "green_channel_is_monotone",
        green_channel_is_monotone,
        False,
        "绿色通道：满足更多条件不会更差",
        "green channel: meeting more conditions never hurts",
    ),
    Property(
        "deferral_keeps_the_law",
        deferral_keeps_the_law,
        True,
        "容缺受理：判定符合 decisions.md 的判定表",
        "deferral: every decision follows the table of decisions.md",
    ),
    Property(
        "deferral_is_monotone",
        deferral_is_monotone,
        True,
        "容缺受理：补交材料、承诺、信用改善不会更差",
        "deferral: a better application never gets a worse decision",
    ),
    Property(
        "deadlines_are_sane",
        deadlines_are_sane,
        True,
        "期限：按工作日计算，一次性告知不超过五日",
        "deadlines: working days, the notice within five",
    ),
    Property(
        "decisions_are_deterministic",
        decisions_are_deterministic,
        True,
        "判定可重复：同一输入同一结果",
        "decisions: same input, same decision",
    ),
    Property(
        "checker_is_deterministic",
        checker_is_deterministic,
        False,
        "检查可重复：同一目录同一报告",
        "checks: same catalog, same report",
    ),
    Property(
        "checker_never_crashes",
        checker_never_crashes,
        False,
        "检查从不崩溃",
        "checks: never crash",
    ),
    Property(
        "checker_ignores_renaming",
        checker_ignores_renaming,
        False,
        "检查结果不随事项编码改变",
        "checks: invariant under renaming of ids",
    ),
    Property(
        "checker_ignores_order",
        checker_ignores_order,
        False,
        "检查结果不随事项顺序改变",
        "checks: invariant under reordering of items",
    ),
    Property(
        "proofs_match_longest_path",
        proofs_match_longest_path,
        False,
        "z3 时限证明与 networkx 最长路径一致",
        "time proofs: z3 equals the networkx longest path",
    ),
)


def run_all(
    packs: PacksLike = None,
    catalog: CatalogLike = None,
    *,
    max_examples: int | None = None,
) -> None:
    """Every property over the packs; the first failure is raised, with its example."""
    loaded = as_packs(packs)
    chosen = as_catalog(catalog)
    for prop in PROPERTIES:
        if prop.takes_catalog:
            prop.run(loaded, chosen, max_examples=max_examples)
        else:
            prop.run(loaded, max_examples=max_examples)
