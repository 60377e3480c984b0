"""PL305 on-the-spot-rate 即办件率: too few of a department's items are decided on the spot."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support.rates import RateWords, department_shares, rate_findings
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Finding, Severity

META = CheckMeta(
    id="PL305",
    name="on-the-spot-rate",
    name_zh="即办件率",
    severity=Severity.info,
    area="time",
    needs=("on_the_spot",),
    citation="审批制度改革：提高即办件比例（规则包 on_the_spot_rate，默认 60%）；《中华人民共和国行政许可法》第三十四条第二款",
    law=("xzxkf:34", "xzznzh"),
    summary_zh="某部门的即办件（当场办结）不足其事项的 60%",
    summary_en="under 60% of a department's items are decided on the spot (即办件)",
    doc_zh="""\
### 功能
按实施机关统计其全部事项中即办件（on_the_spot: true，窗口当场办结）的比例，低于规则包 on_the_spot_rate（默认 60%）的，报告该部门，并列出不是即办件的事项。

### 问题
改革要求提高即办件的比例；能够当场作出决定的，《行政许可法》第三十四条第二款要求当场作出。规则包默认以 60% 为线。即办件比例低，申请人就要多跑、多等。

### 示例
县林业局 3 个事项中只有 1 个即办件，比例 33.33%，低于 60%。

### 修改
对材料齐全、标准明确、无需现场勘验的事项，改为即办件（on_the_spot: true），由窗口当场办结。

### 依据
提高即办件的比例（《县长在行政职能整合工作会发言》；60% 是规则包的默认值，所见的改革文件没有给出具体比例）；《中华人民共和国行政许可法》第三十四条第二款（申请材料齐全、符合法定形式，能够当场作出决定的，应当当场作出书面的行政许可决定）。
""",
    doc_en="""\
### What it does
Per department, the share of all its items decided on the spot (on_the_spot: true); under the rule pack's on_the_spot_rate (60% by default) the department is reported with the items that are not.

### Why is this bad?
The reform asks for more items decided on the spot, and Administrative License Law Art. 34(2) requires a decision on the spot where one can be made; the pack draws the line at 60% by default. A low share means more trips and more waiting for applicants.

### Example
县林业局 has 3 items, 1 on the spot: 33.33%, under 60%.

### Use instead
Decide on the spot (on_the_spot: true) the items with complete materials, clear criteria and no site inspection.

### References
Raise the share of items decided on the spot (the county head's speech on integrating licensing functions; 60% is the pack's default, no reform document read gives a figure); Administrative License Law Art. 34(2) (where the materials are complete and in legal form and the agency can decide on the spot, it shall decide on the spot in writing).
""",
)


_WORDS = RateWords(
    said_zh="{department} {counted} 个事项中即办件 {meeting} 个，",
    said_en="{department}: {meeting} of its {counted} items are decided on the spot",
    fix_zh="至少再将 {needed} 个事项改为即办件（on_the_spot: true），可从以下事项中选择：",
    fix_en="decide at least {needed} more on the spot (on_the_spot: true), from: ",
    meeting_key="on_the_spot",
    counted_key="total",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    threshold = ctx.pack.thresholds.on_the_spot_rate
    shares = department_shares(
        ctx.catalog.items,
        counted=lambda item: item.on_the_spot is not None,
        meets=lambda item: item.on_the_spot is True,
    )
    yield from rate_findings(META, ctx, threshold, shares, _WORDS)
