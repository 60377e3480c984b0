"""PL302 reduction-target-missed 压缩未达标: a promise not cut by the reform's target."""

from __future__ import annotations

import math
from collections.abc import Iterator
from fractions import Fraction
from functools import lru_cache

from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Change, Finding, Fix, Severity

META = CheckMeta(
    id="PL302",
    name="reduction-target-missed",
    name_zh="压缩未达标",
    severity=Severity.warning,
    area="time",
    citation="审批时限压缩要求：承诺时限在原有基础上压缩 30% 以上（规则包 reduction_target）",
    law=("xzgfql", "xzznzh"),
    summary_zh="承诺时限比原承诺时限压缩不足 30%（向下取整）",
    summary_en="the promise is not cut by at least 30% from the previous one (rounded down)",
    doc_zh="""\
### 功能
对填写了原承诺时限（previous_promised_days）的事项，检查新的承诺时限是否压缩到位：允许的最长承诺为 (1 − 压缩目标) × 原承诺时限，向下取整为整数个工作日。压缩目标默认 30%，由规则包 rules/checks.yaml 的 reduction_target 给出。

### 问题
改革要求各项审批的承诺时限在原有基础上至少压缩 30%。未达标的事项拖累整条审批流程，也说明该项的流程没有真正再造。

### 示例
原承诺 20 日，新承诺 18 日：允许的最长承诺为 ⌊0.7 × 20⌋ = 14 日，18 日未达标。

### 修改
把承诺时限压缩到允许的最长承诺以内（上例为 14 日以内），通过精简材料、并联办理、减少审查层级实现。

### 依据
各地审批制度改革方案：行政审批事项承诺时限在法定时限基础上压缩 30% 以上（见 seeds 003、004）。
""",
    doc_en="""\
### What it does
For items with a previous promise (previous_promised_days), checks the new promise is cut enough: the longest allowed is (1 − target) × previous, rounded down to whole working days. The target (30% by default) is the rule pack's reduction_target.

### Why is this bad?
The reform asks every promised limit to be cut by at least 30%. An item that is not holds up the whole project path and shows its procedure was not re-engineered.

### Example
Previous promise 20 days, new promise 18: at most ⌊0.7 × 20⌋ = 14 days is allowed, so 18 misses the target.

### Use instead
Promise no more than the allowed limit (14 days above), by cutting materials, handling in parallel, dropping review levels.

### References
The reform plans: cut promised limits by at least 30% (seeds 003, 004).
""",
)


@lru_cache(maxsize=4096)
def allowed_days(previous: int, target: float) -> int:
    """⌊(1 − target) × previous⌋, computed exactly (0.3 is not exact in binary)."""
    return math.floor((1 - Fraction(str(target))) * previous)


def check(ctx: CheckContext) -> Iterator[Finding]:
    target = ctx.pack.thresholds.reduction_target
    percent = f"{round(target * 100, 2):g}"
    for item in ctx.catalog.items:
        previous, promised = item.previous_promised_days, item.promised_days
        if previous is None or promised is None:
            continue
        allowed = allowed_days(previous, target)
        if promised <= allowed:
            continue
        yield META.finding(
            ctx,
            items=[item.id],
            message_zh=(
                f"{item.id}「{item.name}」承诺时限由 {previous} 日压缩为 {promised} 日，"
                f"未达到压缩 {percent}% 的要求（应不超过 {allowed} 日）"
            ),
            message_en=(
                f"{item.id} ({item.name}) cuts its promise from {previous} to {promised} days, "
                f"short of the {percent}% target (at most {allowed} days)"
            ),
            witness={
                "previous_promised_days": previous,
                "promised_days": promised,
                "target": target,
                "allowed_days": allowed,
            },
            fix=Fix(
                message_zh=f"将 {item.id} 的承诺时限由 {promised} 日压缩至 {allowed} 日以内",
                message_en=f"cut {item.id}'s promise from {promised} to at most {allowed} days",
                changes=[Change(item=item.id, field="promised_days", old=promised, new=allowed)],
            ),
        )
