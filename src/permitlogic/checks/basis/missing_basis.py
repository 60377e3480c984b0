"""PL202 missing-basis 无设定依据: a license or non_license item with no legal basis."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support.known_law import cite_fix, item_law
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item, Kind
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL202",
    name="missing-basis",
    name_zh="无设定依据",
    severity=Severity.error,
    area="basis",
    needs=("basis",),
    needs_kinds=frozenset({Kind.license, Kind.non_license}),
    citation="《中华人民共和国行政许可法》第十四条、第十五条",
    law=("xzxkf:14", "xzxkf:15"),
    summary_zh="行政许可或非行政许可审批事项没有填写设定依据",
    summary_en="a license or non_license item has no legal basis",
    doc_zh="""\
### 功能
找出没有任何设定依据的行政许可和非行政许可审批事项。

### 问题
行政许可只能由法律、行政法规、国务院决定、地方性法规和省级政府规章设定（《行政许可法》第十四条、第十五条）。没有依据的审批，不得实施。

### 示例
`kind: license`，`basis: []`。

### 修改
写明设定依据（层级、名称、条款）；找不到依据的，取消该事项。

### 依据
《中华人民共和国行政许可法》第十四条、第十五条。
""",
    doc_en="""\
### What it does
Finds license and non_license items that cite no legal basis at all.

### Why is this bad?
Only laws, administrative regulations, State Council decisions, local regulations and provincial rules may set a license (Administrative License Law Arts. 14–15). An approval without a basis may not be carried out.

### Example
`kind: license` with `basis: []`.

### Use instead
Cite the basis (level, title, article); if there is none, abolish the item.

### References
Administrative License Law of the PRC, Arts. 14 and 15.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for item in ctx.catalog.items:
        if item.kind not in (Kind.license, Kind.non_license) or item.basis:
            continue
        if ctx.published:
            continue  # the list gives no 设定依据: unknown, not absent
        yield META.finding(
            ctx,
            items=[item.id],
            message_zh=f"{item.id}「{item.name}」（{item.kind.zh}）没有设定依据",
            message_en=f"{item.id} ({item.name}, {item.kind.value}) cites no legal basis",
            fix=_fix(item),
        )


def _fix(item: Item) -> Fix:
    """Cite the registered article where one sets the item; otherwise cite one or abolish it."""
    known = item_law(item)
    if known:
        return cite_fix(known, "设定依据", "the legal basis")
    return Fix(
        message_zh="写明设定依据（层级、名称、条款）；无依据的事项应予取消",
        message_en="cite the legal basis (level, title, article), or abolish the item",
    )
