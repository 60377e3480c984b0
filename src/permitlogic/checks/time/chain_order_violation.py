"""PL313 chain-order-violation 前置事项排在后续阶段: a prerequisite placed in a later stage."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.timing.shared import chain_plans

META = CheckMeta(
    id="PL313",
    name="chain-order-violation",
    name_zh="前置事项排在后续阶段",
    severity=Severity.error,
    area="time",
    citation="工程建设项目审批制度改革：审批流程分阶段依次办理，前一阶段事项不得以后一阶段事项为前置",
    summary_zh="流程中某事项的前置事项被排在同一流程的后续阶段",
    summary_en="an item of a chain requires an item placed in a later stage of the same chain",
    doc_zh="""\
### 功能
在每条审批流程中，找出这样的事项：它的前置条件是本流程中的另一个事项，而那个事项被排在更靠后的阶段。事项在流程中出现多次的，以它第一次出现的阶段为准。

### 问题
流程的各阶段依次办理，后一阶段在前一阶段办结后才开始。前置事项排在后面，申请人在前一阶段就拿不出它，这一阶段永远办不完；流程图与实际办理顺序不符，阶段时限也就无从兑现。

### 示例
FG-001 在阶段「立项用地规划许可」，要求先取得 ZR-001，而 ZR-001 排在阶段「工程建设许可」。

### 修改
把前置事项移到不晚于需要它的事项的阶段；或者，前置条件没有法律、行政法规依据的，删去它（见 PL102）。

### 依据
工程建设项目审批制度改革：立项用地规划许可、工程建设许可、施工许可、竣工验收四个阶段依次办理。
""",
    doc_en="""\
### What it does
In each chain, finds an item whose prerequisite is another item of the chain placed in a later stage. An item listed more than once counts where it first appears.

### Why is this bad?
Stages run one after another; the next starts when the previous one has finished. A prerequisite placed later cannot be produced when it is needed, so the earlier stage can never finish: the published path does not match the real order, and its bounds cannot be kept.

### Example
FG-001 is in stage 立项用地规划许可 and requires ZR-001, which is in the later stage 工程建设许可.

### Use instead
Move the prerequisite to a stage no later than the item's; or, where no law or administrative regulation sets it, drop the prerequisite (PL102).

### References
The construction-project approval reform: four stages handled in sequence.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for plan in chain_plans(ctx):
        for violation in plan.order_violations:
            item, prerequisite = ctx.items[violation.item], ctx.items[violation.prerequisite]
            stage = plan.stages[violation.item_stage].name
            later = plan.stages[violation.prerequisite_stage].name
            yield META.finding(
                ctx,
                items=[item.id, prerequisite.id],
                message_zh=(
                    f"流程 {plan.id}「{plan.name}」中，{item.id}「{item.name}」在阶段「{stage}」，"
                    f"其前置事项 {prerequisite.id}「{prerequisite.name}」却排在后续阶段「{later}」"
                ),
                message_en=(
                    f"chain {plan.id} ({plan.name}): {item.id} ({item.name}) in stage {stage} "
                    f"requires {prerequisite.id} ({prerequisite.name}), placed in the later "
                    f"stage {later}"
                ),
                witness={
                    "chain": plan.id,
                    "item": item.id,
                    "item_stage": stage,
                    "prerequisite": prerequisite.id,
                    "prerequisite_stage": later,
                },
                fix=Fix(
                    message_zh=(
                        f"将 {prerequisite.id} 移到阶段「{stage}」或更早的阶段，"
                        f"或删去 {item.id} 这项没有法律依据的前置条件"
                    ),
                    message_en=(
                        f"move {prerequisite.id} to stage {stage} or earlier, or drop the "
                        f"prerequisite from {item.id} if no law requires it"
                    ),
                ),
            )
