"""The prerequisite graph drawn for people (SVG, DOT) and written for programs (JSON).

Departments are clusters; a node is coloured by the worst finding that names
it, an edge by the worst finding whose witness names it (a cycle's edges, a
flagged prerequisite ``edge``, an unlisted prerequisite). SVG comes from
Graphviz's ``dot`` program when it is installed (clusters drawn as boxes);
otherwise from the layered layout the HTML report uses (departments as bands),
which needs nothing outside Python.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from html import escape as html_escape
from itertools import pairwise
from typing import Any

import networkx as nx

from permitlogic.errors import InputError
from permitlogic.escaping import xml_text
from permitlogic.graph import is_external
from permitlogic.models.catalog import Basis, Catalog
from permitlogic.models.report import Finding, Severity

COLOURS: dict[Severity, tuple[str, str]] = {
    Severity.error: ("#cf222e", "#ffebe9"),
    Severity.warning: ("#9a6700", "#fff8c5"),
    Severity.info: ("#0969da", "#ddf4ff"),
}
"""Line and fill colour of each severity (nodes and edges)."""

PLAIN_LINE = "#8c959f"
EXTERNAL_LINE = "#8250df"
FONT = "WenQuanYi Micro Hei,Noto Sans CJK SC,Microsoft YaHei,PingFang SC,sans-serif"
DOT_TIMEOUT_SECONDS = 300
GRAPHVIZ_NODE_LIMIT = 3000
"""Above this many nodes ``auto`` draws with the built-in layout (departments collapsed):
Graphviz takes minutes and the drawing is unreadable anyway."""

TEXT = {
    "zh": {
        "title": "{jurisdiction}（{id}）前置条件关系图",
        "legend": "红：错误　黄：警告　蓝：提示；箭头由前置条件指向需要它的事项",
        "external": "外部条件",
        "unlisted": "目录中没有",
        "external_note": "（外部条件）",
        "unlisted_note": "（目录中没有）",
        "counts": "{items} 个事项，内部前置 {internal} 条\n错误 {error}　警告 {warning}　提示 {info}",
    },
    "en": {
        "title": "{jurisdiction} ({id}): prerequisite graph",
        "legend": "red: error, amber: warning, blue: info; arrows run from a prerequisite to the item needing it",
        "external": "external prerequisites",
        "unlisted": "not in the catalog",
        "external_note": "(external)",
        "unlisted_note": "(not in the catalog)",
        "counts": "{items} items, {internal} internal prerequisites\n{error} errors, {warning} warnings, {info} info",
    },
}


class Renderer(StrEnum):
    """How SVG is drawn: Graphviz when installed (auto), or one of the two on request."""

    auto = "auto"
    graphviz = "graphviz"
    builtin = "builtin"


@dataclass
class Marks:
    """Which nodes and edges the findings name, with the worst severity and the rules."""

    nodes: dict[str, Severity] = field(default_factory=dict)
    node_rules: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    edges: dict[tuple[str, str], Severity] = field(default_factory=dict)
    edge_rules: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))


def marks_of(graph: nx.DiGraph, findings: list[Finding]) -> Marks:
    """The nodes each finding names (its items) and the edges its witness names."""
    marks = Marks()
    for finding in findings:
        for node in dict.fromkeys(finding.items):
            if node in graph:
                _mark(marks.nodes, marks.node_rules, node, finding)
        for edge in dict.fromkeys(_witness_edges(finding)):
            if graph.has_edge(*edge):
                _mark(marks.edges, marks.edge_rules, edge, finding)
    return marks


def _witness_edges(finding: Finding) -> list[tuple[str, str]]:
    witness = finding.witness or {}
    edges: list[tuple[str, str]] = []
    cycle = witness.get("cycle")
    if isinstance(cycle, list):
        edges.extend((str(a), str(b)) for a, b in pairwise(cycle))
    edge = witness.get("edge")
    if isinstance(edge, list) and len(edge) == 2:
        edges.append((str(edge[0]), str(edge[1])))
    if "unlisted" in witness and "item" in witness:
        edges.append((str(witness["unlisted"]), str(witness["item"])))
    return edges


def _mark(
    worst: dict[Any, Severity], rules: dict[Any, list[str]], key: Any, finding: Finding
) -> None:
    known = worst.get(key)
    if known is None or finding.severity.rank > known.rank:
        worst[key] = finding.severity
    if finding.rule not in rules[key]:
        rules[key].append(finding.rule)


def graph_json(catalog: Catalog, graph: nx.DiGraph, marks: Marks) -> str:
    """Node-link JSON (networkx ``node_link_data``) with each node's and edge's findings."""
    plain = nx.DiGraph(
        catalog=catalog.catalog.id,
        jurisdiction=catalog.catalog.jurisdiction,
    )
    for node, attrs in graph.nodes(data=True):
        severity = marks.nodes.get(node)
        plain.add_node(
            node,
            kind=attrs.get("kind"),
            name=attrs.get("name"),
            department=attrs.get("department"),
            item_kind=str(attrs["item_kind"]) if attrs.get("item_kind") else None,
            severity=severity.value if severity else None,
            findings=list(marks.node_rules.get(node, [])),
        )
    for source, target, attrs in graph.edges(data=True):
        severity = marks.edges.get((source, target))
        basis = attrs.get("basis")
        plain.add_edge(
            source,
            target,
            basis=basis.model_dump(mode="json") if isinstance(basis, Basis) else None,
            severity=severity.value if severity else None,
            findings=list(marks.edge_rules.get((source, target), [])),
        )
    try:
        data = nx.node_link_data(plain, edges="edges")
    except TypeError:  # networkx < 3.4 calls the keyword ``link``
        data = nx.node_link_data(plain, link="edges")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def graph_dot(catalog: Catalog, graph: nx.DiGraph, marks: Marks, lang: str = "zh") -> str:
    """Graphviz DOT text: one cluster per department, findings coloured."""
    text = TEXT[lang]
    title = text["title"].format(jurisdiction=catalog.catalog.jurisdiction, id=catalog.catalog.id)
    lines = [
        "digraph prerequisites {",
        f'  graph [rankdir=LR, fontname="{FONT}", fontsize=12, labelloc=t, '
        f"label={_quote(title + chr(10) + text['legend'])}, compound=true];",
        f'  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="{PLAIN_LINE}", '
        f'fontname="{FONT}", fontsize=11];',
        f'  edge [color="{PLAIN_LINE}", arrowsize=0.7];',
    ]
    by_department: dict[str, list[str]] = defaultdict(list)
    loose: list[str] = []
    for node, attrs in graph.nodes(data=True):
        department = attrs.get("department")
        if department:
            by_department[str(department)].append(node)
        else:
            loose.append(node)
    for number, (department, nodes) in enumerate(by_department.items()):
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(
            f'    label={_quote(department)}; style="rounded,filled"; fillcolor="#f6f8fa"; '
            f'color="#d0d7de";'
        )
        lines.extend(f"    {_dot_node(graph, node, marks, text)}" for node in nodes)
        lines.append("  }")
    lines.extend(f"  {_dot_node(graph, node, marks, text)}" for node in loose)
    for source, target in graph.edges:
        severity = marks.edges.get((source, target))
        attributes = []
        if severity is not None:
            line, _ = COLOURS[severity]
            rules = " ".join(marks.edge_rules[(source, target)])
            attributes += [f'color="{line}"', "penwidth=2.2", f"tooltip={_quote(rules)}"]
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"  {_quote(source)} -> {_quote(target)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_node(graph: nx.DiGraph, node: str, marks: Marks, text: dict[str, str]) -> str:
    attrs = graph.nodes[node]
    kind = attrs.get("kind")
    name = str(attrs.get("name") or node)
    attributes: list[str] = []
    if kind == "item":
        label = f"{node}\n{name}"
    elif is_external(node):
        label = f"{name}\n{text['external_note']}"
        attributes += [
            "shape=note",
            'style="filled,dashed"',
            f'color="{EXTERNAL_LINE}"',
            'fillcolor="#f3f0ff"',
        ]
    else:
        label = f"{node}\n{text['unlisted_note']}"
        attributes += ['style="rounded,dashed"', f'color="{COLOURS[Severity.error][0]}"']
    severity = marks.nodes.get(node)
    if severity is not None:
        line, fill = COLOURS[severity]
        attributes += [f'color="{line}"', f'fillcolor="{fill}"', "penwidth=2"]
        attributes.append(f"tooltip={_quote(' '.join(marks.node_rules[node]))}")
    attributes.insert(0, f"label={_quote(label)}")
    return f"{_quote(node)} [{', '.join(attributes)}];"


def escape(text: str) -> str:
    """Text for SVG: what XML cannot hold replaced, then <>&"' escaped."""
    return html_escape(xml_text(text))


