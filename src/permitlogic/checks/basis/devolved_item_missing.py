"""PL205 devolved-item-missing 下放未承接: an item devolved to this level is not in the catalog."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support.reference_match import (
    entries_with_status,
    entry_document,
    entry_source_en,
    entry_source_zh,
    entry_witness,
    items_by_name,
)
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.reference import ReferenceStatus
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL205",
    name="devolved-item-missing",
    name_zh="下放未承接",
    severity=Severity.warning,
    area="basis",
    citation="上级人民政府下放行政审批事项的决定（参考清单所列文件）",
    summary_zh="上级下放到本级的事项不在目录中（需 --reference 清单）",
    summary_en="an item the upper level devolved to this level is missing (needs --reference)",
    needs_reference=True,
    doc_zh="""\
### 功能
需要 `--reference` 清单。把清单中状态为"下放"的事项名称与目录中的事项名称按 PL108 的方法规范化后比较，找出上级已经下放、目录中却没有的事项。

### 问题
下放的事项本级不承接，申请人找不到办理的部门，上级又已不再受理，事项落空。各地清理中发现"有的没有及时将省市下放的项目纳入本单位职能"。

### 示例
清单：`{name: 建设工程消防验收备案, status: devolved, document: 市政府关于下放一批行政审批事项的决定}`；目录中没有这个事项。

### 修改
确定承接部门，把该事项连同设定依据、时限和材料列入目录。

### 依据
参考清单所列的上级下放决定。
""",
    doc_en="""\
### What it does
Needs `--reference`. Compares the names of entries with status devolved to the catalog's item names, both normalized as PL108 does, and reports devolved items the catalog does not have.

### Why is this bad?
If this level does not take up a devolved item, applicants find no department to apply to while the upper level no longer accepts applications. County reviews found departments "not taking up items devolved by the province and city".

### Example
The list has `{name: 建设工程消防验收备案, status: devolved, document: ...}`; the catalog has no such item.

### Use instead
Choose the department that takes it up and list the item with its basis, time limit and materials.

### References
The upper level's decision named in the reference list.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    assert ctx.reference is not None  # the runner runs this check only with a reference list
    by_name = items_by_name(ctx)
    for entry, key in entries_with_status(ctx, ReferenceStatus.devolved):
        if key in by_name:
            continue
        yield META.finding(
            ctx,
            items=[],
            message_zh=f"上级已下放「{entry.name}」{entry_source_zh(entry)}，目录中没有承接的事项",
            message_en=(
                f"the upper level devolved {entry.name}{entry_source_en(entry)}, "
                "and no item of the catalog takes it up"
            ),
            witness=entry_witness(entry, key),
            citation=entry_document(entry),
            fix=Fix(
                message_zh=f"确定承接部门，将「{entry.name}」列入目录",
                message_en=f"choose a department to take up {entry.name} and list it in the catalog",
            ),
        )
