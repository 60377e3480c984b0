"""The prerequisite graph laid out for the HTML report (the template draws the SVG).

Up to ``COLLAPSE_LIMIT`` nodes, every item is a box: columns are layers of
the prerequisite order (a prerequisite stands left of what needs it), rows are
bands, one per department (外部条件 first), so each department's items stay
together. Past the limit the page would be unreadable and slow, so the graph
is collapsed to one box per department, with the number of prerequisites
between two departments on the arrow.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace

import networkx as nx

from permitlogic.graph import prerequisite_graph
from permitlogic.graph_marks import Marks, marks_of
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Finding, Severity
from permitlogic.report.findings import worst
from permitlogic.report.layout import Layering, bezier_mid, clip, layered

COLLAPSE_LIMIT = 400
"""More nodes than this and the graph is drawn by department."""

CLUSTER_COUNTS = {
    "zh": "{items} 个事项 · 内部前置 {internal}\n错误 {error} · 警告 {warning} · 提示 {info}",
    "en": "{items} items · {internal} internal\n{error} errors · {warning} warnings · {info} info",
}
"""A department box's counts when the graph is drawn by department."""

NODE_W = 172
NODE_H = 42
GAP_X = 70
GAP_Y = 12
BAND_PAD = 12
BAND_LABEL_W = 150
MARGIN = 24
FONT_PX = 12
ISOLATED_COLUMNS = 4
"""At least this many columns when some items have no prerequisite relation at all."""

CLUSTER_W = 220
CLUSTER_H = 64
CLUSTER_GAP_X = 120
CLUSTER_GAP_Y = 28


Point = tuple[float, float]
Curve = tuple[Point, Point, Point, Point]


@dataclass(frozen=True)
class DrawnNode:
    key: str
    kind: str  # item | external | unlisted | department
    title: str
    subtitle: str
    detail: str
    tooltip: str
    x: float
    y: float
    w: float
    h: float
    severity: str | None = None
    findings: int = 0


@dataclass(frozen=True)
class DrawnEdge:
    source: str
    target: str
    curve: Curve
    style: str  # plain | back | error | warning | info
    back: bool = False
    label: str = ""
    label_x: float = 0.0
    label_y: float = 0.0

    @property
    def path(self) -> str:
        """SVG path data of the cubic curve."""
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = self.curve
        return f"M{x0:.1f},{y0:.1f} C{x1:.1f},{y1:.1f} {x2:.1f},{y2:.1f} {x3:.1f},{y3:.1f}"


@dataclass(frozen=True)
class DrawnBand:
    label: str
    tooltip: str
    y: float
    h: float


@dataclass
class GraphDrawing:
    width: float
    height: float
    collapsed: bool
    node_count: int
    limit: int
    nodes: list[DrawnNode] = field(default_factory=list)
    edges: list[DrawnEdge] = field(default_factory=list)
    bands: list[DrawnBand] = field(default_factory=list)


def draw_prerequisite_graph(
    catalog: Catalog,
    findings: list[Finding],
    external_label: str,
    counts_label: str,
    limit: int = COLLAPSE_LIMIT,
    graph: nx.DiGraph | None = None,
    marks: Marks | None = None,
) -> GraphDrawing:
    """The graph of ``catalog`` with ``findings`` marked, by item or, past ``limit``, by department.

    ``external_label`` names the band (or box) of prerequisites outside the
    catalog; ``counts_label`` formats a department box's counts, with
    ``{items}``, ``{internal}``, ``{error}``, ``{warning}``, ``{info}``.
    ``graph`` is the catalog's prerequisite graph and ``marks`` what the
    findings name on it, when the caller has them.
    """
    graph = graph if graph is not None else prerequisite_graph(catalog)
    marked = marks if marks is not None else marks_of(graph, findings)
    nodes, edges = marked.node_findings, marked.edges
    if graph.number_of_nodes() > limit:
        return _clusters(catalog, graph, nodes, edges, external_label, counts_label, limit)
    return _items(catalog, graph, nodes, edges, external_label, limit)


def _departments(
    catalog: Catalog, graph: nx.DiGraph, external_label: str
) -> tuple[list[str], Callable[[Hashable], str]]:
    """The catalog's departments in order, and the department of a node (else ``external_label``)."""

    def department_of(node: Hashable) -> str:
        department = graph.nodes[node].get("department")
        return str(department) if department else external_label

    return list(dict.fromkeys(item.department for item in catalog.items)), department_of