def _quote(text: str) -> str:
    """A DOT double-quoted string (newlines become centred line breaks)."""
    escaped = xml_text(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def dot_program() -> str | None:
    """Path of Graphviz's ``dot``, if installed."""
    return shutil.which("dot")


def graph_svg(
    catalog: Catalog,
    graph: nx.DiGraph,
    findings: list[Finding],
    marks: Marks,
    lang: str = "zh",
    renderer: Renderer = Renderer.auto,
) -> str:
    """SVG by Graphviz (on request, or auto when installed and the graph is not huge), else built in."""
    program = dot_program()
    if renderer is Renderer.graphviz and program is None:
        raise InputError.single(
            None,
            "未安装 Graphviz（dot 程序）：请安装 graphviz，或用 --renderer builtin",
            "Graphviz (the dot program) is not installed: install graphviz or use --renderer builtin",
            key="--renderer",
        )
    too_big = renderer is Renderer.auto and graph.number_of_nodes() > GRAPHVIZ_NODE_LIMIT
    if renderer is not Renderer.builtin and program is not None and not too_big:
        return _run_dot(program, graph_dot(catalog, graph, marks, lang))
    return builtin_svg(catalog, findings, lang)


def _run_dot(program: str, dot: str) -> str:
    done = subprocess.run(
        [program, "-Tsvg"],
        input=dot.encode("utf-8"),
        capture_output=True,
        timeout=DOT_TIMEOUT_SECONDS,
        check=False,
    )
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip()
        raise InputError.single(
            None, f"Graphviz 绘图失败：{reason}", f"Graphviz failed: {reason}", key="--format"
        )
    return done.stdout.decode("utf-8")


BUILTIN_STYLE = f"""
text {{ font-family: {FONT}; font-size: 12px; fill: #1f2328; }}
.band-bg {{ fill: #f6f8fa; stroke: #d0d7de; }}
.band-label {{ font-weight: 700; fill: #57606a; }}
.edge {{ fill: none; stroke: {PLAIN_LINE}; stroke-width: 1.3; }}
.edge-back {{ stroke-dasharray: 5 4; }}
.edge-error {{ stroke: {COLOURS[Severity.error][0]}; stroke-width: 2.2; }}
.edge-warning {{ stroke: {COLOURS[Severity.warning][0]}; stroke-width: 2; }}
.edge-info {{ stroke: {COLOURS[Severity.info][0]}; stroke-width: 1.8; }}
.node-box {{ fill: #fff; stroke: {PLAIN_LINE}; stroke-width: 1.2; }}
.node-external .node-box {{ fill: #f3f0ff; stroke: {EXTERNAL_LINE}; stroke-dasharray: 4 3; }}
.node-unlisted .node-box {{ stroke: {COLOURS[Severity.error][0]}; stroke-dasharray: 2 3; }}
.node-department .node-box {{ fill: #f6f8fa; stroke: #57606a; }}
.sev-error .node-box {{ fill: {COLOURS[Severity.error][1]}; stroke: {COLOURS[Severity.error][0]}; stroke-width: 2.4; }}
.sev-warning .node-box {{ fill: {COLOURS[Severity.warning][1]}; stroke: {COLOURS[Severity.warning][0]}; stroke-width: 2.2; }}
.sev-info .node-box {{ fill: {COLOURS[Severity.info][1]}; stroke: {COLOURS[Severity.info][0]}; stroke-width: 2; }}
.node-title {{ font-weight: 700; }}
.node-sub {{ fill: #57606a; }}
.edge-count {{ font-weight: 700; text-anchor: middle; }}
"""


def builtin_svg(catalog: Catalog, findings: list[Finding], lang: str = "zh") -> str:
    """A standalone SVG from the HTML report's layered layout (departments as bands)."""
    from permitlogic.report.svg_graph import draw_prerequisite_graph

    text = TEXT[lang]
    drawing = draw_prerequisite_graph(catalog, findings, text["external"], text["counts"])
    title = text["title"].format(jurisdiction=catalog.catalog.jurisdiction, id=catalog.catalog.id)
    top = 44.0
    width, height = drawing.width, drawing.height + top
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}">',
        f"<title>{escape(title)}</title>",
        f"<style>{BUILTIN_STYLE}</style>",
        "<defs>",
    ]
    for style, colour in (
        ("plain", PLAIN_LINE),
        ("back", PLAIN_LINE),
        *((s.value, COLOURS[s][0]) for s in Severity),
    ):
        out.append(
            f'<marker id="arrow-{style}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    out.append(f'<text x="16" y="20" class="node-title">{escape(title)}</text>')
    out.append(f'<text x="16" y="36" class="node-sub">{escape(text["legend"])}</text>')
    out.append(f'<g transform="translate(0,{top:.0f})">')
    for band in drawing.bands:
        out.append(
            f'<rect class="band-bg" x="4" y="{band.y:.1f}" width="{width - 8:.1f}" '
            f'height="{band.h:.1f}" rx="6"/>'
            f'<text class="band-label" x="14" y="{band.y + 22:.1f}">{escape(band.label)}'
            f"<title>{escape(band.tooltip)}</title></text>"
        )
    for edge in drawing.edges:
        classes = f"edge edge-{edge.style}" + (" edge-back" if edge.back else "")
        out.append(
            f'<path class="{classes}" d="{edge.path}" marker-end="url(#arrow-{edge.style})">'
            f"<title>{escape(edge.source)} → {escape(edge.target)}</title></path>"
        )
        if drawing.collapsed and edge.label:
            out.append(
                f'<text class="edge-count" x="{edge.label_x:.1f}" y="{edge.label_y + 4:.1f}">'
                f"{escape(edge.label)}</text>"
            )
    for node in drawing.nodes:
        classes = f"node node-{node.kind}" + (f" sev-{node.severity}" if node.severity else "")
        out.append(
            f'<g class="{classes}" transform="translate({node.x:.1f},{node.y:.1f})">'
            f"<title>{escape(node.tooltip)}</title>"
            f'<rect class="node-box" width="{node.w:.1f}" height="{node.h:.1f}" '
            f'rx="{14 if node.kind == "external" else 5}"/>'
            f'<text class="node-title" x="8" y="17">{escape(node.title)}</text>'
            + (
                f'<text class="node-sub" x="8" y="33">{escape(node.subtitle)}</text>'
                if node.subtitle
                else ""
            )
            + (
                f'<text class="node-sub" x="8" y="51">{escape(node.detail)}</text>'
                if node.detail
                else ""
            )
            + "</g>"
        )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"
