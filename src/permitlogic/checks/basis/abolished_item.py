"""PL204 abolished-item 已取消仍实施: an item the upper level abolished is still listed."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.check_support.reference_match import (
    entries_with_status,
    entry_document,
    entry_source_en,
    entry_source_zh,
    entry_witness,
    items_by_name,
)
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item
from permitlogic.models.reference import ReferenceEntry, ReferenceStatus
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL204",
    name="abolished-item",
    name_zh="已取消仍实施",
    severity=Severity.error,
    area="basis",
    citation="上级人民政府取消行政审批事项的决定（参考清单所列文件）；《中华人民共和国行政许可法》第十四条、第十五条",
    law=("xzxkf:14", "xzxkf:15"),
    summary_zh="上级已取消的事项仍在目录中（需 --reference 清单）",
    summary_en="an item the upper level abolished is still in the catalog (needs --reference)",
    needs_reference=True,
    doc_zh="""\
### 功能
需要 `--reference` 清单（上级公布的取消、下放事项，YAML 或 XLSX）。把清单中状态为"取消"的事项名称与目录中的事项名称按 PL108 的方法规范化后比较，找出已被上级取消却仍在目录中的事项。

### 问题
上级已经取消的审批事项，本级继续实施就是没有依据的审批。各地清理中发现"有的还在继续实施已经被省市取消的项目"。

### 示例
清单：`{name: 临时占用城市绿地审批, status: abolished, document: 省政府关于取消一批行政审批事项的决定}`；目录中仍有「县住建局临时占用城市绿地审批」。

### 修改
从目录中删去该事项，停止实施，并清理以它为前置条件的事项。

### 依据
参考清单所列的上级取消决定；《中华人民共和国行政许可法》第十四条、第十五条。
""",
    doc_en="""\
### What it does
Needs `--reference` (the upper level's published list of abolished and devolved items, YAML or XLSX). Compares the names of entries with status abolished to the catalog's item names, both normalized as PL108 does, and reports abolished items still in the catalog.

### Why is this bad?
An approval the upper level abolished has no basis any more; carrying it on is an approval without a basis. County reviews found departments "still implementing items the province and city had abolished".

### Example
The list has `{name: 临时占用城市绿地审批, status: abolished, document: ...}`; the catalog still has 「县住建局临时占用城市绿地审批」.

### Use instead
Remove the item from the catalog, stop carrying it out, and clean up the items that require it.

### References
The upper level's decision named in the reference list; Administrative License Law of the PRC, Arts. 14–15.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    assert ctx.reference is not None  # the runner runs this check only with a reference list
    by_name = items_by_name(ctx)
    hits: list[tuple[Item, ReferenceEntry, str]] = []
    for entry, key in entries_with_status(ctx, ReferenceStatus.abolished):
        hits.extend((item, entry, key) for item in by_name.get(key, []))
    hits.sort(key=lambda hit: ctx.index[hit[0].id])
    for item, entry, key in hits:
        yield META.finding(
            ctx,
            items=[item.id],
            message_zh=(
                f"{wording.zh(ctx, item.id)}仍在目录中，而上级已取消「{entry.name}」"
                f"{entry_source_zh(entry)}"
            ),
            message_en=(
                f"{wording.en(ctx, item.id)} is still in the catalog, but the upper level "
                f"abolished {entry.name}{entry_source_en(entry)}"
            ),
            witness=entry_witness(entry, key),
            citation=_citation(entry),
            fix=Fix(
                message_zh=f"从目录中删去 {item.id}，停止实施",
                message_en=f"remove {item.id} from the catalog and stop carrying it out",
            ),
        )


def _citation(entry: ReferenceEntry) -> str:
    document = entry_document(entry)
    law = "《中华人民共和国行政许可法》第十四条、第十五条"
    return f"{document}；{law}" if document else META.citation
