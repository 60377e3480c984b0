"""PL102 piggyback-prerequisite 违规"搭车"前置: a prerequisite no law or regulation sets."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.check_support.basis_rules import level_rule
from permitlogic.check_support.known_law import cite_fix, prerequisite_law
from permitlogic.check_support.prerequisite_edges import (
    PrerequisiteEdge,
    effective_edges,
    found_en,
    found_zh,
    material_witness,
)
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.graph import prerequisite_node
from permitlogic.models.catalog import Item, Prerequisite
from permitlogic.models.report import Finding, Fix, Severity

RULE_ZH = (
    "对法律、行政法规没有明确规定作为行政审批事项前置条件的，一律不得作为行政审批事项的前置条件"
)

META = CheckMeta(
    id="PL102",
    name="piggyback-prerequisite",
    name_zh='违规"搭车"前置',
    severity=Severity.error,
    area="structure",
    needs=("prerequisite_basis",),
    citation=f'清理行政审批事项前置条件，取消违规设立的"搭车"事项：{RULE_ZH}（《行政审批制度“两集中两到位”改革实施方案》）；《中华人民共和国行政许可法》第十六条第四款、第十七条',
    law=("lj2d", "xzxkf:16", "xzxkf:17", "xzxkf:14"),
    summary_zh="前置条件没有依据，或其依据的层级不能设定前置条件",
    summary_en="a prerequisite has no legal basis, or its basis is of a level that may not make one",
    doc_zh=f"""\
### 功能
逐条检查前置条件（本目录事项或外部条件）：没有写依据的，或依据的层级按规则包（`rules/checks.yaml` 的 `basis_levels`，默认只有法律、行政法规、国务院决定）不能设定前置条件的，都报告。

在申请材料中发现的前置条件（另一部门的批准文件、审查意见或证明，目录未列为前置条件，见 `check_support/prerequisite_edges.py`）也一并判断，发现处写明"在申请材料中发现"；这类结论读自材料名称，作为警告（warning）报告。法律依据登记（`rules/known-law.yaml`）知道设定它的法律、行政法规的，不报告。与本部门另一事项相符的材料由 PL105 报告。

### 问题
{RULE_ZH}。法规、规章对行政许可条件作出的具体规定，不得增设违反上位法的其他条件（《行政许可法》第十六条第四款）；其他规范性文件一律不得设定行政许可（第十七条），也就不能为许可增设条件。没有这种依据的前置条件就是违规"搭车"。国务院依照第十四条第二款以决定设定的行政许可，其条件由决定和国务院有关部门的具体规定确定，因此默认规则包也允许国务院决定设定前置（见 rules/checks.yaml 的说明）。

### 示例
JS-001 的前置条件 `external: 银行资信证明`，依据为 `normative_document 县政府办公室通知`。

### 修改
找到设定该前置条件的法律或行政法规条款并写明；找不到的，删去这项前置条件。法律依据登记（`rules/known-law.yaml` 与 `rules/law/`）已载明设定该前置条件的条款的，修改建议直接给出应引用的条款，而不是删去。

### 依据
{RULE_ZH}（《行政审批制度“两集中两到位”改革实施方案》）；《中华人民共和国行政许可法》第十四条第二款、第十六条第四款、第十七条。
""",
    doc_en="""\
### What it does
Checks every prerequisite (an item of the catalog or an external one): reported when it cites no basis, or when the level of its basis may not make a prerequisite according to the rule pack (`basis_levels` in `rules/checks.yaml`; by default only laws, administrative regulations and State Council decisions may).

