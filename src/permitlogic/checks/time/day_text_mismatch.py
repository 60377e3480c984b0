"""PL307 day-text-mismatch 时限数字与本条说明不符: a day count its own published wording contradicts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.law.numerals import parse_number
from permitlogic.models.catalog import Item
from permitlogic.models.report import Change, Finding, Fix, Severity

META = CheckMeta(
    id="PL307",
    name="day-text-mismatch",
    name_zh="时限数字与本条说明不符",
    severity=Severity.warning,
    area="time",
    citation="《中华人民共和国行政许可法》第三十条（期限应当公示）",
    law=("xzxkf:30",),
    summary_zh="事项的法定或承诺时限数字与同一条记录自己公布的时限说明不一致",
    summary_en="an item's statutory or promised days differ from the same record's own wording of them",
    doc_zh="""\
### 功能
对同时给出时限数字和时限说明（`statutory_text` / `promised_text`，如平台的 `anticipate_day_explain` / `promise_day_explain`）的事项，读出说明里写的天数（"受理之日起1个工作日"、"二十日内"）；说明写了天数、而时限数字不是其中任何一个的，报告该事项。说明里没有天数（如"无"、只引法条名）的不判断。

### 问题
同一条记录对申请人说两个不同的期限：办事指南上写"受理之日起1个工作日"，目录数字却是 24 日。申请人、监督部门和时限检查（PL301、全流程时限证明）各读一个，至少有一个是错的；公示的期限必须确定（行政许可法第三十条）。

### 示例
灵山县「全民健身设施拆迁或者改变用途批准」：`promise_day` 24，`promise_day_explain`「受理之日起1个工作日。」。

### 修改
核对后改正其中之一：说明是对的，就把数字改成说明里的天数；数字是对的，就改正说明。

### 依据
《中华人民共和国行政许可法》第三十条（期限应当公示）。
""",
    doc_en="""\
### What it does
For an item that gives both a day count and its wording (`statutory_text` / `promised_text`, e.g. the platform's `anticipate_day_explain` / `promise_day_explain`), reads the day counts the wording states ("受理之日起1个工作日", "二十日内"); where the wording states days and the number is none of them, reports the item. Wording without a day count ("无", a bare law title) is not judged.

### Why is this bad?
One record tells the applicant two limits: the guide says "1 working day from acceptance", the catalog's number says 24. Applicants, supervisors and the time checks (PL301, the chain proofs) each read one; at least one is wrong, and the published limit must be definite (Administrative License Law Art. 30).

### Example
Lingshan county's 全民健身设施拆迁或者改变用途批准: `promise_day` 24, `promise_day_explain` "受理之日起1个工作日。".

### Use instead
Check which is right and correct the other: write the wording's days as the number, or fix the wording.

### References
Administrative License Law of the PRC, Art. 30 (time limits shall be published).
""",
)

_DAYS = re.compile(r"([0-9]+|[零〇一二两三四五六七八九十百]+)\s*个?\s*(?:工作日|自然日|日|天)")


def stated_days(text: str) -> set[int]:
    """Every day count ``text`` states ("1个工作日", "二十日", "30天")."""
    found = set()
    for match in _DAYS.finditer(text):
        number = parse_number(match.group(1))
        if number is not None:
            found.add(number)
    return found


def check(ctx: CheckContext) -> Iterator[Finding]:
    for item in ctx.catalog.items:
        for field, days, text in (
            ("statutory_days", item.statutory_days, item.statutory_text),
            ("promised_days", item.promised_days, item.promised_text),
        ):
            if days is None or not text:
                continue
            said = stated_days(text)
            if said and days not in said:
                yield _finding(ctx, item, field, days, text, sorted(said))


def _finding(
    ctx: CheckContext, item: Item, field: str, days: int, text: str, said: list[int]
) -> Finding:
    which_zh = "法定时限" if field == "statutory_days" else "承诺时限"
    which_en = "statutory" if field == "statutory_days" else "promised"
    listed = "、".join(str(d) for d in said)
    changes = [Change(item=item.id, field=field, old=days, new=said[0])] if len(said) == 1 else []
    return META.finding(
        ctx,
        items=[item.id],
        message_zh=(
            f"{item.id}「{item.name}」的{which_zh}写为 {days} 日，"
            f"同一记录的说明却是「{text}」（{listed} 日）"
        ),
        message_en=(
            f"{item.id} ({item.name}) gives {which_en} days {days}, "
            f"but its own wording says {text!r} ({listed} days)"
        ),
        witness={field: days, "text": text, "text_days": said},
        fix=Fix(
            message_zh=f"核对后统一：把{which_zh}改为说明中的 {listed} 日，或改正说明",
            message_en=f"make them agree: write the wording's {listed} days, or fix the wording",
            changes=changes,
        ),
    )