def _items(
    catalog: Catalog,
    graph: nx.DiGraph,
    marks: dict[str, list[Severity]],
    edge_marks: dict[tuple[str, str], Severity],
    external_label: str,
    limit: int,
) -> GraphDrawing:
    index = {item.id: i for i, item in enumerate(catalog.items)}
    departments, band_of = _departments(catalog, graph, external_label)

    def key(node: Hashable) -> tuple[int, str]:
        return (index.get(str(node), len(index)), str(node))

    layering = layered(graph, key)
    bands = ([external_label] if any(band_of(n) == external_label for n in graph) else []) + [
        d for d in departments if d != external_label
    ]
    isolated = [n for n in graph.nodes if graph.degree(n) == 0]
    width = max(layering.depth, ISOLATED_COLUMNS if isolated else 1)
    columns = _item_columns(graph, layering, band_of, isolated, width)
    drawing = GraphDrawing(
        width=MARGIN * 2 + BAND_LABEL_W + width * (NODE_W + GAP_X),
        height=0,
        collapsed=False,
        node_count=graph.number_of_nodes(),
        limit=limit,
    )
    band_top = _stack_bands(drawing, bands, columns)
    position = _place_items(graph, layering, columns, bands, band_top, width)
    for node in sorted(graph.nodes, key=lambda n: layering.order[n]):
        drawing.nodes.append(_item_node(graph, node, position[node], marks.get(node, [])))
    for source, target in graph.edges:
        back = (source, target) in layering.back_edges
        curve = _edge_curve(position[source], position[target], NODE_W, NODE_H, back=back)
        drawing.edges.append(
            DrawnEdge(
                source=source,
                target=target,
                curve=curve,
                style=_edge_style(edge_marks.get((source, target)), back),
                back=back,
            )
        )
    return _fit_top(drawing)


def _item_columns(
    graph: nx.DiGraph,
    layering: Layering,
    band_of: Callable[[Hashable], str],
    isolated: list[str],
    width: int,
) -> dict[tuple[str, int], list[str]]:
    """The items of each (band, layer) cell; items with no relation where their band has room."""
    columns: dict[tuple[str, int], list[str]] = defaultdict(list)
    for node in sorted(graph.nodes, key=lambda n: layering.order[n]):
        if graph.degree(node) > 0:
            columns[(band_of(node), layering.layer[node])].append(node)
    for node in sorted(isolated, key=lambda n: layering.order[n]):
        band = band_of(node)
        layer = min(range(width), key=lambda c: (len(columns[(band, c)]), c))
        columns[(band, layer)].append(node)
    return columns


def _stack_bands(
    drawing: GraphDrawing, bands: list[str], columns: dict[tuple[str, int], list[str]]
) -> dict[str, float]:
    """The bands one below the other, each as tall as its fullest column; their tops."""
    band_rows = Counter[str]()
    for (band, _), nodes in columns.items():
        band_rows[band] = max(band_rows[band], len(nodes))
    band_top: dict[str, float] = {}
    y = float(MARGIN)
    for band in bands:
        rows = max(band_rows[band], 1)
        height = BAND_PAD * 2 + rows * NODE_H + (rows - 1) * GAP_Y
        band_top[band] = y
        drawing.bands.append(DrawnBand(label=clip(band, 11), tooltip=band, y=y, h=height))
        y += height + GAP_Y
    drawing.height = y + MARGIN
    return band_top


def _place_items(
    graph: nx.DiGraph,
    layering: Layering,
    columns: dict[tuple[str, int], list[str]],
    bands: list[str],
    band_top: dict[str, float],
    width: int,
) -> dict[str, tuple[float, float]]:
    """Top-left corner of every item: its layer's column, its slot in its band."""
    position: dict[str, tuple[float, float]] = {}
    for layer in range(width):
        for band in bands:
            nodes = columns.get((band, layer), [])
            nodes.sort(
                key=lambda n: (
                    graph.degree(n) == 0,
                    _barycenter(graph, n, position),
                    layering.order[n],
                )
            )
            for slot, node in enumerate(nodes):
                left = float(MARGIN + BAND_LABEL_W + layer * (NODE_W + GAP_X))
                position[node] = (left, band_top[band] + BAND_PAD + slot * (NODE_H + GAP_Y))
    return position


