"""The repair (z3 Optimize): minimal, within the floors, canonical, and honest when impossible."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import assume, given, settings

from permitlogic.check_runner import check
from permitlogic.models.catalog import Catalog
from permitlogic.packs.checks_pack import bundled_checks_pack
from permitlogic.timing import repair as repair_module
from permitlogic.timing.chains import ChainPlan, StagePlan, chain_plan
from permitlogic.timing.days import floor_days
from permitlogic.timing.repair import Outcome, repair_chain, repair_stage
from sizes import examples

from .strategies import chain_catalogs

THRESHOLDS = bundled_checks_pack().thresholds


def longest(stage: StagePlan, days: dict[str, int]) -> int:
    """Plain longest path of a stage (positions are listed in any order: relax until stable)."""
    finish = [0] * len(stage.items)
    for _ in stage.items:
        for j, before in enumerate(stage.prerequisites):
            finish[j] = days[stage.items[j]] + max((finish[p] for p in before), default=0)
    return max(finish, default=0)


def bounds_hold(
    plan: ChainPlan, stages: tuple[StagePlan, ...], days: dict[str, int], whole: bool
) -> bool:
    spans = [longest(stage, days) for stage in stages]
    for stage, span in zip(stages, spans, strict=True):
        if stage.bound_days is not None and span > stage.bound_days:
            return False
    return not (whole and plan.bound_days is not None and sum(spans) > plan.bound_days)


def brute_force_minimum(
    plan: ChainPlan, stages: tuple[StagePlan, ...], catalog: Catalog, whole: bool
) -> int | None:
    """The smallest total cut over every choice of days within the floors (None: impossible)."""
    items = catalog.item_map()
    current = {i: d for stage in stages for i, d in zip(stage.items, stage.days, strict=True)}
    ids = list(current)
    ranges = [range(floor_days(items[i], current[i]), current[i] + 1) for i in ids]
    best = None
    for choice in itertools.product(*ranges):
        days = dict(zip(ids, choice, strict=True))
        if bounds_hold(plan, stages, days, whole):
            cut = sum(current[i] - days[i] for i in ids)
            best = cut if best is None else min(best, cut)
    return best


@settings(max_examples=examples(60))
@given(chain_catalogs(max_items=5, cycles=False))
def test_the_repair_is_the_smallest_cut(catalog: Catalog) -> None:
    items = catalog.item_map()
    for chain in catalog.chains:
        plan = chain_plan(chain, items, THRESHOLDS)
        sizes = [
            d - floor_days(items[i], d) + 1
            for stage in plan.stages
            for i, d in zip(stage.items, stage.days, strict=True)
        ]
        assume(math.prod(sizes) <= 4_000)
        answer = repair_chain(plan, items)
        expected = brute_force_minimum(plan, plan.stages, catalog, True)
        if expected is None:
            assert answer.outcome is Outcome.impossible
        else:
            assert answer.outcome is Outcome.repaired
            assert answer.total_cut == expected
        for stage in plan.stages:
            if stage.bound_days is None:
                continue
            answer = repair_stage(plan, stage.index, items)
            expected = brute_force_minimum(plan, (stage,), catalog, False)
            if expected is None:
                assert answer.outcome is Outcome.impossible
            else:
                assert answer.total_cut == expected


def catalog_of(
    items: list[dict[str, object]], stages: list[dict[str, object]], bound: int | None = None
) -> Catalog:
    chain: dict[str, object] = {"id": "c", "name": "流程", "stages": stages}
    if bound is not None:
        chain["bound_days"] = bound
    return Catalog.model_validate(
        {"catalog": {"id": "t", "jurisdiction": "测试县"}, "items": items, "chains": [chain]}
    )


def license(
    item_id: str, days: int, after: list[str] | None = None, **extra: object
) -> dict[str, object]:
    item: dict[str, object] = {
        "id": item_id,
        "name": f"事项{item_id}",
        "department": "县住建局",
        "kind": "license",
        "promised_days": days,
        **extra,
    }
    if after:
        item["prerequisites"] = [{"item": a} for a in after]
    return item


def test_no_repair_when_the_bound_is_shorter_than_the_items_in_sequence() -> None:
    catalog = catalog_of(
        [license("A", 5), license("B", 5, ["A"]), license("C", 5, ["B"])],
        [{"name": "施工许可", "bound_days": 2, "items": ["A", "B", "C"]}],
    )
    [finding] = check(catalog, select=["PL310"]).findings
    assert finding.fix is not None and finding.fix.changes == []
    assert "A → B → C takes 3 days, over the bound of 2" in finding.fix.message_en
    assert "仍需 3 日" in finding.fix.message_zh


def test_on_the_spot_items_may_go_to_zero_and_others_to_one() -> None:
    catalog = catalog_of(
        [license("A", 4, on_the_spot=True), license("B", 4, ["A"])],
        [{"name": "施工许可", "bound_days": 1, "items": ["A", "B"]}],
    )
    [finding] = check(catalog, select=["PL310"]).findings
    assert finding.fix is not None
    assert [(c.item, c.old, c.new) for c in finding.fix.changes] == [("A", 4, 0), ("B", 4, 1)]


def test_an_item_without_a_promise_gets_one() -> None:
    service = {"id": "S", "name": "技术服务", "department": "县住建局", "kind": "service"}
    catalog = catalog_of([service], [{"name": "竣工验收", "bound_days": 10, "items": ["S"]}])
    [finding] = check(catalog, select=["PL310"]).findings
    assert finding.witness is not None and finding.witness["days"] == {"S": 20}
    assert finding.fix is not None
    assert [(c.item, c.old, c.new) for c in finding.fix.changes] == [("S", None, 10)]


def test_the_chain_repair_makes_every_bound_hold_and_is_the_same_every_time() -> None:
    catalog = catalog_of(
        [license("A", 10), license("B", 8), license("C", 6, ["B"]), license("D", 9)],
        [
            {"name": "立项用地规划许可", "bound_days": 9, "items": ["A"]},
            {"name": "工程建设许可", "bound_days": 20, "items": ["B", "C"]},
            {"name": "施工许可", "bound_days": 10, "items": ["D"]},
        ],
        bound=25,
    )
    first = check(catalog, select=["PL311"]).findings
    again = check(catalog, select=["PL311"]).findings
    assert first == again
    [finding] = first
    assert finding.fix is not None
    # 10 + 14 + 9 = 33 > 25 and A > 9: the smallest cut is 8 days, on the fewest items, first.
    assert sum(int(c.old or 0) - int(c.new or 0) for c in finding.fix.changes) == 8
    assert [(c.item, c.new) for c in finding.fix.changes] == [("A", 2)]


def test_too_large_a_chain_gets_the_critical_path_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repair_module, "REPAIR_MAX_ITEMS", 1)
    catalog = catalog_of(
        [license("A", 5), license("B", 5, ["A"])],
        [{"name": "施工许可", "bound_days": 6, "items": ["A", "B"]}],
    )
    [finding] = check(catalog, select=["PL310"]).findings
    assert finding.fix is not None and finding.fix.changes == []
    assert "A → B" in finding.fix.message_en
