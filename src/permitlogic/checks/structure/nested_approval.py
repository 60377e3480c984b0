"""PL103 nested-approval 大审批套小审批: a prerequisite handled by the same department."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.names import department_key

META = CheckMeta(
    id="PL103",
    name="nested-approval",
    name_zh="大审批套小审批",
    severity=Severity.warning,
    area="structure",
    citation='《中华人民共和国行政许可法》第二十六条第一款；清理"大审批"套"小审批"',
    law=("xzxkf:26",),
    summary_zh="事项的前置条件是同一部门的另一个事项：一个程序拆成了两个",
    summary_en="an item's prerequisite is another item of the same department: one procedure split in two",
    doc_zh="""\
### 功能
找出这样的前置条件：前置事项与要求它的事项由同一个部门实施。部门名称只按写法比较（全角半角、空格、标点，以及本县名称写成"县"），不猜简称：「县住建局」和「县住房和城乡建设局」算两个部门。

### 问题
同一部门先批一个"小审批"，再拿它作为"大审批"的条件，是把一个程序拆成两个，申请人多跑一趟、多等一轮时限。需要部门内设多个机构办理的，应当确定一个机构统一受理、统一送达（《行政许可法》第二十六条第一款）。

### 示例
县住房和城乡建设局的 JS-002「建筑工程施工许可证核发」要求先取得同一局的 JS-005「施工图设计文件审查」。

### 修改
把两个事项合并为一个，或把前置事项改为部门内部环节，不再要求申请人先行申请。

### 依据
《中华人民共和国行政许可法》第二十六条第一款；各地清理"大审批"套"小审批"的要求。
""",
    doc_en="""\
### What it does
Finds prerequisites that are items of the same department as the item requiring them. Department names are compared as written (full/half width, spaces, punctuation, and the county's own name written as 县), never expanded from abbreviations: 县住建局 and 县住房和城乡建设局 count as two departments.

### Why is this bad?
A department that first grants a "small approval" and then requires it for its "big approval" has split one procedure in two: the applicant applies twice and waits through two time limits. Where several units of one department are involved, one of them must accept and deliver for all (Administrative License Law Art. 26(1)).

### Example
The county housing bureau's JS-002 (construction permit) requires JS-005 (drawing review) of the same bureau.

### Use instead
Merge the two items, or make the prerequisite an internal step of the department that the applicant does not apply for.

### References
Administrative License Law of the PRC, Art. 26(1); the reform's removal of approvals nested in approvals.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    jurisdiction = ctx.catalog.catalog.jurisdiction
    for item in ctx.catalog.items:
        department = department_key(item.department, jurisdiction)
        seen: set[str] = set()
        for prerequisite in item.prerequisites:
            other = ctx.items.get(prerequisite.item or "")
            if other is None or other.id == item.id or other.id in seen:
                continue
            seen.add(other.id)
            if department_key(other.department, jurisdiction) != department:
                continue
            yield META.finding(
                ctx,
                items=[item.id, other.id],
                message_zh=(
                    f"{wording.zh(ctx, item.id)}要求先取得同一部门（{item.department}）的"
                    f"{wording.zh(ctx, other.id)}：大审批套小审批"
                ),
                message_en=(
                    f"{wording.en(ctx, item.id)} requires {wording.en(ctx, other.id)} "
                    f"of the same department ({item.department}): an approval nested in an approval"
                ),
                witness={"edge": [other.id, item.id], "department": item.department},
                fix=Fix(
                    message_zh=f"合并 {item.id} 与 {other.id}，或把 {other.id} 改为部门内部环节",
                    message_en=f"merge {item.id} and {other.id}, or make {other.id} an internal step",
                ),
            )
