"""PL304 single-review-rate 一审一核比例: too few of a department's licenses have one review."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support.rates import RateWords, department_shares, rate_findings
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Kind
from permitlogic.models.report import Finding, Severity

META = CheckMeta(
    id="PL304",
    name="single-review-rate",
    name_zh="一审一核比例",
    severity=Severity.warning,
    area="time",
    needs=("review_levels",),
    needs_kinds=frozenset({Kind.license}),
    citation="审批制度改革：行政许可事项实行一审一核的比例达到 90%（规则包 single_review_rate）",
    law=("xzznzh",),
    summary_zh="某部门实行一审一核（审查层级为 1）的行政许可事项不足 90%",
    summary_en="under 90% of a department's licenses have a single level of review (一审一核)",
    doc_zh="""\
### 功能
按实施机关统计其行政许可事项（kind: license）中审查层级为 1（一审一核）的比例，低于规则包 single_review_rate（默认 90%）的，报告该部门，并列出未实行一审一核的事项。没有行政许可事项的部门不统计。

### 问题
改革要求 90% 的行政许可事项实行"一审一核"。比例不达标，说明该部门的审批仍层层把关，时限压缩和责任落实都难以到位。

### 示例
县交通运输局有 5 项行政许可，只有 3 项 `review_levels: 1`，比例 60%，低于 90%。

### 修改
把列出的事项改为一审一核（review_levels: 1），至少改到比例达标。

### 依据
各地审批制度改革方案：一审一核比例达到 90%（seed 003）。
""",
    doc_en="""\
### What it does
Per department, the share of its licenses (kind: license) with review_levels 1 (one review, one decision); under the rule pack's single_review_rate (90% by default) the department is reported with the licenses that have more levels. Departments with no license are not counted.

### Why is this bad?
The reform asks 90% of licenses to be decided after a single review. A department below that still passes files up several levels, which keeps limits long and responsibility vague.

### Example
县交通运输局 has 5 licenses, only 3 with `review_levels: 1`: 60%, under 90%.

### Use instead
Move the listed licenses to one review and one decision (review_levels: 1), at least until the share reaches the target.

### References
The reform plans: 一审一核 for 90% of license items (seed 003).
""",
)


_WORDS = RateWords(
    said_zh="{department} {counted} 项行政许可中一审一核的 {meeting} 项，",
    said_en="{department}: {meeting} of its {counted} licenses have a single review",
    fix_zh="至少再将 {needed} 项改为一审一核（review_levels: 1）：",
    fix_en="move at least {needed} more to a single review (review_levels: 1): ",
    meeting_key="single_review",
    counted_key="licenses",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    threshold = ctx.pack.thresholds.single_review_rate
    shares = department_shares(
        ctx.catalog.items,
        counted=lambda item: item.kind is Kind.license and item.review_levels is not None,
        meets=lambda item: item.review_levels == 1,
    )
    yield from rate_findings(META, ctx, threshold, shares, _WORDS)
