"""RL004 deadline-exceeds-statute 期限超法定: a pack's time limit is longer than the statute's."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from permitlogic.law.citation import parse_ref
from permitlogic.models.report import Severity
from permitlogic.packs.lint.base import LintFinding, LintMeta, PackSet

META = LintMeta(
    id="RL004",
    name="deadline-exceeds-statute",
    name_zh="期限超法定",
    severity=Severity.error,
    citation="《中华人民共和国行政许可法》第三十二条第一款第（四）项、第四十二条",
    law=("xzxkf:32", "xzxkf:42"),
    summary_zh="规则包中的期限（默认办理时限、联合办理上限、一次告知期限）长于它所对应的法定期限",
    summary_en="a time limit of a pack (default decision limit, joint bound, notice period) is longer than the statutory one it stands for",
    doc_zh="""\
### 功能
把规则包中代表法定期限的数字与登记中该条文的期限对照：`checks.yaml` 的 `statute_default_days`（第四十二条第一款，二十日）、`statute_joint_days` 和 `joint_bound_days`（第四十二条第二款，四十五日），`deferral.yaml` 的 `notice_working_days`（第三十二条第一款第（四）项，五日）。规则包的数字更长的，报告错误。

### 问题
这些数字是检查和判定用来代替法律的。写长了，超过法定期限的承诺（PL301、PL312）和逾期的一次告知就不再被发现；延长期（十日、十五日）须经批准，不能当作常规期限。

### 示例
`thresholds: {statute_default_days: 30}`：第四十二条是二十日，三十日是把须经批准的延长十日算了进去。

### 修改
改回法定期限或更短。

### 依据
《中华人民共和国行政许可法》第三十二条第一款第（四）项、第四十二条。
""",
    doc_en="""\
### What it does
Compares the numbers of a pack that stand for statutory periods with the periods the register records for the article: `statute_default_days` (Art. 42(1), 20 days), `statute_joint_days` and `joint_bound_days` (Art. 42(2), 45 days) of `checks.yaml`, and `notice_working_days` (Art. 32(1)(4), 5 days) of `deferral.yaml`. A longer number is an error.

### Why is this bad?
The checks and decisions use these numbers in place of the law. Written too long, promises beyond the statute (PL301, PL312) and late notices are no longer found; the extensions (10 and 15 days) need approval and are not the regular limit.

### Example
`thresholds: {statute_default_days: 30}`: Art. 42 gives 20 days; 30 counts the extension of 10 that needs approval.

### Use instead
Set the number back to the statutory period or shorter.

### References
Administrative License Law of the PRC, Art. 32(1)(4) and Art. 42.
""",
)


@dataclass(frozen=True)
class _Limit:
    file: Path
    key: str
    days: int
    ref: str
    joint: bool


def lint(packs: PackSet) -> Iterator[LintFinding]:
    for limit in _limits(packs):
        statute = _statute_days(packs, limit)
        if statute is None or limit.days <= statute:
            continue
        doc, article = packs.register.resolve(parse_ref(limit.ref))
        label = article.label if article else ""
        yield META.finding(
            limit.file,
            limit.key,
            f"{limit.days} 日，长于《{doc.title}》{label}规定的 {statute} 日",
            f"{limit.days} days, longer than the {statute} days of 《{doc.title}》{label}",
            packs.register,
        )


def _limits(packs: PackSet) -> list[_Limit]:
    found = []
    if packs.checks is not None:
        path, t = packs.path("checks.yaml"), packs.checks.thresholds
        found += [
            _Limit(
                path, "thresholds.statute_default_days", t.statute_default_days, "xzxkf:42", False
            ),
            _Limit(path, "thresholds.statute_joint_days", t.statute_joint_days, "xzxkf:42", True),
            _Limit(path, "thresholds.joint_bound_days", t.joint_bound_days, "xzxkf:42", True),
        ]
    if packs.deferral is not None:
        found.append(
            _Limit(
                packs.path("deferral.yaml"),
                "notice_working_days",
                packs.deferral.notice_working_days,
                "xzxkf:32",
                False,
            )
        )
    return found


def _statute_days(packs: PackSet, limit: _Limit) -> int | None:
    try:
        _, article = packs.register.resolve(parse_ref(limit.ref))
    except KeyError:
        return None
    days = [d.days for d in (article.deadlines if article else []) if d.joint == limit.joint]
    return max(days) if days else None
