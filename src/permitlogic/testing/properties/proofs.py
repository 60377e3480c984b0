"""The time-proof property: z3 agrees with the plain networkx longest path on every chain."""

from __future__ import annotations

from hypothesis import given

from permitlogic.models.catalog import Catalog
from permitlogic.testing.packs import PacksLike, as_packs
from permitlogic.testing.properties.harness import property_settings
from permitlogic.testing.strategies import catalogs
from permitlogic.timing.chains import ChainPlan, chain_plan
from permitlogic.timing.proof import prove_chain
from permitlogic.timing.schedule import chain_schedule

CHAIN_DEFECTS = ["stage_overrun", "chain_overrun", "joint_overrun", "chain_order", "cycle"]
"""The defects planted: bounds that fail, and orders and cycles that stop a schedule."""


def proofs_match_longest_path(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """The z3 proof of every chain agrees with the plain networkx longest path.

    Same worst case per stage and in all, same verdict on every bound, and a
    critical path whose days add up to the worst case.
    """
    thresholds = as_packs(packs).checks.thresholds

    @property_settings(max_examples)
    @given(catalog=catalogs(defects=CHAIN_DEFECTS))
    def match(catalog: Catalog) -> None:
        items = catalog.item_map()
        for chain in catalog.chains:
            plan = chain_plan(chain, items, thresholds)
            if plan.schedulable:
                _check_proof(plan, f"流程 {chain.id} / chain {chain.id}")

    match()


def _check_proof(plan: ChainPlan, where: str) -> None:
    """The z3 proof of one schedulable chain against its networkx schedule."""
    proof, schedule = prove_chain(plan), chain_schedule(plan)
    assert proof.total_days == schedule.total_days, (
        f"{where}: z3 {proof.total_days} ≠ networkx {schedule.total_days}"
    )
    for stage, proved, longest in zip(plan.stages, proof.stages, schedule.stages, strict=True):
        assert proved.worst_case_days == longest.worst_case_days, (
            f"{where} {stage.name}: z3 {proved.worst_case_days} ≠ "
            f"networkx {longest.worst_case_days}"
        )
        path_days = sum(stage.days[stage.items.index(item)] for item in proved.critical_path)
        assert path_days == proved.worst_case_days, (
            f"{where} {stage.name}: 关键路径合计 {path_days} 日 ≠ 最坏情况 "
            f"{proved.worst_case_days} 日 / the critical path does not add up"
        )
    assert [stage.holds for stage in proof.stages] == schedule.stage_holds(plan), (
        f"{where}: 阶段时限判定不一致 / stage verdicts differ"
    )
    assert proof.holds == schedule.chain_holds(plan), (
        f"{where}: 全流程时限判定不一致 / chain verdicts differ"
    )