Prerequisites found among the materials (another authority's approval, opinion or certificate asked for as a material and not declared; see `check_support/prerequisite_edges.py`) are judged too, and the finding says where it was found; read from a material's name, such a finding is a warning. Where the register (`rules/known-law.yaml`) knows the law or administrative regulation that sets it, nothing is reported. A material matching another item of the same department is PL105's.

### Why is this bad?
A precondition that no law or administrative regulation expressly sets may not be imposed. Regulations and rules that specify a licence's conditions may not add conditions that violate the law above them (Administrative License Law Art. 16(4)); other normative documents may not set licences at all (Art. 17), so they cannot add conditions either. A licence the State Council sets by decision under Art. 14(2) takes its conditions from the decision, which is why the default pack lets State Council decisions make prerequisites (see rules/checks.yaml). A prerequisite without such a basis is a piggyback ("搭车") requirement.

### Example
JS-001 requires `external: 银行资信证明` (a bank credit letter) on the basis of `normative_document 县政府办公室通知` (a county office notice).

### Use instead
Cite the law or administrative regulation and the article that sets the prerequisite; if there is none, drop it. Where the shipped register (`rules/known-law.yaml` with `rules/law/`) knows the article that sets it, the fix names that article instead of advising to drop it.

### References
The county reform plan's rule that a prerequisite not expressly set by a law or administrative regulation may not be imposed; Administrative License Law of the PRC, Arts. 14(2), 16(4) and 17.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for edge in effective_edges(ctx):
        finding = (
            _judge_found(ctx, edge)
            if edge.in_materials
            else _judge(ctx, edge.item, edge.prerequisite)
        )
        if finding is not None:
            yield finding


def _judge_found(ctx: CheckContext, edge: PrerequisiteEdge) -> Finding | None:
    """A prerequisite found among the materials: no basis is cited for it as one."""
    if edge.known:
        return None  # set by a registered law or regulation: lawful
    item, node = edge.item, edge.source
    other = ctx.items.get(edge.prerequisite.item or "")
    if other is not None and other.department == item.department:
        return None  # the department's own item's result: PL105 asks to drop the material
    what_zh, what_en = wording.zh(ctx, node), wording.en(ctx, node)
    material = edge.material.name if edge.material is not None else what_zh
    items = [item.id] if edge.prerequisite.item is None else [item.id, edge.prerequisite.item]
    return META.finding(
        ctx,
        items=items,
        severity=Severity.warning,
        message_zh=(
            f"{wording.zh(ctx, item.id)}的前置条件{what_zh}{found_zh(edge)}：目录未列为前置条件，"
            "也不知道设定它的法律、行政法规"
        ),
        message_en=(
            f"{wording.en(ctx, item.id)} requires {what_en}{found_en(edge)}: not declared as a "
            "prerequisite, and no law or administrative regulation is known to set it"
        ),
        witness={"edge": [node, item.id], "basis": None, **material_witness(edge)},
        fix=Fix(
            message_zh=(
                f"有法律、行政法规依据的，把「{material}」列为前置条件并写明依据；"
                "没有的，从申请材料中删去，改由部门间征求意见或数据共享"
            ),
            message_en=(
                f"if a law or administrative regulation sets it, declare {material} as a "
                "prerequisite with its basis; otherwise drop it and consult or share data internally"
            ),
        ),
    )


def _judge(ctx: CheckContext, item: Item, prerequisite: Prerequisite) -> Finding | None:
    basis = prerequisite.basis
    if (basis is None and ctx.published) or (basis is not None and basis.level is None):
        return None  # unknown basis or unclassified level: not judged
    if basis is None:
        reason_zh = "没有写明任何依据"
        reason_en = "cites no basis at all"
    else:
        rule = level_rule(ctx, basis)
        if rule is not None and rule.may_make_prerequisite:
            return None
        reason_zh = f"依据为{wording.basis_zh(basis)}，{basis.level_zh}不能设定前置条件"
        reason_en = (
            f"rests on {wording.basis_en(basis)}; a {basis.level_key.replace('_', ' ')} "
            "may not make a prerequisite"
        )
    node = prerequisite_node(prerequisite)
    what_zh, what_en = wording.zh(ctx, node), wording.en(ctx, node)
    items = [item.id] if prerequisite.item is None else [item.id, prerequisite.item]
    return META.finding(
        ctx,
        items=items,
        message_zh=f"{wording.zh(ctx, item.id)}的前置条件{what_zh}{reason_zh}",
        message_en=f"{wording.en(ctx, item.id)} requires {what_en}, which {reason_en}",
        witness={"edge": [node, item.id], "basis": wording.basis_data(basis)},
        fix=_fix(ctx, item, prerequisite, what_zh, what_en),
    )


def _fix(
    ctx: CheckContext, item: Item, prerequisite: Prerequisite, what_zh: str, what_en: str
) -> Fix:
    """Cite the registered article where one sets the prerequisite; otherwise cite one or drop it."""
    other = ctx.items.get(prerequisite.item or "")
    known = prerequisite_law(item, prerequisite, other)
    if known:
        return cite_fix(known, "该前置条件的依据", "the basis of this prerequisite")
    return Fix(
        message_zh=f"写明设定该前置条件的法律或行政法规条款；没有的，从 {item.id} 的前置条件中删去{what_zh}",
        message_en=(
            "cite the law or administrative regulation that sets this prerequisite; "
            f"if there is none, drop {what_en} from the prerequisites of {item.id}"
        ),
    )
