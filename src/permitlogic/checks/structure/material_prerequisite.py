"""PL112 material-prerequisite 材料中的前置条件: another department's approval asked for as a material."""

from __future__ import annotations

import re
from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.check_support.known_law import prerequisite_law
from permitlogic.check_support.transactions import read_name
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item, Material, Prerequisite
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.names import is_own_department, plain

META = CheckMeta(
    id="PL112",
    name="material-prerequisite",
    name_zh="材料中的前置条件",
    severity=Severity.warning,
    area="structure",
    citation="《中华人民共和国行政许可法》第十六条（不得增设违反上位法的其他条件）",
    law=("xzxkf:16",),
    summary_zh="申请材料是另一部门的审批、审查意见或证明，实质上是未列明的前置条件",
    summary_en=(
        "an application material that is another department's approval, opinion or "
        "certificate: a prerequisite in substance, not declared as one"
    ),
    doc_zh="""\
### 功能
读每个事项的申请材料：材料名称是另一部门出具的批准文件、审查（评估）意见或证明（以「意见」「意见书」「批复」「批准文件」「核准文件」「审批文件」「许可证」「收费证明」等结尾，或 `issued_by` 写明了另一部门），而该事项的前置条件里没有相应的一项时，报告它，并写明这是"在申请材料中发现的"。法律依据登记（`rules/known-law.yaml`）知道设定这一前置关系的法律、行政法规的（如《建设工程质量管理条例》第十一条：施工图设计文件未经审查批准的，不得使用），不报告。已经列为前置条件的，由 PL102、PL104 判断其依据和性质，本检查不重复。申请人自己编制的材料（节能报告、社会稳定风险评估报告、申请书、说明、表）、营业执照和身份证件、项目自身的立项文件（项目批准、核准、备案文件：它标明申请所涉的项目，阶段先后由 PL313 判断），以及写明"依法需要办理的"等条件的材料（只要求法律本身要求的文件，没有增设条件）都不算。

### 问题
把另一部门的审批结果写成申请材料，就是不列明的前置审批：清单上看不到，清理前置条件时也查不到，却同样要申请人先跑另一个部门。没有法律、行政法规依据的，是增设了违反上位法的条件（行政许可法第十六条）。

### 示例
某事项材料要求「社会稳定风险评估意见」「财政局收费证明」，前置条件却写"无"。

### 修改
有法律、行政法规依据的，把它列为前置条件并写明依据；没有的，从申请材料中删去，改由部门间征求意见或数据共享。

### 依据
《中华人民共和国行政许可法》第十六条（不得增设违反上位法的其他条件）。
""",
    doc_en="""\
### What it does
Reads each item's application materials: a material whose name is another department's approval, review or assessment opinion, or certificate (ending in 意见, 意见书, 批复, 批准文件, 核准文件, 审批文件, 许可证, 收费证明 …, or whose `issued_by` names another department), with no matching prerequisite declared on the item, is reported, saying it was found among the materials. Where the register (`rules/known-law.yaml`) knows the law or administrative regulation that sets this prerequisite (e.g. Regulation on the Quality Management of Construction Projects Art. 11: construction drawings not reviewed and approved may not be used), nothing is reported. A declared prerequisite is left to PL102 and PL104. Not counted: documents the applicant writes (节能报告, 社会稳定风险评估报告, 申请书, 说明, 表), business licences and identity papers, the project's own approval, endorsement or filing document (it names the project applied for; the order of stages is PL313's), and materials asked for only where the law requires them (依法需要办理的: no condition is added).

### Why is this bad?
Another department's decision asked for as a material is an undeclared prior approval: it is not on the list, a review of prerequisites does not see it, yet the applicant must go to that department first. Without a law or administrative regulation behind it, it adds a condition the higher law does not (Administrative License Law Art. 16).

### Example
An item asking for 社会稳定风险评估意见 and 财政局收费证明 among its materials while its prerequisites say 无.

### Use instead
Where a law or administrative regulation sets it, declare it as a prerequisite with that basis; otherwise drop it from the materials and consult the other department internally or share the data.

### References
Administrative License Law of the PRC, Art. 16 (no conditions contrary to the higher law).
""",
)

_ISSUED = re.compile(
    r"(意见书?|批复|批准(文件|书)|核准(文件|批复)|审批(文件|意见|表)|许可证|许可决定书|"
    r"收费证明|缴费证明|完税证明|验收(意见|证明|报告书)|审查合格书)$"
)
_OWN_WORK = re.compile(r"(申请书?|申请表|报告|说明|承诺书|方案|图纸?|表)$")
_IDENTITY = re.compile(r"(营业执照|身份证|统一社会信用代码|法人证书)")
_CONDITIONAL = re.compile(r"依法(需要|应当)|按规定需要|如需")
_PROJECT_OWN = re.compile(r"项目(立项|批准|核准|备案)")
_TRAIL = re.compile(r"(复印件|原件|扫描件|及其?附件|等材料|等)$")


