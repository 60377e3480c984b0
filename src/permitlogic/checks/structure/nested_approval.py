"""PL103 nested-approval 大审批套小审批: a same-department prerequisite that splits one procedure."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.check_support.item_names import name_key
from permitlogic.check_support.lawful import established_license
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.names import department_key

STAGE_WORDS = (
    "初步审查",
    "现场勘验",
    "现场核查",
    "初审",
    "预审",
    "审核",
    "复审",
    "复核",
    "受理",
)
"""Words that name a step of a procedure, not a procedure: 「…许可（初审）」 is a step of 「…许可」."""

META = CheckMeta(
    id="PL103",
    name="nested-approval",
    name_zh="大审批套小审批",
    severity=Severity.warning,
    area="structure",
    citation='《中华人民共和国行政许可法》第二十六条第一款；清理"大审批"套"小审批"',
    law=("xzxkf:26",),
    summary_zh="同一部门的前置事项不是法定设立的行政许可，或只是同一程序的一个环节：一个程序拆成了两个",
    summary_en=(
        "a prerequisite of the same department is no separately established license, "
        "or only a step of the same procedure: one procedure split in two"
    ),
    doc_zh="""\
### 功能
找出这样的前置条件：前置事项与要求它的事项由同一个部门实施，并且（一）前置事项不是单独设立的行政许可——它不是行政许可，或者它的设定依据中没有一条的层级能够设定行政许可（规则包 `basis_levels` 中 `may_set_license: yes` 的层级，默认为法律、行政法规、国务院决定、地方性法规）；或者（二）两个事项是同一程序的两个环节（名称只差「初审」「预审」「审核」「受理」「现场核查」等环节用语）。部门名称只按写法比较（全角半角、空格、标点，以及本县名称写成"县"），不猜简称：「县住建局」和「县住房和城乡建设局」算两个部门。

两个都由法律、法规单独设立的行政许可，即使由同一部门实施，前后衔接也不是"大审批套小审批"：实行相对集中行政许可权后，一个行政审批局实施几百个事项，「建筑工程施工许可证核发」以「特殊建设工程消防设计审查」为前置、「商品房预售许可」以施工许可为前置、「医疗机构执业登记」以「医疗机构设置审批」为前置，都是法律、行政法规规定的两个许可之间的先后顺序，本检查不报告。前置条件本身有没有法律、行政法规依据，由 PL102 判断。

### 问题
同一部门先批一个没有法定设立的"小审批"，再拿它作为"大审批"的条件，或者把一个程序的初审、审核拆成单独的事项，是把一个程序拆成两个，申请人多跑一趟、多等一轮时限。需要部门内设多个机构办理的，应当确定一个机构统一受理、统一送达（《行政许可法》第二十六条第一款）。

### 示例
县住房和城乡建设局的「建筑工程施工许可证核发」要求先取得同一局的「施工图设计文件审查」，而后者只有一部部门规章（施工图设计文件审查管理办法）作依据。

### 修改
把两个事项合并为一个，或把前置事项改为部门内部环节，不再要求申请人先行申请。

### 依据
《中华人民共和国行政许可法》第二十六条第一款；各地清理"大审批"套"小审批"的要求；相对集中行政许可权（《行政许可法》第二十五条）下审批局承接的事项仍各按其设定依据判断。
""",
    doc_en="""\
### What it does
Finds prerequisites that are items of the same department as the item requiring them, where either (1) the prerequisite is no separately established license: it is not a license, or none of its bases is of a level that may set a license (the levels with `may_set_license: yes` in the rule pack's `basis_levels`; by default a law, an administrative regulation, a State Council decision, a local regulation); or (2) the two items are two steps of one procedure (their names differ only by a step word such as 初审, 预审, 审核, 受理 or 现场核查). Department names are compared as written (full/half width, spaces, punctuation, and the county's own name written as 县), never expanded from abbreviations: 县住建局 and 县住房和城乡建设局 count as two departments.

Two licenses each set by a law or regulation are not nested because one department handles both. Under relatively concentrated licensing power (相对集中行政许可权) one administrative approval bureau (行政审批局) handles hundreds of items; the construction permit requiring the fire-design review of a special construction project, the pre-sale permit requiring the construction permit, and practice registration of a medical institution requiring its establishment approval are statutory sequences between two licenses, and this check does not report them. Whether the prerequisite itself has a statutory basis is PL102's question.

### Why is this bad?
A department that first grants a "small approval" no law establishes and then requires it for its "big approval", or that makes the first review of a procedure an item of its own, has split one procedure in two: the applicant applies twice and waits through two time limits. Where several units of one department are involved, one of them must accept and deliver for all (Administrative License Law Art. 26(1)).

### Example
The county housing bureau's 建筑工程施工许可证核发 (construction permit) requires 施工图设计文件审查 (drawing review) of the same bureau, which rests only on a departmental rule.

### Use instead
Merge the two items, or make the prerequisite an internal step of the department that the applicant does not apply for.

### References
Administrative License Law of the PRC, Art. 26(1); the reform's removal of approvals nested in approvals; items taken over by an approval bureau under Art. 25 are each judged by their own basis.
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
            reason = _reason(ctx, item, other)
            if reason is None:
                continue
            yield _finding(ctx, item, other, reason)


def _reason(ctx: CheckContext, item: Item, other: Item) -> str | None:
    """Why ``other`` nested in ``item`` is one procedure split in two, or None if it is not."""
    if one_procedure(ctx, item, other):
        return "one_procedure"
    if not established_license(ctx, other):
        return "not_established"
    return None


def one_procedure(ctx: CheckContext, item: Item, other: Item) -> bool:
    """The two names differ only by a word naming a step of a procedure."""
    first = name_key(ctx, item)
    second = name_key(ctx, other)
    return _stem(first) == _stem(second) and first != second


def _stem(key: str) -> str:
    for word in STAGE_WORDS:
        if key.endswith(word) and len(key) > len(word) + 1:
            return key[: -len(word)]
    return key


def _finding(ctx: CheckContext, item: Item, other: Item, reason: str) -> Finding:
    if reason == "one_procedure":
        why_zh = "两者是同一程序的两个环节"
        why_en = "the two are steps of one procedure"
    else:
        why_zh = f"{other.id} 不是法律、法规单独设立的行政许可"
        why_en = f"{other.id} is no license set by a law or regulation of its own"
    return META.finding(
        ctx,
        items=[item.id, other.id],
        message_zh=(
            f"{wording.zh(ctx, item.id)}要求先取得同一部门（{item.department}）的"
            f"{wording.zh(ctx, other.id)}，{why_zh}：大审批套小审批"
        ),
        message_en=(
            f"{wording.en(ctx, item.id)} requires {wording.en(ctx, other.id)} "
            f"of the same department ({item.department}), and {why_en}: "
            "an approval nested in an approval"
        ),
        witness={"edge": [other.id, item.id], "department": item.department, "reason": reason},
        fix=Fix(
            message_zh=f"合并 {item.id} 与 {other.id}，或把 {other.id} 改为部门内部环节",
            message_en=f"merge {item.id} and {other.id}, or make {other.id} an internal step",
        ),
    )
