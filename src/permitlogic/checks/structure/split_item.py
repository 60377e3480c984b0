"""PL111 split-item 同一事项拆分到不同部门: a license in one department, its transactions in another."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from permitlogic.check_support.item_names import name_readings
from permitlogic.check_support.transactions import NameReading
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.names import department_key, plain

META = CheckMeta(
    id="PL111",
    name="split-item",
    name_zh="同一事项拆分到不同部门",
    severity=Severity.warning,
    area="structure",
    law=("xzxkf:26", "gbf2022_2"),
    citation="《中华人民共和国行政许可法》第二十六条第一款；《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）",
    summary_zh="同一事项的新办在一个部门，变更、延续、校验等业务在另一个部门",
    summary_en="one matter is granted by one department while its changes, renewals or checks sit with another",
    doc_zh="""\
### 功能
把事项名称读成"事项 + 业务"（「医疗机构执业许可证校验」是「医疗机构执业」的校验，「排污许可证变更」是「排污」的变更；业务用语为变更、延续、延期、注销、补证、换证、配发、校验），按事项（名称去掉许可证、核发、登记等用语后的部分；目录给出基本编码的，按基本编码）归组，找出新办在一个部门、变更等业务在另一个部门的事项，逐对报告。

### 问题
同一事项的新办和后续业务由不同部门办理，申请人变更、延续时要换一个窗口，两个部门各自保存一半的档案，也说不清谁对许可证负责。实行相对集中行政许可权后，常见审批局承接了新办，后续业务还留在原部门，或反过来。同一事项应当由一个部门统一受理、统一送达（《行政许可法》第二十六条第一款），事项清单要求同一事项的名称、编码、依据统一（国办发〔2022〕2号）。

### 示例
县卫生健康局实施「公共场所卫生许可」，县行政审批服务局实施「公共场所卫生许可证变更」。

### 修改
把新办和全部后续业务划归同一部门，作为一个事项的业务办理项公布。

### 依据
《中华人民共和国行政许可法》第二十六条第一款；《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）。
""",
    doc_en="""\
### What it does
Reads each item name as a matter and a transaction (医疗机构执业许可证校验 is the annual check of 医疗机构执业; 排污许可证变更 the change of 排污; the transaction words are 变更, 延续, 延期, 注销, 补证, 换证, 配发, 校验), groups items by matter (the name without licence, certificate and issuing words; the basic code where the catalog gives one), and reports each pair where the matter is granted by one department and one of its transactions sits with another.

### Why is this bad?
When a license is granted by one department and changed or renewed by another, the applicant goes to another window for every change, each department keeps half the file, and nobody clearly answers for the license. It is common after an approval bureau takes over the grants while the changes stay with the old department, or the other way round. One department accepts and delivers for one matter (Administrative License Law Art. 26(1)); the license list gives each matter one name, code and basis (国办发〔2022〕2号).

### Example
县卫生健康局 grants 公共场所卫生许可; 县行政审批服务局 handles 公共场所卫生许可证变更.

### Use instead
Give the grant and every later transaction to one department, published as the transactions of one item.

### References
Administrative License Law of the PRC, Art. 26(1); 国办发〔2022〕2号.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    jurisdiction = ctx.catalog.catalog.jurisdiction
    groups: dict[str, list[tuple[Item, NameReading]]] = defaultdict(list)
    readings = name_readings(ctx)
    for item in ctx.catalog.items:
        reading = readings[item.id]
        if reading.filing is not None:
            continue
        for key in matter_keys(item, reading):
            groups[key].append((item, reading))
    pairs: dict[tuple[str, str], tuple[Item, Item, NameReading]] = {}
    for members in groups.values():
        grants = [i for i, r in members if r.transaction is None]
        later = [(i, r) for i, r in members if r.transaction is not None]
        for grant in grants:
            for other, reading in later:
                if department_key(grant.department, jurisdiction) != department_key(
                    other.department, jurisdiction
                ):
                    pairs.setdefault((grant.id, other.id), (grant, other, reading))
    ordered = sorted(pairs.values(), key=lambda p: (ctx.index[p[0].id], ctx.index[p[1].id]))
    for grant, other, reading in ordered:
        yield _finding(ctx, grant, other, reading)


def matter_keys(item: Item, reading: NameReading) -> list[str]:
    """The matter stem of the name, and the basic code (基本编码) where the catalog gives one."""
    keys = ["name:" + reading.stem]
    if item.basic_code and item.basic_code.strip():
        keys.append("code:" + plain(item.basic_code))
    return keys


def _finding(ctx: CheckContext, grant: Item, other: Item, reading: NameReading) -> Finding:
    transaction = reading.transaction or ""
    return META.finding(
        ctx,
        items=[grant.id, other.id],
        message_zh=(
            f"{grant.department}实施 {grant.id}「{grant.name}」，其{transaction}业务"
            f" {other.id}「{other.name}」却由{other.department}办理：同一事项拆分到两个部门"
        ),
        message_en=(
            f"{grant.department} grants {grant.id} ({grant.name}), while its {transaction} "
            f"{other.id} ({other.name}) sits with {other.department}: one matter split across "
            "two departments"
        ),
        witness={
            "items": [grant.id, other.id],
            "departments": [grant.department, other.department],
            "matter": reading.stem,
            "transaction": transaction,
        },
        fix=Fix(
            message_zh=(
                f"把 {grant.id} 与 {other.id} 划归同一部门，作为一个事项的业务办理项（新办、{transaction}）公布"
            ),
            message_en=(
                f"give {grant.id} and {other.id} to one department and publish them as the "
                f"transactions of one item (grant, {transaction})"
            ),
        ),
    )
