"""PL105 own-document-required 本部门批文由申请人提交: the applicant carries the department's own document."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.names import is_own_department

RULE_ZH = (
    "申请材料为本部门或者本系统印发的批准文书，申请人不再提交批准文书原件和复印件，"
    "只需提供批准文件名称、文号、编码等信息供查询验证"
)

META = CheckMeta(
    id="PL105",
    name="own-document-required",
    name_zh="本部门批文由申请人提交",
    severity=Severity.error,
    area="structure",
    citation=f"{RULE_ZH}；《中华人民共和国行政许可法》第三十一条",
    summary_zh="申请材料是本部门自己出具的批准文书，却要申请人提交",
    summary_en="a material is the department's own approval document, yet the applicant must submit it",
    doc_zh=f"""\
### 功能
找出 `issued_by`（出具部门）就是实施该事项的部门本身的申请材料（按写法比较部门名称；写作"本局""本部门"等也算）。

### 问题
{RULE_ZH}。部门自己的批文由部门按文号核验，让申请人去取原件、复印件，是把部门的工作转给申请人。

### 示例
县自然资源局的 ZR-002「建设用地规划许可证核发」要求材料「建设项目用地预审意见」，`issued_by: 县自然资源局`。

### 修改
删去该材料，或改为只填写批准文件名称、文号，由部门内部查询核验。

### 依据
清理规范申请材料的要求（{RULE_ZH}）；《中华人民共和国行政许可法》第三十一条。
""",
    doc_en="""\
### What it does
Finds application materials whose `issued_by` is the very department that handles the item (department names compared as written; 本局, 本部门 and the like count too).

### Why is this bad?
Where a material is an approval document issued by the department itself or its own system, the applicant no longer submits the original or a copy: the department checks it by its name and number. Asking the applicant to fetch it shifts the department's work onto the applicant.

### Example
The county natural-resources bureau's ZR-002 (land-use planning permit) asks for 建设项目用地预审意见 with `issued_by: 县自然资源局`.

### Use instead
Drop the material, or ask only for the document's title and number and verify it internally.

### References
The reform rule on materials issued by the department itself; Administrative License Law of the PRC, Art. 31.
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
