"""PL108 duplicate-approval 多头审批: the same matter approved by two departments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from permitlogic.check_support.item_names import name_keys
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.names import department_key

META = CheckMeta(
    id="PL108",
    name="duplicate-approval",
    name_zh="多头审批",
    severity=Severity.warning,
    area="structure",
    citation="《中华人民共和国行政许可法》第二十六条第二款、第二十五条；清理职能交叉、多头审批",
    law=("xzxkf:26", "xzxkf:25"),
    summary_zh="两个不同部门的事项名称（规范化后）相同：同一事项多头审批",
    summary_en="two items of different departments have the same normalized name",
    doc_zh="""\
### 功能
把事项名称规范化（全角半角统一，去掉空格和标点，去掉开头的本县名称和部门名称，如「示范县」「县住建局」），找出名称相同、实施部门不同的两个事项，逐对报告，并给出两个原名和规范化后的名称。

### 问题
同一事项由几个部门分别审批，申请人要重复申请、重复提交材料，部门之间还可能作出相互矛盾的决定。行政许可依法由两个以上部门分别实施的，本级人民政府可以确定一个部门统一受理、统一办理，或者组织联合办理、集中办理（《行政许可法》第二十六条第二款）；经国务院批准，省级人民政府还可以决定由一个行政机关行使有关行政机关的行政许可权（第二十五条）。各地清理中"职能交叉、多头审批"是典型问题。

### 示例
县住房和城乡建设局的「城镇污水排入排水管网许可」和县水利局的「城镇污水排入排水管网许可（县水利局）」。

### 修改
确定一个实施部门，另一个部门的事项取消，或改为联合办理并在目录中写明。

### 依据
《中华人民共和国行政许可法》第二十六条第二款、第二十五条；清理职能交叉、多头审批的要求。
""",
    doc_en="""\
### What it does
Normalizes item names (full/half width unified, spaces and punctuation removed, a leading county or department name such as 示范县 or 县住建局 dropped) and reports every pair of items of different departments whose names are then the same, with both original names and the normalized one.

### Why is this bad?
The same matter approved separately by several departments makes the applicant apply and submit twice and lets the departments decide inconsistently. Where the law gives a matter to two or more departments, the local government may designate one to accept for all, or organise joint or centralized handling (Administrative License Law Art. 26(2)); with State Council approval, a province may give one agency the licensing powers of others (Art. 25). County reports name overlapping, multi-headed approval as a typical defect.

### Example
「城镇污水排入排水管网许可」 of the county housing bureau and 「城镇污水排入排水管网许可（县水利局）」 of the county water bureau.

### Use instead
Choose one department to handle the matter and drop the other's item, or make it a joint procedure and say so in the catalog.

### References
Administrative License Law of the PRC, Art. 26(2) and Art. 25; the reform's removal of overlapping approvals.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    jurisdiction = ctx.catalog.catalog.jurisdiction
    groups: dict[str, list[Item]] = defaultdict(list)
    keys = name_keys(ctx)
    for item in ctx.catalog.items:
        groups[keys[item.id]].append(item)
    pairs: list[tuple[str, Item, Item]] = []
    for key, members in groups.items():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                if department_key(first.department, jurisdiction) != department_key(
                    second.department, jurisdiction
                ):
                    pairs.append((key, first, second))
    pairs.sort(key=lambda pair: (ctx.index[pair[1].id], ctx.index[pair[2].id]))
    for key, first, second in pairs:
        yield META.finding(
            ctx,
            items=[first.id, second.id],
            message_zh=(
                f"{first.department}的 {first.id}「{first.name}」与{second.department}的 "
                f"{second.id}「{second.name}」是同一事项（规范化名称「{key}」）：多头审批"
            ),
            message_en=(
                f"{first.id} ({first.name}, {first.department}) and {second.id} "
                f"({second.name}, {second.department}) are the same matter "
                f"(normalized name {key}): approved by two departments"
            ),
            witness={
                "items": [first.id, second.id],
                "names": [first.name, second.name],
                "departments": [first.department, second.department],
                "normalized": key,
            },
            fix=Fix(
                message_zh=f"确定由一个部门实施，取消另一部门的事项（{first.id} 或 {second.id}），或改为联合办理",
                message_en=(
                    f"have one department handle it and drop the other's item ({first.id} or "
                    f"{second.id}), or handle it jointly"
                ),
            ),
        )
