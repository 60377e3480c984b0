"""``--format html``: one self-contained page a legal office can send to every department.

The page holds the summary by severity and by department, the prerequisite
graph with the findings marked, each chain's worst-case timeline, and every
finding with its article and fix. Style, script and data are inlined: the file
opens offline. Clicking an item (in the graph, a timeline or a finding) shows
its findings and legal basis in a side panel.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from permitlogic.graph_marks import sequences
from permitlogic.law.quotes import quote_line
from permitlogic.models.catalog import Catalog, Item
from permitlogic.models.report import Finding, Severity, Timeline
from permitlogic.report.context import RenderInput
from permitlogic.report.findings import (
    by_department,
    item_index,
    precise_location,
    rule_title,
    where,
)
from permitlogic.report.labels import labels, severity_label
from permitlogic.report.page import asset, environment, page_style
from permitlogic.report.svg_graph import (
    CLUSTER_COUNTS,
    COLLAPSE_LIMIT,
    GraphDrawing,
    draw_prerequisite_graph,
)
from permitlogic.report.svg_timeline import TimelineDrawing, draw_timeline

SEVERITIES = (Severity.error, Severity.warning, Severity.info)


@dataclass(frozen=True)
class FindingView:
    index: int
    anchor: str
    rule: str
    title: str
    severity: str
    severity_label: str
    items: list[str]
    chain: list[str]
    message: str
    citation: str
    law: list[str]
    fix: str
    changes: list[str]
    where: str


@dataclass(frozen=True)
class DepartmentRow:
    name: str
    anchor: str | None
    items: int
    counts: dict[str, int]


@dataclass(frozen=True)
class TimelineView:
    timeline: Timeline
    drawing: TimelineDrawing | None
    note: str


@dataclass
class CatalogView:
    index: int
    id: str
    jurisdiction: str
    source: str
    items: int
    summary: dict[str, int]
    departments: list[DepartmentRow]
    rules: list[tuple[str, str, str, int]]
    graph: GraphDrawing
    graph_note: str
    timelines: list[TimelineView]
    chains: int
    findings: dict[str, list[FindingView]]
    data: dict[str, Any] = field(default_factory=dict)
    not_judged: list[str] = field(default_factory=list)


def render(inputs: list[RenderInput]) -> str:
    """The whole page for one or more checked catalogs."""
    lang = inputs[0].lang if inputs else "zh"
    t = labels(lang)
    views = [_catalog_view(index, inp, t) for index, inp in enumerate(inputs)]
    template = environment().get_template("report.html.j2")
    return template.render(
        t=t,
        lang=lang,
        html_lang="zh-CN" if lang == "zh" else "en",
        catalogs=views,
        severities=[s.value for s in SEVERITIES],
        severity_labels={s.value: severity_label(s, lang) for s in SEVERITIES},
        version=inputs[0].report.tool.version if inputs else "",
        style=page_style(),
        script=asset("report.js"),
    )


def _catalog_view(index: int, inp: RenderInput, t: dict[str, str]) -> CatalogView:
    report, catalog, lang = inp.report, inp.catalog, inp.lang
    whole = t["whole_catalog"]
    order = list(dict.fromkeys(item.department for item in catalog.items))
    grouped = by_department(report.findings, whole, order)
    views: dict[str, list[FindingView]] = {}
    flat: list[FindingView] = []
    positions = item_index(inp)
    for department, findings in grouped.items():
        views[department] = []
        for finding in findings:
            view = _finding_view(index, len(flat), finding, inp, positions)
            views[department].append(view)
            flat.append(view)
    items_per_department = Counter(item.department for item in catalog.items)
    anchors = {department: f"c{index}-d{n}" for n, department in enumerate(grouped)}
    departments = [
        DepartmentRow(
            name=department,
            anchor=anchors.get(department),
            items=items_per_department.get(department, 0),
            counts={
                s.value: sum(1 for f in grouped.get(department, []) if f.severity is s)
                for s in SEVERITIES
            },
        )
        for department in [*order, *(d for d in grouped if d not in items_per_department)]
    ]
    rule_counts = Counter((f.rule, f.name, f.severity.value) for f in report.findings)
    rules = sorted(
        ((rule, rule_title(rule, name, lang), severity, count))
        for (rule, name, severity), count in rule_counts.items()
    )
    prerequisites = inp.prerequisites()
    graph = draw_prerequisite_graph(
        catalog, report.findings, t["external"], CLUSTER_COUNTS[lang], graph=prerequisites
    )
    graph_note = (
        t["graph_collapsed"].format(nodes=graph.node_count, limit=COLLAPSE_LIMIT)
        if graph.collapsed
        else t["graph_hint"]
    )
    return CatalogView(
        index=index,
        id=report.catalog.id,
        jurisdiction=catalog.catalog.jurisdiction,
        source=report.catalog.source or "",
        items=report.catalog.items,
        summary={s.value: getattr(report.summary, s.value) for s in SEVERITIES},
        departments=departments,
        rules=rules,
        graph=graph,
        graph_note=graph_note,
        timelines=[_timeline_view(timeline, lang) for timeline in report.timelines],
        chains=len(catalog.chains),
        findings=views,
        data=_panel_data(catalog, prerequisites, flat, grouped, lang, t),
        not_judged=[n.message_zh if lang == "zh" else n.message_en for n in report.not_judged],
    )


def _finding_view(
    catalog_index: int,
    index: int,
    finding: Finding,
    inp: RenderInput,
    positions: dict[str, int],
) -> FindingView:
    lang = inp.lang
    chain = next((s for s in sequences(finding)[1:] if len(s) > 1), [])
    fix = finding.fix
    return FindingView(
        index=index,
        anchor=f"c{catalog_index}-f{index}",
        rule=finding.rule,
        title=rule_title(finding.rule, finding.name, lang),
        severity=finding.severity.value,
        severity_label=severity_label(finding.severity, lang),
        items=finding.items,
        chain=chain,
        message=finding.message_zh if lang == "zh" else finding.message_en,
        citation=finding.citation,
        law=[quote_line(q) for q in finding.law],
        fix=(fix.message_zh if lang == "zh" else fix.message_en) if fix else "",
        changes=[
            f"{c.item}.{c.field}: {'' if c.old is None else c.old} → {'' if c.new is None else c.new}"
            for c in (fix.changes if fix else [])
        ],
        where=where(precise_location(finding, inp, positions)),
    )


def _timeline_view(timeline: Timeline, lang: str) -> TimelineView:
    note = (timeline.note_zh if lang == "zh" else timeline.note_en) or ""
    drawing = draw_timeline(timeline) if timeline.schedulable and timeline.stages else None
    return TimelineView(timeline=timeline, drawing=drawing, note=note)


def _panel_data(
    catalog: Catalog,
    graph: nx.DiGraph,
    findings: list[FindingView],
    grouped: dict[str, list[Finding]],
    lang: str,
    t: dict[str, str],
) -> dict[str, Any]:
    """What the side panel shows, as JSON: every item, every finding, each department's findings."""
    on_item: dict[str, list[int]] = {}
    for view in findings:
        for item in dict.fromkeys(view.items):
            on_item.setdefault(item, []).append(view.index)
    departments: dict[str, list[int]] = {}
    position = 0
    for department, found in grouped.items():
        departments[department] = list(range(position, position + len(found)))
        position += len(found)
    items = {
        item.id: _item_data(item, graph.successors(item.id), on_item, lang, t)
        for item in catalog.items
    }
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "item":
            name = str(attrs.get("name") or node)
            items[node] = {
                "id": name,
                "name": t["external"] if attrs.get("kind") == "external" else t["unlisted"],
                "needed_by": sorted(graph.successors(node)),
                "findings": on_item.get(name, []) + on_item.get(node, []),
            }
    return {
        "items": items,
        "departments": departments,
        "findings": [
            {
                "anchor": f.anchor,
                "rule": f.rule,
                "title": f.title,
                "severity": f.severity,
                "severity_label": f.severity_label,
                "message": f.message,
                "citation": f.citation,
                "fix": f.fix,
            }
            for f in findings
        ],
    }


def _item_data(
    item: Item,
    needed_by: Any,
    on_item: dict[str, list[int]],
    lang: str,
    t: dict[str, str],
) -> dict[str, Any]:
    def cite(level_zh: str, level: str, text: str) -> str:
        return f"{level_zh}：{text}" if lang == "zh" else f"{level}: {text}"

    def wrap(text: str) -> str:
        return f"（{text}）" if lang == "zh" else f" ({text})"

    return {
        "id": item.id,
        "name": item.name,
        "department": item.department,
        "kind": item.kind.zh if lang == "zh" else item.kind.value,
        "promised": item.promised_days,
        "statutory": item.statute_days,
        "basis": [cite(b.level_zh, b.level_key, b.cite()) for b in item.basis],
        "prerequisites": [
            p.target + wrap(p.basis.cite() if p.basis else t["no_basis"])
            for p in item.prerequisites
        ],
        "needed_by": sorted(needed_by),
        "findings": on_item.get(item.id, []),
    }
