"""容缺受理 properties: every decision follows the table of decisions.md, and is monotone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from permitlogic.decide.api import decide_deferral
from permitlogic.models.catalog import Catalog, Item
from permitlogic.models.decision import Application, Credit, DeferralDecision, DeferralOutcome
from permitlogic.testing.packs import CatalogLike, Packs, PacksLike, as_catalog, as_packs
from permitlogic.testing.properties.deferral_cases import (
    CREDIT_ORDER,
    Case,
    DeferralWorld,
    every_deferral,
)
from permitlogic.testing.properties.harness import identifiers, property_settings, shows_input

OUTCOME_RANK = {
    DeferralOutcome.reject: 0,
    DeferralOutcome.notice: 1,
    DeferralOutcome.accept_with_deferral: 2,
    DeferralOutcome.accept: 3,
}
"""The decisions from worst to best for the applicant."""


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
    every_deferral("keeps_the_law", packs, catalog, max_examples, _check_deferral_table)


def _check_deferral_table(
    catalog: Catalog, application: Application, decision: DeferralDecision, packs: Packs
) -> None:
    """Reject exactly an unlisted item or a material the item does not ask for."""
    item = next((entry for entry in catalog.items if entry.id == application.item), None)
    outcome = decision.decision
    if item is None:
        assert outcome is DeferralOutcome.reject, (
            f"目录之外的事项 {application.item} 未被拒绝（{outcome.value}）/ "
            f"an item outside the catalog was not rejected ({outcome.value})"
        )
        return
    asked = {material.id for material in item.materials}
    unknown = [submitted for submitted in application.submitted if submitted not in asked]
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
    _check_missing_materials(item, application, decision)


def _check_missing_materials(
    item: Item, application: Application, decision: DeferralDecision
) -> None:
    """Accept a complete application; give notice of a missing core material; defer the
    rest only for a signed commitment and no blacklisting; list what is missing at once."""
    outcome = decision.decision
    missing = [material for material in item.materials if material.id not in application.submitted]
    missing_ids = [material.id for material in missing]
    core = [material.id for material in missing if material.core]
    if not missing:
        assert outcome is DeferralOutcome.accept, (
            f"材料齐全却未受理（{outcome.value}）/ nothing missing, yet {outcome.value}"
        )
        return
    assert outcome is not DeferralOutcome.accept, (
        f"缺少材料 {missing_ids} 却直接受理 / accepted with materials missing"
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
        assert sorted(identifiers(decision.deferred)) == sorted(missing_ids), (
            f"容缺材料 {identifiers(decision.deferred)} 不是全部缺少的材料 {missing_ids} / "
            "the deferred materials are not exactly the missing ones"
        )
    else:
        assert sorted(identifiers(decision.missing)) == sorted(missing_ids), (
            f"一次性告知未列出全部缺少的材料：列出 {identifiers(decision.missing)}，"
            f"实缺 {missing_ids} / the notice does not list every missing material "
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
    world = DeferralWorld(as_packs(packs), as_catalog(catalog))
    pack, calendar = world.packs.deferral, world.packs.calendar

    @property_settings(max_examples)
    @given(case=world.cases(), data=st.data())
    @shows_input
    def is_monotone(case: Case, data: st.DataObject) -> None:
        case_catalog, application = case
        better = _draw_better(application, case_catalog, data)
        before = decide_deferral(application, case_catalog, pack, calendar)
        after = decide_deferral(better, case_catalog, pack, calendar)
        assert OUTCOME_RANK[after.decision] >= OUTCOME_RANK[before.decision], (
            f"补交材料、签署承诺或信用改善后，判定由 {before.decision.value} 变为 "
            f"{after.decision.value} / a better application went from {before.decision.value} "
            f"to {after.decision.value}"
        )
        added = set(identifiers(after.missing)) - set(identifiers(before.missing))
        assert not added, f"补交材料后反而多缺 {sorted(added)} / more materials, more missing"

    is_monotone()


def _draw_better(application: Application, catalog: Catalog, data: st.DataObject) -> Application:
    """The application with more of its item's materials, maybe signed, maybe better credit."""
    item = next((entry for entry in catalog.items if entry.id == application.item), None)
    asked = [material.id for material in item.materials] if item else []
    more = data.draw(st.sets(st.sampled_from(asked)) if asked else st.just(set()), "more")
    sign = data.draw(st.booleans(), "sign")
    rank = CREDIT_ORDER.index(application.applicant.credit)
    credit = data.draw(st.sampled_from(CREDIT_ORDER[rank:]), "credit")
    return application.model_copy(
        update={
            "submitted": list(dict.fromkeys([*application.submitted, *sorted(more)])),
            "commitment": application.commitment or sign,
            "applicant": application.applicant.model_copy(update={"credit": credit}),
        }
    )
