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
from enum import StrEnum

import networkx as nx

from permitlogic.errors import InputError
from permitlogic.escaping import xml_text
from permitlogic.graph import is_external
from permitlogic.graph_marks import Marks
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
        "svg_legend": "红：错误　橙：警告　蓝：提示　红色虚线：互为前置（成环）；箭头由前置条件指向需要它的事项",
        "external_note": "（外部条件）",
        "unlisted_note": "（目录中没有）",
    },
    "en": {
        "title": "{jurisdiction} ({id}): prerequisite graph",
        "legend": "red: error, amber: warning, blue: info; arrows run from a prerequisite to the item needing it",
        "svg_legend": (
            "red: error, orange: warning, blue: info, dashed red: a prerequisite cycle; "
            "arrows run from a prerequisite to the item needing it"
        ),
        "external_note": "(external)",
        "unlisted_note": "(not in the catalog)",
    },
}


class Renderer(StrEnum):
    """How SVG is drawn: Graphviz when installed (auto), or one of the two on request."""

    auto = "auto"
    graphviz = "graphviz"
    builtin = "builtin"


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
    return builtin_svg(catalog, findings, lang, graph=graph, marks=marks)


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


STANDALONE_TOP = 44.0
"""Room above the drawing for its title and legend."""


def builtin_svg(
    catalog: Catalog,
    findings: list[Finding],
    lang: str = "zh",
    *,
    graph: nx.DiGraph | None = None,
    marks: Marks | None = None,
) -> str:
    """The HTML report's drawing (``_graph.svg.j2``) as a standalone SVG, with a title and legend."""
    from permitlogic.report.labels import labels
    from permitlogic.report.page import environment, graph_style
    from permitlogic.report.svg_graph import CLUSTER_COUNTS, draw_prerequisite_graph

    t = labels(lang)
    drawing = draw_prerequisite_graph(
        catalog, findings, t["external"], CLUSTER_COUNTS[lang], graph=graph, marks=marks
    )
    text = TEXT[lang]
    return (
        environment()
        .get_template("graph.svg.j2")
        .render(
            g=drawing,
            t=t,
            title=text["title"].format(
                jurisdiction=catalog.catalog.jurisdiction, id=catalog.catalog.id
            ),
            legend=text["svg_legend"],
            top=STANDALONE_TOP,
            style=graph_style(),
            font=FONT,
        )
    )
