"""PL101 mutual-prerequisite 互为前置: a cycle of prerequisites, of any length."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import networkx as nx

from permitlogic.check_support import wording
from permitlogic.check_support.basis_rules import makes_prerequisite
from permitlogic.check_support.cycles import context_cycles, find_cycles, shortest_cycle
from permitlogic.check_support.prerequisite_edges import effective_graph
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Material
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL101",
    name="mutual-prerequisite",
    name_zh="互为前置",
    severity=Severity.error,
    area="structure",
    citation=(
        "《中华人民共和国行政许可法》第二十九条；清理行政审批事项前置条件：对法律、行政法规"
        "没有明确规定作为行政审批事项前置条件的，一律不得作为行政审批事项的前置条件"
    ),
    law=("xzxkf:29", "lj2d"),
    summary_zh="前置条件成环（互为前置）：环上的事项谁也无法先办",
    summary_en="prerequisites form a cycle: no item on it can ever be applied for first",
    doc_zh="""\
### 功能
找出前置条件构成的环：甲是乙的前置，乙又（直接或经过其他事项）是甲的前置。每个强连通分量报告一次，给出其中一条最短的环，按办理顺序列出；事项把自己列为前置（自环）也单独报告。

在申请材料中发现的前置条件（另一部门的批准文件、审查意见或证明，目录未列为前置条件，见 `check_support/prerequisite_edges.py`）也一并判断，发现处写明"在申请材料中发现"；这类结论读自材料名称，作为警告（warning）报告。环上有这样一条边的，整个环作为警告报告，并写明是哪一条。

### 问题
环上的每个事项都要求先取得环上另一个事项，申请人无论从哪一项开始都缺前置，永远无法提出合格的申请（《行政许可法》第二十九条规定的申请权落空）。各地清理中把"互为前置"列为必须消除的问题。

### 示例
ZR-003「建设工程规划许可证核发」要求先取得 JS-003「施工图审查备案」，而 JS-003 又要求先取得 ZR-003：`ZR-003 → JS-003 → ZR-003`。

### 修改
环上至少有一项前置条件没有法律、行政法规依据（往往同时被 PL102 报告），删去它；确有依据的，改为并联审批或同步办理，由部门之间内部衔接。

### 依据
《中华人民共和国行政许可法》第二十九条；对法律、行政法规没有明确规定作为行政审批事项前置条件的，一律不得作为行政审批事项的前置条件。
""",
    doc_en="""\
### What it does
Finds cycles of prerequisites: A requires B and B requires A, directly or through other items. Reports each strongly connected component once, with one shortest cycle through it in the order things would have to happen; an item that requires itself (a self-loop) is reported on its own.