def is_issued_document(material: Material) -> bool:
    """Whether the material's name is a document another authority issues, not the applicant."""
    if _CONDITIONAL.search(material.name) or _PROJECT_OWN.search(plain(material.name)):
        return False  # the law's own condition, or the project's own approval document
    name = plain(_TRAIL.sub("", re.sub(r"\s*[（(][^（）()]*[）)]\s*$", "", material.name.strip())))
    if _IDENTITY.search(name) or _OWN_WORK.search(name):
        return False
    return bool(_ISSUED.search(name))


def document_name(material: Material) -> str:
    """The document the material names: trailing notes and "…出具的" (who issues it) removed."""
    name = re.sub(r"\s*[（(][^（）()]*[）)]\s*$", "", material.name.strip())
    return name.rsplit("出具的", 1)[-1] or name


def _stem(name: str) -> str:
    return read_name(name).stem


def _same_matter(material: str, other: str) -> bool:
    a, b = _stem(material), _stem(other)
    if len(a) < 2 or len(b) < 2:
        return False
    return a in b or b in a or plain(material) in plain(other) or plain(other) in plain(material)


def _declared(ctx: CheckContext, item: Item, material: Material) -> bool:
    for prerequisite in item.prerequisites:
        other = ctx.items.get(prerequisite.item or "")
        name = other.name if other is not None else (prerequisite.external or "")
        if _same_matter(material.name, name):
            return True
        if (
            other is not None
            and material.issued_by
            and is_own_department(material.issued_by, other.department)
        ):
            return True
    return False


def _listed(ctx: CheckContext, item: Item, material: Material) -> Item | None:
    """The catalog item (of another department) that issues this material, if one is listed."""
    for other in ctx.catalog.items:
        if (
            other.id != item.id
            and other.department != item.department
            and _same_matter(material.name, other.name)
        ):
            return other
    return None


def check(ctx: CheckContext) -> Iterator[Finding]:
    jurisdiction = ctx.catalog.catalog.jurisdiction
    for item in ctx.catalog.items:
        for material in item.materials:
            if material.issued_by and is_own_department(
                material.issued_by, item.department, jurisdiction
            ):
                continue  # the department's own document: PL105
            if not is_issued_document(material):
                continue
            if _declared(ctx, item, material):
                continue
            finding = _finding(ctx, item, material, _listed(ctx, item, material))
            if finding is not None:
                yield finding


def _finding(
    ctx: CheckContext, item: Item, material: Material, other: Item | None
) -> Finding | None:
    as_prerequisite = (
        Prerequisite(item=other.id)
        if other is not None
        else Prerequisite(external=document_name(material))
    )
    known = prerequisite_law(item, as_prerequisite, other)
    issuer = material.issued_by or (other.department if other is not None else None)
    by_zh = f"（{issuer}出具）" if issuer else ""
    by_en = f" (issued by {issuer})" if issuer else ""
    listed_zh = f"，即本目录的{wording.zh(ctx, other.id)}" if other is not None else ""
    listed_en = f", the catalog's {wording.en(ctx, other.id)}" if other is not None else ""
    items = [item.id] if other is None else [item.id, other.id]
    witness = {
        "material": material.id,
        "name": material.name,
        "issued_by": issuer,
        "listed_item": other.id if other is not None else None,
    }
    if known:
        return None  # set by a registered law or regulation: lawful
    return META.finding(
        ctx,
        items=items,
        message_zh=(
            f"在{wording.zh(ctx, item.id)}的申请材料中发现另一部门的审批或证明「{material.name}」"
            f"{by_zh}{listed_zh}：实质上是前置条件，目录未列明，也不知道设定它的法律、行政法规"
        ),
        message_en=(
            f"found among the materials of {wording.en(ctx, item.id)}: {material.name}{by_en}"
            f"{listed_en}, another department's approval or certificate: a prerequisite in "
            "substance, not declared, and no law or administrative regulation is known to set it"
        ),
        witness=witness,
        fix=Fix(
            message_zh=(
                f"有法律、行政法规依据的，把「{material.name}」列为前置条件并写明依据；"
                "没有的，从申请材料中删去，改由部门间征求意见或数据共享"
            ),
            message_en=(
                f"if a law or administrative regulation sets it, declare {material.name} as a "
                "prerequisite with its basis; otherwise drop it and consult or share data internally"
            ),
        ),
    )
