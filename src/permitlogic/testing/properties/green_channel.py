"""Green-channel properties: eligibility keeps the 1+3+2+1 baseline, and more met never hurts.

What the law fixes (the baseline, the categories served) is written here, not
read from the pack: a county may add conditions, never drop one.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from permitlogic.decide.api import decide_green_channel
from permitlogic.models.decision import GreenChannelOutcome, Project, ProjectCategory
from permitlogic.packs.green_channel import project_flags
from permitlogic.testing.packs import PacksLike, as_packs
from permitlogic.testing.properties.harness import (
    identifiers,
    property_settings,
    shows_input,
    with_examples,
)
from permitlogic.testing.strategies import projects

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

    @property_settings(max_examples)
    @given(project=st.one_of(projects(missing=2), projects()))
    @with_examples("project", boundary_projects())
    @shows_input
    def keeps_the_baseline(project: Project) -> None:
        decision = decide_green_channel(project, pack)
        if decision.decision is GreenChannelOutcome.not_eligible:
            assert decision.unmet, "不予纳入却未列出原因 / not eligible without a reason"
            return
        _assert_meets_the_baseline(project)
        assert decision.effect, "纳入但未说明效果 / eligible without stating the effect"

    keeps_the_baseline()


def _assert_meets_the_baseline(project: Project) -> None:
    """The project an eligible decision let in meets the baseline and is of a served category."""
    missing = [field for field in BASELINE_FIELDS if not getattr(project, field)]
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


def green_channel_is_monotone(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Meeting more conditions never hurts: the unmet conditions can only shrink.

    Turning a condition's field (or a category's requirement) from no to yes,
    or a condition's ``applies_when`` field from yes to no, never makes an
    eligible project not eligible and never adds an unmet rule.
    """
    pack = as_packs(packs).green_channel
    narrowing = sorted(
        {condition.applies_when for condition in pack.conditions if condition.applies_when}
    )
    raising = sorted(
        {condition.field for condition in pack.conditions}
        | {
            category.requires.field
            for category in pack.scope.categories
            if category.requires is not None
        }
    )
    raising = [field for field in raising if field not in narrowing]

    @property_settings(max_examples)
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
        added = set(identifiers(after.unmet)) - set(identifiers(before.unmet))
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