Prerequisites found among the materials (another authority's approval, opinion or certificate asked for as a material and not declared; see `check_support/prerequisite_edges.py`) are judged too, and the finding says where it was found; read from a material's name, such a finding is a warning. A cycle that needs such an edge is reported as a warning, naming that edge.

### Why is this bad?
Every item on the cycle needs another item of the cycle first, so whichever one an applicant starts with, a prerequisite is missing: nobody can ever file a complete application, and the right to apply (Administrative License Law Art. 29) is empty. The reform names mutual prerequisites as a defect to remove.

### Example
ZR-003 (construction-project planning permit) requires JS-003 (drawing review filing), and JS-003 requires ZR-003: `ZR-003 → JS-003 → ZR-003`.

### Use instead
At least one prerequisite on the cycle has no basis in a law or administrative regulation (PL102 usually reports it too): drop it. Where each really is required by law, handle the items in parallel or together and let the departments coordinate internally.

### References
Administrative License Law of the PRC, Art. 29; the reform rule that a prerequisite not expressly set by a law or administrative regulation may not be imposed.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    graph = effective_graph(ctx)  # with the prerequisites found among the materials
    cycles = context_cycles(ctx) if graph is ctx.graph else find_cycles(graph)
    found = [
        _from_first_listed(ctx, shortest_cycle(graph, members)) for members in cycles.components
    ]
    found += [[node, node] for node in cycles.self_loops]
    found.sort(key=lambda cycle: (ctx.index.get(cycle[0], len(ctx.index)), cycle[0]))
    for cycle in found:
        yield _finding(ctx, graph, cycle)


def _from_first_listed(ctx: CheckContext, cycle: list[str]) -> list[str]:
    """The closed cycle, rotated to start at the member the catalog lists first."""
    ring = cycle[:-1]
    start = min(range(len(ring)), key=lambda i: (ctx.index.get(ring[i], len(ctx.index)), ring[i]))
    rotated = ring[start:] + ring[:start]
    return [*rotated, rotated[0]]


def _in_materials(graph: nx.DiGraph, cycle: list[str]) -> list[tuple[str, str, Material]]:
    """The edges of the cycle found among the materials, with the material."""
    return [
        (u, v, graph.edges[u, v]["material"])
        for u, v in itertools.pairwise(cycle)
        if graph.edges[u, v].get("origin") == "materials"
    ]


def _finding(ctx: CheckContext, graph: nx.DiGraph, cycle: list[str]) -> Finding:
    items = cycle[:-1]
    if len(items) == 1:
        only = items[0]
        message_zh = f"{wording.zh(ctx, only)}把自己列为前置条件，永远无法申请"
        message_en = f"{wording.en(ctx, only)} lists itself as its own prerequisite and can never be applied for"
    else:
        message_zh = (
            f"互为前置（→ 表示须先取得前者才能申请后者）：{wording.path_zh(ctx, cycle)}，"
            f"环上 {len(items)} 个事项谁也无法先办"
        )
        message_en = (
            f"prerequisites form a cycle of {len(items)} items (→: the first is needed before "
            f"the second): {wording.path_en(ctx, cycle)}; "
            "none of them can be applied for first"
        )
    witness: dict[str, object] = {"cycle": cycle}
    found = _in_materials(graph, cycle)
    if found:
        message_zh += "；其中" + "、".join(
            f"{u} → {v} 是在 {v} 的申请材料「{m.name}」中发现的" for u, v, m in found
        )
        message_en += "; found among the materials: " + ", ".join(
            f"{u} → {v} ({m.name}, a material of {v})" for u, v, m in found
        )
        witness["found_in_materials"] = [[u, v, m.id] for u, v, m in found]
    return META.finding(
        ctx,
        items=items,
        severity=Severity.warning if found else None,
        message_zh=message_zh,
        message_en=message_en,
        witness=witness,
        fix=_fix(ctx, graph, cycle),
    )


def _fix(ctx: CheckContext, graph: nx.DiGraph, cycle: list[str]) -> Fix:
    """Name the prerequisites on the cycle that lack a lawful basis: dropping one breaks it."""
    weak = [
        (u, v)
        for u, v in itertools.pairwise(cycle)
        if not makes_prerequisite(ctx, graph.edges[u, v].get("basis"))
    ]
    if len(cycle) == 2:
        return Fix(
            message_zh=f"删去 {cycle[0]} 对自身的前置要求",
            message_en=f"drop {cycle[0]} from its own prerequisites",
        )
    if weak:
        u, v = weak[0]
        material = graph.edges[u, v].get("material")
        what_zh = f"申请材料「{material.name}」" if material is not None else f"前置条件 {u}"
        what_en = (
            f"{material.name} from the materials"
            if material is not None
            else f"{u} from the prerequisites"
        )
        return Fix(
            message_zh=(
                f"删去 {v} 的{what_zh}（没有法律、行政法规依据），环即打开"
                + (f"；环上共有 {len(weak)} 项这样的前置条件" if len(weak) > 1 else "")
            ),
            message_en=(
                f"drop {what_en} of {v} (no basis in a law or administrative "
                "regulation); that opens the cycle"
                + (
                    f"; {len(weak)} prerequisites on the cycle lack such a basis"
                    if len(weak) > 1
                    else ""
                )
            ),
        )
    return Fix(
        message_zh="环上的前置条件都写有法律依据：改为并联审批或同步办理，由部门内部衔接",
        message_en=(
            "every prerequisite on the cycle cites a lawful basis: handle the items in parallel "
            "or together and let the departments coordinate"
        ),
    )
