"""PL109 redundant-prerequisite: a prerequisite the rest of the graph already implies."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.check_support.cycles import find_cycles
from permitlogic.check_support.lawful import lawful_graph
from permitlogic.check_support.reduction import RedundantEdge, redundant_edges
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.graph import is_item
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL109",
    name="redundant-prerequisite",
    name_zh="多余前置",
    severity=Severity.info,
    area="structure",
    citation="瘦身办件前置：全面清理行政审批事项前置条件（《行政审批制度“两集中两到位”改革实施方案》）；《优化营商环境条例》第三十五条（减环节、减材料、减时限）",
    law=("lj2d", "yhyshjtl:35"),
    summary_zh="合法的前置条件已由其他合法前置条件间接包含：只需核验一次",
    summary_en="a lawful prerequisite the other lawful prerequisites already imply: verify it once",
    doc_zh="""\
### 功能
找出多余的前置条件 A→C：C 的另一项前置 B 本身（直接或间接）已经要求 A（A→B→…→C），所以 C 再列 A 不增加任何要求。这正是前置关系图的传递约简会删去的边。只在合法的前置关系上计算：依据层级能够设定前置条件、且没有被其他检查判为违法（PL104 非许可审批作许可前置、PL107 目录之外的事项）的边；PL102 等判为违法的边既不被判为多余，也不作为"已经包含"的路径——违法的边由相应检查建议删去，不能用它来说明合法的边多余。前置条件成环的部分先按强连通分量收缩（环由 PL101 报告），环内的边不在此判断。

### 问题
不是违法，但重复列出的前置让办事指南变长、申请材料重复核验，也掩盖了真正的办理顺序。被报告的前置条件都有法律、行政法规依据，不能删去；应当只核验一次。

### 示例
JS-002 的前置条件有 FG-001 和 ZR-002，而 ZR-002 已经要求 FG-001：`FG-001 → ZR-002 → JS-002`，JS-002 的前置 FG-001 是多余的。

### 修改
保留 A（法律、行政法规设定的前置条件不能删去），在办事指南中说明 A 已在办理 B 时核验，办理 C 时以 B 的批准文件为准，不再重复核验、重复收取材料。

### 依据
清理行政审批事项前置条件（"瘦身办件前置"，《行政审批制度“两集中两到位”改革实施方案》）；《优化营商环境条例》第三十五条（按照减环节、减材料、减时限的要求编制办事指南）。重复列出的前置与申请事项相关，不属于《行政许可法》第三十一条禁止的“无关”材料，所以本项只作提示。
""",
    doc_en="""\
### What it does
Finds a redundant prerequisite A→C: another prerequisite B of C already requires A, directly or not (A→B→…→C), so listing A again for C adds no requirement. These are the edges the transitive reduction of the prerequisite graph drops. Only lawful prerequisites count: edges whose basis is of a level that may make a prerequisite and that no other check condemns (PL104 non-license in front of a license, PL107 an item not in the catalog). An edge PL102 or another check condemns is neither judged redundant nor used as the path that implies another: those checks advise dropping it, and it cannot make a lawful edge look redundant. Cyclic parts are first condensed to one node per strongly connected component (PL101 reports the cycles); edges inside a cycle are not judged here.

### Why is this bad?
It is not unlawful, but prerequisites listed twice make the guide longer, have the same document checked twice and hide the real order of steps. Every reported prerequisite has a statutory basis and may not be dropped; it should be verified once.

### Example
JS-002 requires FG-001 and ZR-002, and ZR-002 already requires FG-001: `FG-001 → ZR-002 → JS-002`; JS-002's prerequisite FG-001 is redundant.

### Use instead
Keep A (a prerequisite set by a law or administrative regulation is not dropped); say in the guide that A is verified on the way to B, and for C accept B's approval instead of checking A and collecting its documents again.

### References
The county reform plan's clean-up of prerequisites ("瘦身办件前置"); Regulation on Optimizing the Business Environment, Art. 35 (guides written to cut steps, materials and time). A prerequisite listed twice is related to the application, so Administrative License Law Art. 31 (unrelated materials) does not reach it; this check only informs.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    lawful = lawful_graph(ctx)
    found = redundant_edges(lawful, find_cycles(lawful))
    found.sort(
        key=lambda e: (
            ctx.index.get(e.dependent, len(ctx.index)),
            ctx.graph.edges[e.prerequisite, e.dependent]["index"],
        )
    )
    for edge in found:
        yield _finding(ctx, edge)


def _finding(ctx: CheckContext, edge: RedundantEdge) -> Finding:
    a, c = edge.prerequisite, edge.dependent
    items = [c, a] if is_item(ctx.graph, a) else [c]
    return META.finding(
        ctx,
        items=items,
        message_zh=(
            f"{wording.zh(ctx, c)}的前置条件{wording.zh(ctx, a)}是多余的："
            f"{wording.path_zh(ctx, edge.path)} 已经包含了它"
        ),
        message_en=(
            f"{wording.en(ctx, c)} lists {wording.en(ctx, a)} as a prerequisite, but "
            f"{wording.path_en(ctx, edge.path)} already implies it"
        ),
        witness={"edge": [a, c], "path": edge.path},
        fix=Fix(
            message_zh=(
                f"保留该前置条件（有法律、行政法规依据），在办事指南中写明{wording.zh(ctx, a)}"
                f"已在办理{wording.zh(ctx, edge.path[1])}时核验，办理 {c} 时以其批准文件为准，不再重复核验"
            ),
            message_en=(
                f"keep the prerequisite (a law or regulation sets it); say in the guide that "
                f"{wording.en(ctx, a)} was verified on the way to {wording.en(ctx, edge.path[1])} "
                f"and is not checked again for {c}"
            ),
        ),
    )