def _item_node(
    graph: nx.DiGraph, node: str, at: tuple[float, float], found: list[Severity]
) -> DrawnNode:
    x, y = at
    attrs = graph.nodes[node]
    kind = str(attrs.get("kind", "item"))
    severity = worst(found)
    name = str(attrs.get("name") or node)
    title = node if kind == "item" else name
    subtitle = name if kind == "item" else ""
    return DrawnNode(
        key=node,
        kind=kind,
        title=clip(title, (NODE_W - 16) / FONT_PX / 1.05),
        subtitle=clip(subtitle, (NODE_W - 16) / FONT_PX),
        detail="",
        tooltip=f"{title} {subtitle}".strip(),
        x=x,
        y=y,
        w=NODE_W,
        h=NODE_H,
        severity=severity.value if severity else None,
        findings=len(found),
    )


def _barycenter(graph: nx.DiGraph, node: str, position: dict[str, tuple[float, float]]) -> float:
    placed = [position[p][1] for p in graph.predecessors(node) if p in position]
    return sum(placed) / len(placed) if placed else 0.0


def _edge_style(marked: Severity | None, back: bool) -> str:
    if marked is not None:
        return marked.value
    return "back" if back else "plain"


def _edge_curve(source: Point, target: Point, w: float, h: float, *, back: bool) -> Curve:
    """A cubic curve from the right of ``source`` to the left of ``target``.

    A back edge (it closes a cycle, so it runs right to left or within a
    column) leaves from the top of the source and arcs over to the top of the
    target; a self-loop is a small loop on the top edge.
    """
    sx, sy = source
    tx, ty = target
    if back:
        if source == target:
            x0, x1 = sx + w * 0.35, sx + w * 0.65
            return (x0, sy), (x0, sy - 30), (x1, sy - 30), (x1, sy)
        peak = min(sy, ty) - (34 + min(abs(sx - tx) * 0.12, 110))
        x0, x1 = sx + w / 2, tx + w / 2
        return (x0, sy), (x0, peak), (x1, peak), (x1, ty)
    x0, y0 = sx + w, sy + h / 2
    x1, y1 = tx, ty + h / 2
    dx = max(28.0, (x1 - x0) / 2)
    return (x0, y0), (x0 + dx, y0), (x1 - dx, y1), (x1, y1)


def _fit_top(drawing: GraphDrawing) -> GraphDrawing:
    """Move everything down so the arcs of back edges stay inside the picture."""
    top = min((y for e in drawing.edges for _, y in e.curve), default=float(MARGIN))
    shift = max(0.0, MARGIN / 2 - top)
    if not shift:
        return drawing

    def down(point: Point) -> Point:
        return (point[0], point[1] + shift)

    drawing.nodes = [replace(n, y=n.y + shift) for n in drawing.nodes]
    drawing.bands = [replace(b, y=b.y + shift) for b in drawing.bands]
    drawing.edges = [
        replace(
            e,
            curve=(down(e.curve[0]), down(e.curve[1]), down(e.curve[2]), down(e.curve[3])),
            label_y=e.label_y + shift,
        )
        for e in drawing.edges
    ]
    drawing.height += shift
    return drawing


