"""Chain timelines for the Report: each chain's worst-case schedule, as the z3 proof found it.

Every number comes from the chain's proof (timing/proof.py): each item's
worst-case earliest start and end, each stage's start and worst case, the
critical path, and whether each bound holds. A chain whose items'
prerequisites form a cycle cannot be scheduled: its timeline says so, with
the cycle, and carries no numbers.
"""

from __future__ import annotations

from permitlogic.check_context import CheckContext
from permitlogic.models.report import StageTimeline, Timeline, TimelineItem
from permitlogic.timing.chains import ChainPlan
from permitlogic.timing.proof import ChainProof
from permitlogic.timing.shared import chain_plans, chain_proof


def chain_timelines(ctx: CheckContext) -> list[Timeline]:
    """One Timeline per chain of the catalog."""
    timelines = []
    for plan in chain_plans(ctx):
        proof = chain_proof(ctx, plan)
        if proof is None:
            timelines.append(_unschedulable(plan))
        else:
            timelines.append(_timeline(ctx, plan, proof))
    return timelines


def _unschedulable(plan: ChainPlan) -> Timeline:
    cycle = " → ".join(plan.cycle or ())
    return Timeline(
        chain=plan.id,
        name=plan.name,
        bound_days=plan.bound_days,
        joint=plan.joint,
        schedulable=False,
        note_zh=f"前置条件成环（{cycle}，见 PL101），无法排期；不作 PL310、PL311 检查",
        note_en=(
            f"prerequisites form a cycle ({cycle}, see PL101): the chain cannot be scheduled, "
            "and PL310/PL311 are not checked"
        ),
    )


def _timeline(ctx: CheckContext, plan: ChainPlan, proof: ChainProof) -> Timeline:
    stages = []
    for stage_plan, stage in zip(plan.stages, proof.stages, strict=True):
        on_path = set(stage.critical_path)
        entries = [
            TimelineItem(
                item=item_id,
                name=ctx.items[item_id].name,
                department=ctx.items[item_id].department,
                days=days,
                start=start,
                end=start + days,
                critical=item_id in on_path,
            )
            for item_id, days, start in zip(
                stage_plan.items, stage_plan.days, stage.starts, strict=True
            )
        ]
        stages.append(
            StageTimeline(
                name=stage.name,
                bound_days=stage.bound_days,
                start=stage.start,
                worst_case_days=stage.worst_case_days,
                holds=stage.holds,
                critical_path=list(stage.critical_path),
                items=entries,
            )
        )
    note_zh, note_en = _notes(ctx, plan)
    return Timeline(
        chain=plan.id,
        name=plan.name,
        bound_days=plan.bound_days,
        joint=plan.joint,
        schedulable=True,
        total_days=proof.total_days,
        holds=proof.all_hold,
        critical_path=list(proof.critical_path),
        stages=stages,
        note_zh=note_zh,
        note_en=note_en,
    )


def _notes(ctx: CheckContext, plan: ChainPlan) -> tuple[str | None, str | None]:
    """What the schedule leaves out or cannot show: PL313 edges, PL312 bounds."""
    zh: list[str] = []
    en: list[str] = []
    if plan.order_violations:
        pairs = [f"{v.item} ← {v.prerequisite}" for v in plan.order_violations]
        zh.append(f"排期按阶段顺序，未计入排在后续阶段的前置事项（{'；'.join(pairs)}，见 PL313）")
        en.append(
            "the schedule follows the stage order and leaves out prerequisites placed in a "
            f"later stage ({'; '.join(pairs)}, see PL313)"
        )
    limit = ctx.pack.thresholds.joint_bound_days
    over: list[tuple[str | None, int]] = [
        (stage.name, stage.bound_days)
        for stage in plan.stages
        if stage.joint and stage.bound_days is not None and stage.bound_days > limit
    ]
    if plan.joint and plan.bound_days is not None and plan.bound_days > limit:
        over.insert(0, (None, plan.bound_days))
    if over:
        zh.append(
            "联合办理的时限本身超过 "
            f"{limit} 日（"
            + "；".join(f"{'全流程' if n is None else f'阶段「{n}」'} {b} 日" for n, b in over)
            + "，见 PL312）"
        )
        en.append(
            f"a joint bound itself exceeds {limit} days ("
            + "; ".join(f"{'the chain' if n is None else f'stage {n}'} {b}" for n, b in over)
            + ", see PL312)"
        )
    if not zh:
        return None, None
    return "；".join(zh), "; ".join(en)
