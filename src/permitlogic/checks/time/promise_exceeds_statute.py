"""PL301 promise-exceeds-statute 承诺超法定: a promised limit longer than the statutory one."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support.unknown import judged
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import DayUnit
from permitlogic.models.report import Change, Finding, Fix, Severity
from permitlogic.timing.days import statute_days
from permitlogic.timing.units import allowed_in

META = CheckMeta(
    id="PL301",
    name="promise-exceeds-statute",
    name_zh="承诺超法定",
    severity=Severity.error,
    area="time",
    needs=("promised_days", "statutory_days"),
    citation="《中华人民共和国行政许可法》第四十二条",
    law=("xzxkf:42",),
    summary_zh="承诺时限长于法定时限（或第四十二条的默认时限：20 日，联合办理 45 日）",
    summary_en="the promised limit is longer than the statutory one (or Art. 42's default: 20 days, joint 45)",
    doc_zh="""\
### 功能
找出承诺时限（promised_days）长于法定时限的事项。法定时限取该事项的 statutory_days（法律、法规另有规定的时限）；未填写的，取《行政许可法》第四十二条的默认时限：20 个工作日，统一、联合、集中办理（joint）的 45 个工作日。默认时限由规则包 rules/checks.yaml 的 statute_default_days、statute_joint_days 给出。

### 问题
承诺时限是县里对申请人作出的、比法定时限更短的承诺。承诺长于法定时限，等于把法律规定的办理期限延长了，违反第四十二条；申请人在法定时限届满后仍拿不到决定，行政机关须承担逾期责任。

### 示例
`statutory_days` 未填写、`joint: false`，`promised_days: 25`：法定默认时限为 20 日，承诺 25 日超出 5 日。

### 修改
把承诺时限压缩到法定时限以内（并按改革要求比原承诺再压缩 30%）；确有法律、法规规定更长时限的，在 statutory_days 中写明。

### 依据
《中华人民共和国行政许可法》第四十二条：“除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日……但是，法律、法规另有规定的，依照其规定。依照本法第二十六条的规定，行政许可采取统一办理或者联合办理、集中办理的，办理的时间不得超过四十五日；四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日……”

“法律、法规另有规定的，依照其规定”限定的是第一款的二十日期限，不是第二款的四十五日。延长期（十日、十五日）须经批准，不是常规期限，本项不计入。
""",
    doc_en="""\
### What it does
Finds items whose promised limit (promised_days) is longer than the statutory one: the item's statutory_days (a special law's limit) or, when not given, the default of Administrative License Law Art. 42, 20 working days, 45 for joint/unified handling (joint). The defaults come from the rule pack (rules/checks.yaml: statute_default_days, statute_joint_days).

### Why is this bad?
A promise is the county's commitment to decide faster than the law requires. A promise longer than the statute extends the legal limit, which Art. 42 forbids; an applicant still waiting after the statutory limit is owed a decision.

### Example
No `statutory_days`, `joint: false`, `promised_days: 25`: the statute default is 20 days, the promise is 5 days over it.

### Use instead
Promise no more than the statutory limit (and, as the reform asks, 30% less than the previous promise); where a law or regulation really sets a longer limit, state it in statutory_days.

### References
Administrative License Law of the PRC, Art. 42: 20 days from acceptance, extendable by 10 with the approval of the agency's head, "unless a law or regulation provides otherwise" (this proviso qualifies the 20 days); unified, joint or centralized handling no more than 45 days, extendable by 15 with the approval of the government's head. The extensions need approval and are not counted as the regular limit.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    thresholds = ctx.pack.thresholds
    for item in ctx.catalog.items:
        promised = item.promised_days
        if promised is None or not judged(item, META.needs, ctx.published):
            continue
        statute = statute_days(item, thresholds)
        limit = allowed_in(item.promised_unit, statute, item.statutory_unit)
        if promised <= limit:
            continue
        if item.statutory_days is not None:
            source_zh, source_en = "法定时限", "statutory limit"
        elif item.joint:
            source_zh, source_en = "联合办理法定默认时限", "statute default for joint handling"
        else:
            source_zh, source_en = "法定默认时限", "statute default"
        unit_zh = item.promised_unit.zh
        unit_en = "working days" if item.promised_unit is DayUnit.working else "calendar days"
        mixed = item.promised_unit is not item.statutory_unit
        statute_zh = f"{statute}{item.statutory_unit.zh}" + (
            f"（任何受理日起至少只含 {limit}{unit_zh}）" if mixed else ""
        )
        statute_en = (
            f"{statute} "
            + ("working days" if item.statutory_unit is DayUnit.working else "calendar days")
            + (f" (at least {limit} {unit_en} from any date of acceptance)" if mixed else "")
        )
        witness: dict[str, object] = {
            "promised_days": promised,
            "statute_days": statute,
            "statute": "statutory_days" if item.statutory_days is not None else "art42",
        }
        if mixed:
            witness |= {
                "promised_unit": item.promised_unit.value,
                "statutory_unit": item.statutory_unit.value,
                "allowed_days": limit,
            }
        yield META.finding(
            ctx,
            items=[item.id],
            message_zh=(
                f"{item.id}「{item.name}」承诺 {promised}{unit_zh}，"
                f"超过{source_zh} {statute_zh}（多 {promised - limit} 日）"
            ),
            message_en=(
                f"{item.id} ({item.name}) promises {promised} {unit_en}, "
                f"{promised - limit} over the {source_en} of {statute_en}"
            ),
            witness=witness,
            fix=Fix(
                message_zh=f"将 {item.id} 的承诺时限由 {promised} 日压缩至不超过 {limit} 日",
                message_en=f"cut {item.id}'s promise from {promised} to at most {limit} days",
                changes=[Change(item=item.id, field="promised_days", old=promised, new=limit)],
            ),
        )