def _clusters(
    catalog: Catalog,
    graph: nx.DiGraph,
    marks: dict[str, list[Severity]],
    edge_marks: dict[tuple[str, str], Severity],
    external_label: str,
    counts_label: str,
    limit: int,
) -> GraphDrawing:
    departments, cluster_of = _departments(catalog, graph, external_label)

    rank = {d: i for i, d in enumerate([external_label, *departments])}
    members, severities, internal, between, flagged = _tally_clusters(
        graph, cluster_of, marks, edge_marks
    )
    clusters = nx.DiGraph()
    clusters.add_nodes_from({cluster_of(n) for n in graph.nodes})
    clusters.add_edges_from(between)
    layering = layered(clusters, lambda d: (rank.get(str(d), len(rank)), str(d)))
    columns: dict[int, list[str]] = defaultdict(list)
    for node in sorted(clusters.nodes, key=lambda n: layering.order[n]):
        columns[layering.layer[node]].append(node)
    tallest = max((len(c) for c in columns.values()), default=1)
    drawing = GraphDrawing(
        width=MARGIN * 2 + max(layering.depth, 1) * (CLUSTER_W + CLUSTER_GAP_X),
        height=MARGIN * 2 + 40 + tallest * (CLUSTER_H + CLUSTER_GAP_Y),
        collapsed=True,
        node_count=graph.number_of_nodes(),
        limit=limit,
    )
    position: dict[str, tuple[float, float]] = {
        node: (
            MARGIN + layer * (CLUSTER_W + CLUSTER_GAP_X),
            MARGIN + 40 + slot * (CLUSTER_H + CLUSTER_GAP_Y),
        )
        for layer in range(layering.depth)
        for slot, node in enumerate(columns[layer])
    }
    for node in sorted(clusters.nodes, key=lambda n: layering.order[n]):
        counts = severities.get(node, Counter())
        detail = counts_label.format(
            items=members[node],
            internal=internal[node],
            error=counts["error"],
            warning=counts["warning"],
            info=counts["info"],
        )
        drawing.nodes.append(_cluster_node(node, position[node], counts, detail))
    drawing.edges.extend(_cluster_edges(between, flagged, layering, position))
    return _fit_top(drawing)


def _cluster_edges(
    between: Counter[tuple[str, str]],
    flagged: dict[tuple[str, str], Severity],
    layering: Layering,
    position: dict[str, tuple[float, float]],
) -> list[DrawnEdge]:
    """One arrow per pair of departments, labelled with its number of prerequisites."""
    edges: list[DrawnEdge] = []
    for (a, b), count in sorted(between.items(), key=lambda e: (layering.order[e[0][0]], e[0][1])):
        back = (a, b) in layering.back_edges
        curve = _edge_curve(position[a], position[b], CLUSTER_W, CLUSTER_H, back=back)
        mx, my = bezier_mid(*curve)
        edges.append(
            DrawnEdge(
                source=a,
                target=b,
                curve=curve,
                style=_edge_style(flagged.get((a, b)), back),
                back=back,
                label=str(count),
                label_x=mx,
                label_y=my,
            )
        )
    return edges


ClusterTally = tuple[
    Counter[str],
    dict[str, Counter[str]],
    Counter[str],
    Counter[tuple[str, str]],
    dict[tuple[str, str], Severity],
]
"""Per department: items, findings by severity, internal prerequisites; per pair of
departments: prerequisites between them and the worst finding on one of them."""


def _tally_clusters(
    graph: nx.DiGraph,
    cluster_of: Callable[[Hashable], str],
    marks: dict[str, list[Severity]],
    edge_marks: dict[tuple[str, str], Severity],
) -> ClusterTally:
    members = Counter(cluster_of(n) for n in graph.nodes)
    severities: dict[str, Counter[str]] = defaultdict(Counter)
    for node, found in marks.items():
        for severity in found:
            severities[cluster_of(node)][severity.value] += 1
    internal = Counter[str]()
    between = Counter[tuple[str, str]]()
    flagged: dict[tuple[str, str], Severity] = {}
    for source, target in graph.edges:
        a, b = cluster_of(source), cluster_of(target)
        if a == b:
            internal[a] += 1
            continue
        between[(a, b)] += 1
        marked = edge_marks.get((source, target))
        if marked is not None:
            stronger = worst([marked, *([flagged[(a, b)]] if (a, b) in flagged else [])])
            if stronger is not None:
                flagged[(a, b)] = stronger
    return members, severities, internal, between, flagged


def _cluster_node(
    node: str, at: tuple[float, float], counts: Counter[str], counts_text: str
) -> DrawnNode:
    x, y = at
    top = worst(Severity(s) for s in counts)
    subtitle, _, detail = counts_text.partition("\n")
    return DrawnNode(
        key=node,
        kind="department",
        title=clip(node, (CLUSTER_W - 16) / 13),
        subtitle=subtitle,
        detail=detail,
        tooltip=node,
        x=x,
        y=y,
        w=CLUSTER_W,
        h=CLUSTER_H,
        severity=top.value if top else None,
        findings=sum(counts.values()),
    )
