"""PL311 chain-bound-exceeded 全流程时限超限: the stages in sequence exceed the chain bound."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support.chain_wording import path_text, repair_fix
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Finding, Severity
from permitlogic.timing.repair import repair_chain
from permitlogic.timing.shared import chain_plans, chain_proof

META = CheckMeta(
    id="PL311",
    name="chain-bound-exceeded",
    name_zh="全流程时限超限",
    severity=Severity.error,
    area="time",
    citation="工程建设项目审批制度改革：全流程审批时间承诺；《中华人民共和国行政许可法》第四十二条",
    law=("xzxkf:42", "xzxkf:26"),
    summary_zh="审批流程各阶段依次办理的最坏时间超过全流程时限",
    summary_en="the chain's stages, one after another, take longer than the chain bound in the worst case",
    doc_zh="""\
### 功能
对设定了全流程时限（chain 的 bound_days）的审批流程，用 z3 求证各阶段依次办理（后一阶段在前一阶段最坏办结后开始）的最坏总时间能否在时限内。超限的，报告跨阶段的关键路径（按办理顺序，附每项日数和各阶段最坏日数）、z3 的不可满足核心，并用 z3 Optimize 给出压缩总日数最小、能让全流程时限和各阶段时限同时成立的修改方案。各阶段都不超限、合起来却超限的情形也由本项报告。流程中的事项前置条件成环（见 PL101）的，流程无法排期，不作本项检查。

### 问题
全流程时限是对项目单位的总承诺（如"工程建设项目审批全流程不超过 N 个工作日"）。各阶段最坏时间相加超过它，总承诺必然落空。

### 示例
全流程时限 20 日，四个阶段最坏分别为 10、8、3、5 日，依次办理共 26 日。

### 修改
按修改方案压缩关键路径上事项的承诺时限；或让更多事项并联办理；或在依法的前提下调整全流程时限。

### 依据
工程建设项目审批制度改革：全流程审批时间承诺；《中华人民共和国行政许可法》第二十六条、第四十二条。
""",
    doc_en="""\
### What it does
For every chain with a bound (the chain's bound_days), proves with z3 whether its stages, each starting when the previous one has finished in the worst case, fit within the bound. When they do not, the finding gives the critical path across the stages (in order, with each item's days and each stage's worst case), z3's unsat core, and the smallest total cut of promises (z3 Optimize) that makes the chain bound and every stage bound hold. This also catches chains whose every stage holds while the sum does not. A chain whose items' prerequisites form a cycle (PL101) cannot be scheduled and is not checked here.

### Why is this bad?
The chain bound is the county's overall promise to a project ("the whole approval within N working days"). If the stages' worst cases add up to more, it will be broken.

### Example
Chain bound 20 days; the four stages take at worst 10, 8, 3 and 5 days: 26 in sequence.

### Use instead
Apply the suggested cut; or run more items in parallel; or, where lawful, change the chain bound.

### References
The construction-project approval reform (whole-process time promise); Administrative License Law Arts. 26 and 42.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for plan in chain_plans(ctx):
        proof = chain_proof(ctx, plan)
        if proof is None or proof.holds is not False or plan.bound_days is None:
            continue
        path = proof.critical_path
        days = {item: proof.days_of(item) for item in path}
        stages_zh = "、".join(f"{s.name} {s.worst_case_days} 日" for s in proof.stages)
        stages_en = ", ".join(f"{s.name} {s.worst_case_days}" for s in proof.stages)
        fix = repair_fix(
            repair_chain(plan, ctx.items),
            f"流程 {plan.id} 的全流程时限和各阶段时限",
            f"the bound of chain {plan.id} and of each of its stages",
            path,
        )
        finding = META.finding(
            ctx,
            items=list(path),
            message_zh=(
                f"流程 {plan.id}「{plan.name}」各阶段依次办理最坏需 {proof.total_days} 个工作日，"
                f"超过全流程时限 {plan.bound_days} 日（{stages_zh}）；"
                f"关键路径：{path_text(path, days)}"
            ),
            message_en=(
                f"chain {plan.id} ({plan.name}): its stages in sequence take {proof.total_days} "
                f"working days at worst, over the chain bound of {plan.bound_days} ({stages_en}); "
                f"critical path: {path_text(path, days)}"
            ),
            witness={
                "chain": plan.id,
                "path": list(path),
                "days": days,
                "total": proof.total_days,
                "bound": plan.bound_days,
                "core": proof.core.as_list() if proof.core else [],
                "stages": [
                    {
                        "stage": s.name,
                        "worst_case_days": s.worst_case_days,
                        "path": list(s.critical_path),
                    }
                    for s in proof.stages
                ],
            },
            fix=fix,
        )
        yield finding.model_copy(update={"department": None})
