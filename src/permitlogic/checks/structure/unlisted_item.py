"""PL107 unlisted-item 目录之外无审批: a prerequisite names an item not in the catalog."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL107",
    name="unlisted-item",
    name_zh="目录之外无审批",
    severity=Severity.error,
    area="structure",
    citation="《优化营商环境条例》第四十条：“清单之外不得违法实施行政许可”；《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）",
    law=("yhyshjtl:40", "gbf2022_2"),
    summary_zh="前置条件引用了本目录中不存在的事项编码",
    summary_en="a prerequisite names an item id that is not in the catalog",
    doc_zh="""\
### 功能
找出前置条件中引用、但本目录并未列出的事项编码。

### 问题
国家实行行政许可清单管理制度，清单之外不得违法实施行政许可（《优化营商环境条例》第四十条；国办发〔2022〕2号要求依法设定的行政许可事项全部纳入清单）。一个不在目录中的事项被要求作为前置， 等于在目录之外另设了一道审批，申请人也无从办理。

### 示例
JS-004 的前置条件写了 `item: ZR-009`，而目录中没有 ZR-009。

### 修改
若该事项确应保留，把它按规定纳入目录并写明设定依据；否则删去这项前置条件。

### 依据
《优化营商环境条例》第四十条；《国务院办公厅关于全面实行行政许可事项清单管理的通知》（国办发〔2022〕2号）。
""",
    doc_en="""\
### What it does
Finds prerequisites that name an item id the catalog does not list.

### Why is this bad?
The State keeps a list of licences and none may be carried out outside it (Regulation on Optimizing the Business Environment Art. 40; 国办发〔2022〕2号 puts every lawfully set licence on the list). Requiring an unlisted item as a prerequisite sets up an approval outside it, which applicants cannot even apply for.

### Example
JS-004 lists `item: ZR-009` as a prerequisite; the catalog has no ZR-009.

### Use instead
If the item must stay, put it in the catalog with its legal basis; otherwise drop the prerequisite.

### References
Regulation on Optimizing the Business Environment, Art. 40; General Office of the State Council, 国办发〔2022〕2号 (licence list management).
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for item in ctx.catalog.items:
        for prerequisite in item.prerequisites:
            missing = prerequisite.item
            if missing is None or missing in ctx.items:
                continue
            yield META.finding(
                ctx,
                items=[item.id, missing],
                message_zh=f"{item.id}「{item.name}」的前置条件 {missing} 不在本目录中",
                message_en=f"{item.id} ({item.name}) requires {missing}, which is not in the catalog",
                witness={"item": item.id, "unlisted": missing},
                fix=Fix(
                    message_zh=f"将 {missing} 依法纳入目录，或删除 {item.id} 的这项前置条件",
                    message_en=f"list {missing} in the catalog with its basis, or drop it from {item.id}",
                ),
            )
