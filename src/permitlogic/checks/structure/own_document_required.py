"""PL105 own-document-required 本部门批文由申请人提交: the applicant carries the department's own document."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.check_support.prerequisite_edges import material_edges
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.names import is_own_department

RULE_ZH = "政务服务机构通过数据共享能够获得的信息，不得要求行政相对人另行提供"

META = CheckMeta(
    id="PL105",
    name="own-document-required",
    name_zh="本部门批文由申请人提交",
    severity=Severity.error,
    area="structure",
    citation=f"《国务院关于在线政务服务的若干规定》第七条：“{RULE_ZH}”；《优化营商环境条例》第三十七条",
    law=("zxzwfwgd:7", "yhyshjtl:37"),
    summary_zh="申请材料是本部门自己出具的批准文书，却要申请人提交",
    summary_en="a material is the department's own approval document, yet the applicant must submit it",
    doc_zh=f"""\
### 功能
找出 `issued_by`（出具部门）就是实施该事项的部门本身的申请材料（按写法比较部门名称；写作"本局""本部门"等也算）。

在申请材料中发现的前置条件（另一事项的批准文件、审查意见或证明，目录未列为前置条件，见 `check_support/prerequisite_edges.py`）也一并判断，发现处写明"在申请材料中发现"；这类结论读自材料名称，作为警告（warning）报告。对本检查而言，是材料名称与本部门自己办理的另一事项相符（如材料「建设用地规划许可证」，本部门办理「建设用地规划许可证核发」）；事项的变更、注销等业务要求交回的本证不算。

### 问题
《国务院关于在线政务服务的若干规定》第七条：“{RULE_ZH}。”部门自己核发的批准文件就在部门手中，由部门按文号核验即可；让申请人去取原件、复印件，是把部门的工作转给申请人。政务服务事项按《优化营商环境条例》第三十七条纳入一体化在线平台办理，部门之间和部门内部的数据共享是法定义务。《行政许可法》第三十一条禁止的是“与申请事项无关”的材料，本部门的批准文件与申请事项相关，不能作为本项的依据。

### 示例
县自然资源局的 ZR-002「建设用地规划许可证核发」要求材料「建设项目用地预审意见」，`issued_by: 县自然资源局`。

### 修改
删去该材料，或改为只填写批准文件名称、文号，由部门内部查询核验。

### 依据
《国务院关于在线政务服务的若干规定》第七条；《优化营商环境条例》第三十七条。
""",
    doc_en="""\
### What it does
Finds application materials whose `issued_by` is the very department that handles the item (department names compared as written; 本局, 本部门 and the like count too).

Prerequisites found among the materials (another item's approval, opinion or certificate asked for as a material and not declared; see `check_support/prerequisite_edges.py`) are judged too, and the finding says where it was found; read from a material's name, such a finding is a warning. For this check that is a material whose name matches another item the same department handles (建设用地规划许可证 asked for by the bureau that grants it); the license a change or cancellation of it asks for does not count.

### Why is this bad?
Information an agency can obtain by data sharing may not be demanded from the applicant (State Council Provisions on Online Government Services, Art. 7). The department holds its own approval documents and can check them by number; asking the applicant to fetch them shifts the department's work onto the applicant. Government services run on the integrated online platform with data sharing as a duty (Regulation on Optimizing the Business Environment, Art. 37). Administrative License Law Art. 31 forbids materials unrelated to the application, and the department's own approval is related, so it is not the basis here.

### Example
The county natural-resources bureau's ZR-002 (land-use planning permit) asks for 建设项目用地预审意见 with `issued_by: 县自然资源局`.

### Use instead
Drop the material, or ask only for the document's title and number and verify it internally.

### References
State Council Provisions on Online Government Services, Art. 7; Regulation on Optimizing the Business Environment, Art. 37.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    jurisdiction = ctx.catalog.catalog.jurisdiction
    for item in ctx.catalog.items:
        for material in item.materials:
            issuer = material.issued_by
            if not issuer or not is_own_department(issuer, item.department, jurisdiction):
                continue
            yield META.finding(
                ctx,
                items=[item.id],
                message_zh=(
                    f"{wording.zh(ctx, item.id)}要求申请人提交本部门（{item.department}）"
                    f"出具的材料「{material.name}」"
                ),
                message_en=(
                    f"{wording.en(ctx, item.id)} asks the applicant for {material.name}, "
                    f"issued by the department itself ({item.department})"
                ),
                witness={
                    "material": material.id,
                    "name": material.name,
                    "issued_by": issuer,
                },
                fix=Fix(
                    message_zh=f"删去材料「{material.name}」，改为由申请人提供文号、部门内部核验",
                    message_en=f"drop {material.name}; take its number and verify it internally",
                ),
            )
    yield from _found_among_materials(ctx)


def _found_among_materials(ctx: CheckContext) -> Iterator[Finding]:
    """A material that is the result of another item of the same department, matched by name."""
    for edge in material_edges(ctx):
        item, material = edge.item, edge.material
        other = ctx.items.get(edge.prerequisite.item or "")
        if other is None or material is None or other.department != item.department:
            continue
        yield META.finding(
            ctx,
            items=[item.id, other.id],
            severity=Severity.warning,
            message_zh=(
                f"{wording.zh(ctx, item.id)}要求申请人提交材料「{material.name}」，"
                f"即本部门（{item.department}）自己办理的{wording.zh(ctx, other.id)}的结果"
                "（按名称在申请材料中发现）"
            ),
            message_en=(
                f"{wording.en(ctx, item.id)} asks the applicant for {material.name}, the result "
                f"of {wording.en(ctx, other.id)} which the department ({item.department}) "
                "handles itself (found among the materials by name)"
            ),
            witness={
                "material": material.id,
                "name": material.name,
                "issued_by": item.department,
                "found_in": "materials",
                "listed_item": other.id,
            },
            fix=Fix(
                message_zh=f"删去材料「{material.name}」，改为由申请人提供文号、部门内部核验",
                message_en=f"drop {material.name}; take its number and verify it internally",
            ),
        )
