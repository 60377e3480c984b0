"""PL310 stage-bound-exceeded 阶段时限超限: a chain stage takes longer than its bound."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support.chain_wording import path_text, repair_fix
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Finding, Severity
from permitlogic.timing.repair import repair_stage
from permitlogic.timing.shared import chain_plans, chain_proof

META = CheckMeta(
    id="PL310",
    name="stage-bound-exceeded",
    name_zh="阶段时限超限",
    severity=Severity.error,
    area="time",
    citation="工程建设项目审批制度改革：各审批阶段承诺的办理时限；《中华人民共和国行政许可法》第四十二条",
    law=("xzxkf:42", "xzxkf:26"),
    summary_zh="审批流程某一阶段的最坏办理时间（前置条件最长路径）超过该阶段的时限",
    summary_en="the worst case of a chain stage (its longest prerequisite path) exceeds the stage bound",
    doc_zh="""\
### 功能
对每条审批流程（chains）的每个设定了时限（bound_days）的阶段，用 z3 求证最坏情况下该阶段能否在时限内办结。阶段内的事项并联办理，只有同一阶段内事项之间的前置条件规定先后；每个事项按承诺时限计（未承诺的即办件按 0 日、其他按法定时限计）。最坏办理时间即阶段内前置条件的最长路径。超限的，报告这条关键路径（按办理顺序，附每项日数）、z3 的不可满足核心（冲突的时限和事项），并用 z3 Optimize 给出压缩总日数最小的修改方案（每项不少于 1 日，即办件不少于 0 日）。流程中的事项前置条件成环（见 PL101）的，流程无法排期，不作本项检查。

### 问题
阶段时限是对申请人的承诺。按各事项自己的承诺时限和前置顺序依次办理，该阶段最坏要超过承诺的时限，承诺必然落空。

### 示例
阶段「立项用地规划许可」时限 15 日，FG-004（7 日）→ FG-001（8 日）→ ZR-002（3 日）依次办理，最坏 18 日。

### 修改
按修改方案压缩关键路径上事项的承诺时限；或删去没有法律依据的前置条件，让事项并联办理；或在依法的前提下调整阶段时限。

### 依据
工程建设项目审批制度改革：按立项用地规划许可、工程建设许可、施工许可、竣工验收四个阶段承诺办理时限；《中华人民共和国行政许可法》第二十六条、第四十二条。
""",
    doc_en="""\
### What it does
For every chain stage with a bound (bound_days), proves with z3 whether the stage finishes within it in the worst case. Items of a stage run in parallel unless a prerequisite between two items of the stage orders them; each takes its promised days (an on-the-spot item without a promise 0, any other without a promise its statutory limit). The worst case is the stage's longest prerequisite path. When it exceeds the bound, the finding gives that critical path (in order, with each item's days), z3's unsat core (the bound and the items in conflict), and the smallest total cut of promises (z3 Optimize; at least 1 day per item, 0 on the spot) that brings the stage within its bound. A chain whose items' prerequisites form a cycle (PL101) cannot be scheduled and is not checked here.

### Why is this bad?
The stage bound is a promise to applicants. If the items' own promises, in the order their prerequisites impose, can take longer than the bound, the promise will be broken.

### Example
Stage 立项用地规划许可, bound 15 days: FG-004 (7) → FG-001 (8) → ZR-002 (3) in sequence takes 18.

### Use instead
Apply the suggested cut to the promises on the critical path; or drop prerequisites no law requires so the items run in parallel; or, where lawful, change the stage bound.

### References
The construction-project approval reform (four stages with promised limits); Administrative License Law Arts. 26 and 42.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for plan in chain_plans(ctx):
        proof = chain_proof(ctx, plan)
        if proof is None:
            continue
        for stage in proof.stages:
            if stage.holds is not False or stage.bound_days is None:
                continue
            days = {item: proof.days_of(item) for item in stage.critical_path}
            path = path_text(stage.critical_path, days)
            scope_zh = f"阶段「{stage.name}」"
            scope_en = f"stage {stage.name}"
            fix = repair_fix(
                repair_stage(plan, stage.index, ctx.items),
                scope_zh,
                scope_en,
                stage.critical_path,
            )
            finding = META.finding(
                ctx,
                items=list(stage.critical_path),
                message_zh=(
                    f"流程 {plan.id}「{plan.name}」阶段「{stage.name}」最坏需 "
                    f"{stage.worst_case_days} 个工作日，超过阶段时限 {stage.bound_days} 日；"
                    f"关键路径：{path}"
                ),
                message_en=(
                    f"chain {plan.id} ({plan.name}), stage {stage.name}: worst case "
                    f"{stage.worst_case_days} working days, over the stage bound of "
                    f"{stage.bound_days}; critical path: {path}"
                ),
                witness={
                    "chain": plan.id,
                    "stage": stage.name,
                    "path": list(stage.critical_path),
                    "days": days,
                    "total": stage.worst_case_days,
                    "bound": stage.bound_days,
                    "core": stage.core.as_list() if stage.core else [],
                },
                fix=fix,
            )
            yield finding.model_copy(update={"department": None})
