"""PL303 too-many-review-levels 审查层级过多: more levels of review than the reform allows."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Change, Finding, Fix, Severity

META = CheckMeta(
    id="PL303",
    name="too-many-review-levels",
    name_zh="审查层级过多",
    severity=Severity.warning,
    area="time",
    needs=("review_levels",),
    citation="审批制度改革：审查层级原则上不超过两级（规则包 max_review_levels）",
    law=("xzgfql", "xzznzh"),
    summary_zh="审查层级（受理、审查、决定之间的环节）超过两级",
    summary_en="more than two levels of review (hops between acceptance, review and decision)",
    doc_zh="""\
### 功能
找出审查层级（review_levels）超过规则包上限的事项。上限默认两级，由 rules/checks.yaml 的 max_review_levels 给出。

### 问题
改革要求审批"一审一核"、最多两级审查。每多一级审查，就多一次流转和等待，承诺时限难以压缩，责任也被层层稀释。

### 示例
`review_levels: 3`：受理后由科室审核、分管领导审查、局长办公会审批，三级。

### 修改
合并审查环节，实行"一审一核"（review_levels: 1），最多不超过两级；需要集体研究的，改为事后报备或授权审批。

### 依据
各地审批制度改革方案：审批环节原则上不超过两级（seed 004）；"一审一核"（seed 003）。
""",
    doc_en="""\
### What it does
Finds items whose review_levels exceed the rule pack's maximum (two by default: max_review_levels in rules/checks.yaml).

### Why is this bad?
The reform allows at most two levels of review ("one review, one decision" as the norm). Each extra level adds a hand-over and a wait, keeps the promised limit long and dilutes responsibility.

### Example
`review_levels: 3`: a section reviews, a deputy director reviews again, the director's meeting decides.

### Use instead
Merge the reviews into one review and one decision (review_levels: 1), never more than two; delegate what a meeting decided.

### References
The reform plans: no more than two levels of review (seed 004); 一审一核 (seed 003).
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    most = ctx.pack.thresholds.max_review_levels
    for item in ctx.catalog.items:
        if item.review_levels is None or item.review_levels <= most:
            continue
        yield META.finding(
            ctx,
            items=[item.id],
            message_zh=(
                f"{item.id}「{item.name}」经 {item.review_levels} 级审查，超过 {most} 级的上限"
            ),
            message_en=(
                f"{item.id} ({item.name}) has {item.review_levels} levels of review, "
                f"more than the {most} allowed"
            ),
            witness={"review_levels": item.review_levels, "max_review_levels": most},
            fix=Fix(
                message_zh=f"合并 {item.id} 的审查环节，不超过 {most} 级（宜一审一核）",
                message_en=f"merge {item.id}'s reviews into at most {most} levels (ideally one)",
                changes=[
                    Change(item=item.id, field="review_levels", old=item.review_levels, new=most)
                ],
            ),
        )
