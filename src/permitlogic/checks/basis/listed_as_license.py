"""PL206 listed-as-license 非许可事项列为行政许可: a filing or a transaction published as a license."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support.item_names import name_readings
from permitlogic.check_support.transactions import NameReading
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item, Kind
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.names import department_key

META = CheckMeta(
    id="PL206",
    name="listed-as-license",
    name_zh="非许可事项列为行政许可",
    severity=Severity.warning,
    area="basis",
    law=("xzxkf:2", "gbf2022_2"),
    citation=(
        "《中华人民共和国行政许可法》第二条；"
        "《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）"
    ),
    summary_zh="备案、书面报告、告知，或某项许可的变更、延续、注销、补证、换证、配发、校验，被单列为一项行政许可",
    summary_en=(
        "a filing, report or notice, or a change, renewal, cancellation, replacement, "
        "reissue, issue or check of a license, is listed as a license of its own"
    ),
    doc_zh="""\
### 功能
对每个行政许可事项（不含已挂在上级事项下的子项、业务办理项），读它的名称：以「备案」「备案证明」「异地备案」「书面报告」「告知」结尾的，是备案或报告，不是许可；名称是"某许可证（许可、证书、执照、登记、执业……）+ 变更、延续、延期、注销、补办、补发、换发、配发、校验"的，是那项许可的一个业务办理项，不是一项单独的许可。两种都报告，并指出本目录中同一部门的那项许可（有的话）。名称中的（县级）（即办件）（承诺件）等注记不影响判断。

### 问题
行政许可是准予从事特定活动的决定（《行政许可法》第二条）。备案、书面报告只是告知行政机关，不能作为许可实施；把许可证的变更、注销、补办单列为"行政许可"，许可事项数量虚增，同一许可的条件、时限、依据被拆成几条各写各的，清单也与全国统一的行政许可事项清单（国办发〔2022〕2号，同一事项的子项和业务办理项列在事项之下）对不上。

### 示例
区公安分局把「第三类易制毒化学品运输备案证明」列为行政许可；区交通运输局把「道路货运经营许可（注销）」「道路货运经营许可（换发）」各列为一项行政许可。

### 修改
备案、报告类事项改列为行政备案或其他行政权力；许可的变更、延续、注销、补证等改作该许可的业务办理项（在目录中写 `parent: 许可事项编码`，或列入其 `transactions`）。

### 依据
《中华人民共和国行政许可法》第二条；《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）。
""",
    doc_en="""\
### What it does
Reads the name of every license item (sub-items and transactions already placed under an item are left alone): a name ending in 备案, 备案证明, 异地备案, 书面报告 or 告知 is a filing or a report, not a license; a name made of a licence (许可证, 许可, 证书, 执照, 登记, 执业 …) and 变更, 延续, 延期, 注销, 补办, 补发, 换发, 配发 or 校验 is a transaction of that license, not a license of its own. Both are reported, with the license of the same department in this catalog where there is one. Notes in the name such as （县级）, （即办件）, （承诺件） do not change the reading.

### Why is this bad?
A license is a decision allowing a particular activity (Administrative License Law Art. 2). A filing or a written report only informs the authority and cannot be run as a license; listing a license's change, cancellation or replacement as licenses of their own inflates the count, splits one license's conditions, limits and bases into several rows that drift apart, and no longer matches the national license list, which keeps sub-items and transactions under their item (国办发〔2022〕2号).

### Example
A district police bureau lists 第三类易制毒化学品运输备案证明 (a filing certificate) as a license; a transport bureau lists 道路货运经营许可（注销） and 道路货运经营许可（换发） each as a license.

### Use instead
List filings and reports as filings or other powers; make a license's change, renewal, cancellation or replacement a transaction of that license (`parent: <license id>` in the catalog, or its `transactions`).

### References
Administrative License Law of the PRC, Art. 2; General Office of the State Council, 国办发〔2022〕2号.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    jurisdiction = ctx.catalog.catalog.jurisdiction
    readings = name_readings(ctx)
    grants: dict[tuple[str, str], Item] = {}
    for item in ctx.catalog.items:
        reading = readings[item.id]
        if item.kind is Kind.license and reading.transaction is None and reading.filing is None:
            grants.setdefault((department_key(item.department, jurisdiction), reading.stem), item)
    for item in ctx.catalog.items:
        if item.kind is not Kind.license or item.parent is not None:
            continue
        reading = readings[item.id]
        if reading.transaction is None and reading.filing is None:
            continue
        grant = grants.get((department_key(item.department, jurisdiction), reading.stem))
        yield _finding(ctx, item, reading, grant)


def _finding(ctx: CheckContext, item: Item, reading: NameReading, grant: Item | None) -> Finding:
    items = [item.id] if grant is None else [item.id, grant.id]
    if reading.filing is not None:
        reason, word = "filing", reading.filing
        what_zh = f"名称表明它是「{word}」，是备案或报告，不是行政许可"
        what_en = f"its name says {word}: a filing or a report, not a license"
        fix_zh = "改列为行政备案或其他行政权力，不作为行政许可实施"
        fix_en = "list it as a filing or another power, not as a license"
    else:
        reason, word = "transaction", reading.transaction or ""
        of_zh = f"{grant.id}「{grant.name}」" if grant is not None else "所属许可"
        of_en = f"{grant.id} ({grant.name})" if grant is not None else "its license"
        what_zh = f"是{of_zh}的{word}业务，不是一项单独的行政许可"
        what_en = f"is the {word} of {of_en}, not a license of its own"
        fix_zh = f"改作{of_zh}的业务办理项" + (
            f"（parent: {grant.id}）" if grant is not None else ""
        )
        fix_en = f"make it a transaction of {of_en}" + (
            f" (parent: {grant.id})" if grant is not None else ""
        )
    return META.finding(
        ctx,
        items=items,
        message_zh=f"行政许可 {item.id}「{item.name}」{what_zh}",
        message_en=f"the license {item.id} ({item.name}) {what_en}",
        witness={
            "reason": reason,
            "word": word,
            "matter": reading.stem,
            "license": grant.id if grant is not None else None,
        },
        fix=Fix(message_zh=fix_zh, message_en=fix_en),
    )
