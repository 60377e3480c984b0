"""PL106 disguised-filing 以备案之名行审批之实: a filing that can refuse."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import DecisionKind, Item, Kind
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL106",
    name="disguised-filing",
    name_zh="以备案之名行审批之实",
    severity=Severity.error,
    area="structure",
    needs=("decision",),
    needs_kinds=frozenset({Kind.filing}),
    citation='《中华人民共和国行政许可法》第二条、第十四条至第十七条；清理以"备案管理"之名行审批之实',
    law=("xzxkf:2", "xzxkf:14", "xzxkf:15", "xzxkf:16", "xzxkf:17"),
    summary_zh="备案事项可以不予备案（approve_or_refuse）：实为审批",
    summary_en="a filing item may refuse (approve_or_refuse): an approval under another name",
    doc_zh="""\
### 功能
找出事项类型为备案（`kind: filing`）、而决定方式写明为可以准予或不予（`decision: approve_or_refuse`）的事项。备案没有写 `decision` 的，按备案的本义（只登记、不审查决定）理解为 `record_only`。

### 问题
备案是部门登记在案，不作准予或不予的决定。能够拒绝的"备案"就是经审查准予从事特定活动的行为，即行政许可（《行政许可法》第二条），却没有按许可设定（第十四条至第十七条）、没有法定时限和程序约束。各地清理把"以备案管理之名行审批之实"列为典型问题。一项只作登记的备案被法律、行政法规规定为其他事项的前置时是合法的，其依据由 PL102 判断。

### 示例
`kind: filing`、`decision: approve_or_refuse` 的「建设工程竣工验收备案」。

### 修改
确需审查决定的，依法设定为行政许可并写明设定依据；否则改为只作登记的备案（`decision: record_only`），不得不予备案。

### 依据
《中华人民共和国行政许可法》第二条、第十四条至第十七条；清理以"备案管理"之名行审批之实的要求。
""",
    doc_en="""\
### What it does
Finds items of kind filing (`kind: filing`) whose decision is written as approve or refuse (`decision: approve_or_refuse`). A filing with no `decision` is read as `record_only`, which is what a filing is.

### Why is this bad?
A filing records; it does not grant or refuse. A "filing" that can refuse is a review that permits an activity, i.e. a license (Administrative License Law Art. 2), set without the basis Arts. 14–17 require and without its time limits and procedure. County reports name "approvals run under the name of filings" as a typical defect. A record-only filing that a law or administrative regulation makes a prerequisite of another item is lawful; PL102 judges that basis.

### Example
「建设工程竣工验收备案」 with `kind: filing` and `decision: approve_or_refuse`.

### Use instead
If a decision is really needed, set it up as a license with its legal basis; otherwise make it a record-only filing (`decision: record_only`) that cannot be refused.

### References
Administrative License Law of the PRC, Arts. 2 and 14–17; the reform's removal of approvals disguised as filings.
""",
)


def decides(item: Item) -> DecisionKind | None:
    """The item's decision (a v1 filing that does not say is a record; None: unknown)."""
    return item.decision


def check(ctx: CheckContext) -> Iterator[Finding]:
    for item in ctx.catalog.items:
        if item.kind is not Kind.filing or decides(item) is not DecisionKind.approve_or_refuse:
            continue
        yield META.finding(
            ctx,
            items=[item.id],
            message_zh=f"备案事项{wording.zh(ctx, item.id)}可以不予备案，实为审批",
            message_en=f"the filing {wording.en(ctx, item.id)} may refuse: it is an approval in disguise",
            witness={"kind": item.kind.value, "decision": DecisionKind.approve_or_refuse.value},
            fix=Fix(
                message_zh=f"将 {item.id} 依法设定为行政许可并写明依据，或改为只作登记的备案（record_only）",
                message_en=(
                    f"set {item.id} up as a license with its legal basis, or make it a "
                    "record-only filing"
                ),
            ),
        )
