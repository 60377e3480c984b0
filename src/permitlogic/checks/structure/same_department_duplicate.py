"""PL110 same-department-duplicate 同一部门重复事项: one matter listed twice by one department."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from permitlogic.check_support.item_names import name_keys
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.names import department_key, plain

META = CheckMeta(
    id="PL110",
    name="same-department-duplicate",
    name_zh="同一部门重复事项",
    severity=Severity.warning,
    area="structure",
    law=("gbf2022_2",),
    citation="《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）：同一事项名称、编码、依据、类型在全国统一",
    summary_zh="同一部门把同一事项列了两次：名称（规范化后）相同，或实施编码相同",
    summary_en="one department lists the same matter twice: the same normalized name, or the same implementation code",
    doc_zh="""\
### 功能
在同一个实施部门内（部门名称按写法比较，见 PL103），找出规范化名称相同（同 PL108 的规范化）的两个事项，以及实施编码相同的两条记录，逐对报告，并列出两者的编码和承诺时限。上下级事项（子项与其所属事项）不算重复。

### 问题
同一部门同一事项出现两次，通常是两个编码下的两套办事指南：材料、时限、依据可能各不相同，申请人不知道按哪一条办，部门也可能对同一申请适用不同的承诺。一个编码下两条承诺不同的记录，更是自相矛盾。行政许可事项清单要求同一事项的名称、编码、依据和类型统一（国办发〔2022〕2号）。行政审批局集中实施几百个事项时尤其常见。

### 示例
县行政审批服务局把「公共场所卫生许可」列了两次，编码不同，承诺时限一条 5 个工作日、一条 10 个工作日。

### 修改
合并为一个事项：保留一个编码，统一办事指南、材料和承诺时限；确属不同事项的，在名称中写明区别（例如子项名称）。

### 依据
《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）；《中华人民共和国行政许可法》第三十条（公示事项、依据、条件、期限等）。
""",
    doc_en="""\
### What it does
Within one department (names compared as PL103 compares them), finds pairs of items with the same normalized name (PL108's normalization) and pairs of records with the same implementation code, and reports each pair with both codes and both promises. An item and its own sub-item are not duplicates.

### Why is this bad?
One matter listed twice by one department usually means two service guides under two codes: materials, limits and bases may differ, the applicant cannot tell which applies, and the department may hold the same application to different promises. Two records of one code with different promises contradict each other. The license list must give each matter one name, code, basis and kind (国办发〔2022〕2号). It is common where an approval bureau handles hundreds of items.

### Example
县行政审批服务局 lists 公共场所卫生许可 twice under two codes, one promising 5 working days, the other 10.

### Use instead
Merge them into one item: keep one code and one guide, one set of materials and one promise; where they really are different matters, say how in the name (e.g. the sub-item).

### References
General Office of the State Council, 国办发〔2022〕2号 (the license item list); Administrative License Law of the PRC, Art. 30 (publish items, bases, conditions and limits).
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    jurisdiction = ctx.catalog.catalog.jurisdiction
    by_name: dict[tuple[str, str], list[Item]] = defaultdict(list)
    by_code: dict[tuple[str, str], list[Item]] = defaultdict(list)
    keys = name_keys(ctx)
    for item in ctx.catalog.items:
        department = department_key(item.department, jurisdiction)
        by_name[(department, keys[item.id])].append(item)
        code = implementation_code(item)
        if code:
            by_code[(department, code)].append(item)
    pairs: dict[tuple[str, str], str] = {}
    for groups, reason in ((by_code, "code"), (by_name, "name")):
        for members in groups.values():
            for i, first in enumerate(members):
                for second in members[i + 1 :]:
                    if related(first, second):
                        continue
                    pairs.setdefault((first.id, second.id), reason)
    ordered = sorted(pairs.items(), key=lambda p: (ctx.index[p[0][0]], ctx.index[p[0][1]]))
    for (first_id, second_id), reason in ordered:
        yield _finding(ctx, ctx.items[first_id], ctx.items[second_id], reason)


def implementation_code(item: Item) -> str | None:
    """The local implementation code (实施编码) where the catalog gives one."""
    code = getattr(item, "implementation_code", None)
    return plain(code) if isinstance(code, str) and code.strip() else None


def related(first: Item, second: Item) -> bool:
    """One is the other's sub-item (a hierarchy is no duplicate)."""
    parents = (getattr(first, "parent", None), getattr(second, "parent", None))
    return parents[0] == second.id or parents[1] == first.id


def _finding(ctx: CheckContext, first: Item, second: Item, reason: str) -> Finding:
    promises = [first.promised_days, second.promised_days]
    differ = None not in promises and promises[0] != promises[1]
    if reason == "code":
        what_zh = f"实施编码相同（{implementation_code(first)}）"
        what_en = f"share the implementation code {implementation_code(first)}"
    else:
        what_zh = "是同一事项"
        what_en = "are the same matter"
    tail_zh = f"，承诺时限不一致（{promises[0]} 与 {promises[1]} 个工作日）" if differ else ""
    tail_en = (
        f", with different promises ({promises[0]} and {promises[1]} working days)"
        if differ
        else ""
    )
    return META.finding(
        ctx,
        items=[first.id, second.id],
        message_zh=(
            f"{first.department}的 {first.id}「{first.name}」与 {second.id}「{second.name}」"
            f"{what_zh}：同一部门重复列出{tail_zh}"
        ),
        message_en=(
            f"{first.id} ({first.name}) and {second.id} ({second.name}) of {first.department} "
            f"{what_en}: listed twice by one department{tail_en}"
        ),
        witness={
            "items": [first.id, second.id],
            "names": [first.name, second.name],
            "department": first.department,
            "reason": reason,
            "promised_days": promises,
        },
        fix=Fix(
            message_zh=f"合并 {first.id} 与 {second.id}：保留一个编码，统一办事指南、材料和承诺时限",
            message_en=(
                f"merge {first.id} and {second.id}: keep one code, one guide, one set of "
                "materials and one promise"
            ),
        ),
    )
