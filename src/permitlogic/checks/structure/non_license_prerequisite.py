"""PL104 non-license-prerequisite 非许可审批作许可前置: a license waits on a non-license item."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.check_support.prerequisite_edges import (
    effective_edges,
    found_en,
    found_zh,
    material_witness,
)
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Kind
from permitlogic.models.report import Finding, Fix, Severity

NOT_LICENSES = (Kind.non_license, Kind.intermediary, Kind.service)
KIND_EN = {
    Kind.non_license: "a non-license approval",
    Kind.intermediary: "an intermediary service",
    Kind.service: "a public service",
}

META = CheckMeta(
    id="PL104",
    name="non-license-prerequisite",
    name_zh="非许可审批作许可前置",
    severity=Severity.error,
    area="structure",
    citation=(
        "《国务院关于取消非行政许可审批事项的决定》（国发〔2015〕27号）；"
        "《国务院办公厅关于清理规范国务院部门行政审批中介服务的通知》（国办发〔2015〕31号）；"
        "《中华人民共和国行政许可法》第十六条第四款"
    ),
    law=("gf2015_27", "gbf2015_31", "xzxkf:16"),
    summary_zh="非行政许可审批、中介服务或公共服务事项被列为行政许可的前置条件",
    summary_en="a non_license, intermediary or service item is a prerequisite of a license",
    doc_zh="""\
### 功能
找出行政许可事项的前置条件中，属于非行政许可审批、中介服务或公共服务的本目录事项。

在申请材料中发现的前置条件（另一部门的批准文件、审查意见或证明，目录未列为前置条件，见 `check_support/prerequisite_edges.py`）也一并判断，发现处写明"在申请材料中发现"；这类结论读自材料名称，作为警告（warning）报告。

### 问题
非行政许可审批已经取消（国发〔2015〕27号），不能再卡在行政许可之前；中介服务和公共服务不是行政许可的法定条件，把它们设为前置等于增设许可条件（《行政许可法》第十六条第四款），中介服务还须清理规范（国办发〔2015〕31号）。各地清理中"非行政许可审批事项是行政许可的前置条件"是典型问题。

### 示例
JS-001「建筑工程施工许可证核发」（行政许可）的前置条件是 ZJ-001「施工图审查中介服务」（中介服务）。

### 修改
删去这项前置条件；确属法定要求的技术审查，改由审批部门自行组织或委托，不再要求申请人先行办理。

### 依据
《国务院关于取消非行政许可审批事项的决定》（国发〔2015〕27号）；国办发〔2015〕31号；《中华人民共和国行政许可法》第十六条第四款。
""",
    doc_en="""\
### What it does
Finds license items whose prerequisites include an item of this catalog that is a non-license approval, an intermediary service or a public service.

Prerequisites found among the materials (another authority's approval, opinion or certificate asked for as a material and not declared; see `check_support/prerequisite_edges.py`) are judged too, and the finding says where it was found; read from a material's name, such a finding is a warning.

### Why is this bad?
Non-license approvals were abolished (State Council 国发〔2015〕27号) and may not stand in front of a license; intermediary and public services are not statutory conditions of a license, and requiring them adds a condition (Administrative License Law Art. 16(4)); intermediary services must be cleaned up (国办发〔2015〕31号). County reports name "non-license approvals as prerequisites of licenses" as a typical defect.

### Example
JS-001 (construction permit, a license) requires ZJ-001 (drawing review by an intermediary).

### Use instead
Drop the prerequisite; where a technical review is required by law, the approving department organises or commissions it itself instead of sending the applicant first.

### References
State Council Decision on abolishing non-license approvals (国发〔2015〕27号); 国办发〔2015〕31号; Administrative License Law of the PRC, Art. 16(4).
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for edge in effective_edges(ctx):
        item = edge.item
        other = ctx.items.get(edge.prerequisite.item or "")
        if item.kind is not Kind.license or other is None or other.kind not in NOT_LICENSES:
            continue
        if (item.id, other.id) in seen:
            continue
        seen.add((item.id, other.id))
        witness: dict[str, object] = {"edge": [other.id, item.id], "kind": other.kind.value}
        if edge.in_materials:
            witness |= material_witness(edge)
        yield META.finding(
            ctx,
            items=[item.id, other.id],
            severity=Severity.warning if edge.in_materials else None,
            message_zh=(
                f"行政许可{wording.zh(ctx, item.id)}以{other.kind.zh}事项"
                f"{wording.zh(ctx, other.id)}为前置条件{found_zh(edge)}"
            ),
            message_en=(
                f"the license {wording.en(ctx, item.id)} requires "
                f"{wording.en(ctx, other.id)}, {KIND_EN[other.kind]}{found_en(edge)}"
            ),
            witness=witness,
            fix=Fix(
                message_zh=(
                    f"从 {item.id} 的申请材料中删去「{edge.material.name}」"
                    if edge.material is not None
                    else f"从 {item.id} 的前置条件中删去 {other.id}"
                ),
                message_en=(
                    f"drop {edge.material.name} from the materials of {item.id}"
                    if edge.material is not None
                    else f"drop {other.id} from the prerequisites of {item.id}"
                ),
            ),
        )
