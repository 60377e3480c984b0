"""RL001 charge-without-basis 收费或保证金无依据: a condition demands a deposit or fee no law sets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from permitlogic.law.citation import parse_ref
from permitlogic.models.report import Severity
from permitlogic.packs.lint.base import LintFinding, LintMeta, PackSet, cited_texts

CHARGE = re.compile(r"保证金|保障金|押金|收费|缴纳[^，。；]{0,12}费")
# 优化营商环境条例 Art. 25: a law, an administrative regulation or State Council approval.
BASIS_LEVELS = {"law", "administrative_regulation", "state_council_decision"}

META = LintMeta(
    id="RL001",
    name="charge-without-basis",
    name_zh="收费或保证金无依据",
    severity=Severity.warning,
    citation="《优化营商环境条例》第二十五条；《国务院办公厅关于清理规范工程建设领域保证金的通知》（国办发〔2016〕49号）",
    law=("yhyshjtl:25", "gbf2016_49"),
    summary_zh="条件要求缴纳保证金或费用，但其 law 列表中没有法律、行政法规或国务院决定",
    summary_en="a condition demands a deposit or fee and its law list names no law, administrative regulation or State Council decision",
    doc_zh="""\
### 功能
找出名称或提示语要求缴纳保证金、保障金、押金或费用的条件（绿色通道底线条件、容缺受理规则），其 `law` 列表中没有一项是规定了保证金或收费的法律、行政法规或国务院决定条文（按登记的条文原文判断）的，报告警告。

### 问题
设立涉企保证金、涉企行政事业性收费，应当有法律、行政法规依据或者经国务院批准，目录清单之外的收费和保证金一律不得执行（《优化营商环境条例》第二十五条）。工程建设领域只保留投标、履约、工程质量和农民工工资四类保证金（国办发〔2016〕49号）。没有这种依据，把缴纳保证金作为办事条件，会被上级或复议机关撤销。

### 示例
默认绿色通道规则包的 GC-2b「已缴纳安全生产风险保障金」和 GC-2c「县城区项目已缴纳施工扬尘控制保证金」：两者只引县的改革方案。

### 修改
在 `law` 中写明设定该保证金或费用的法律、行政法规或国务院批准文件（并在 rules/law 中登记）；找不到的，删去该条件，或改为不收取资金的承诺、保函等方式。

### 依据
《优化营商环境条例》第二十五条；《国务院办公厅关于清理规范工程建设领域保证金的通知》（国办发〔2016〕49号）。
""",
    doc_en="""\
### What it does
Warns about every condition (green-channel baseline conditions, deferral rules) whose name or message demands a deposit, guarantee fund or fee while its `law` list names no article of a law, administrative regulation or State Council decision whose registered text provides for a deposit or fee.

### Why is this bad?
A deposit or administrative fee levied on enterprises needs a basis in a law or an administrative regulation, or State Council approval, and none outside the published list may be collected (Regulation on Optimizing the Business Environment, Art. 25). In construction only the bid, performance, quality and migrant-wage deposits remain (国办发〔2016〕49号). A deposit required without such a basis is one a higher authority or a review body will set aside.

### Example
GC-2b (work-safety risk deposit paid) and GC-2c (dust-control deposit paid, county town) of the default green-channel pack cite only the county's reform plan.

### Use instead
Name in `law` the law, administrative regulation or State Council approval that sets the charge (registered in rules/law); if there is none, drop the condition or replace the cash deposit with a commitment or a bank guarantee.

### References
Regulation on Optimizing the Business Environment, Art. 25; General Office of the State Council, 国办发〔2016〕49号.
""",
)


def _sets_a_charge(packs: PackSet, ref: str) -> bool:
    """Whether ``ref`` is national law whose registered text speaks of a deposit or fee."""
    try:
        doc, article = packs.register.resolve(parse_ref(ref))
    except (KeyError, ValueError):
        return False
    text = (article.quote if article else doc.quote) or ""
    return doc.level in BASIS_LEVELS and CHARGE.search(text) is not None


def lint(packs: PackSet) -> Iterator[LintFinding]:
    for cited in cited_texts(packs):
        if not cited.words or not CHARGE.search(cited.words):
            continue
        if any(_sets_a_charge(packs, ref) for ref in cited.law):
            continue
        yield META.finding(
            cited.file,
            cited.key,
            f"「{cited.name}」要求缴纳的款项没有法律、行政法规依据或者国务院批准（law 中未列出）",
            f"{cited.name} demands a payment that no law, administrative regulation or State Council approval in its law list sets",
            packs.register,
        )
