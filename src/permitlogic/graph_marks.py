"""Which nodes and edges of the prerequisite graph the findings name.

One reading for every drawing of the graph (the SVG of ``permitlogic graph``
and of the HTML report, DOT and JSON): a node is marked by each finding that
names it (an item id, or the name of an external prerequisite); an edge by each
finding that names its two ends one after the other, in its items or in a list
of its witness (a cycle, a chain, a path), whichever way the edge runs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import networkx as nx

from permitlogic.graph import external_node
from permitlogic.models.report import Finding, Severity


@dataclass
class Marks:
    """The worst severity and the rules on each node and edge; the severity of each finding per node."""

    nodes: dict[str, Severity] = field(default_factory=dict)
    node_rules: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    node_findings: dict[str, list[Severity]] = field(default_factory=lambda: defaultdict(list))
    edges: dict[tuple[str, str], Severity] = field(default_factory=dict)
    edge_rules: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))


def sequences(finding: Finding) -> list[list[str]]:
    """The ordered id lists a finding names: its items and any list in its witness."""
    found = [finding.items]
    for value in (finding.witness or {}).values():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            found.append(value)
    return found


def marks_of(graph: nx.DiGraph, findings: list[Finding]) -> Marks:
    """The nodes and edges each finding names, with the worst severity and the rules."""
    marks = Marks()
    for finding in findings:
        named = {n for n in (node_of(graph, i) for i in finding.items) if n is not None}
        for node in sorted(named):
            marks.node_findings[node].append(finding.severity)
            _mark(marks.nodes, marks.node_rules, node, finding)
        for edge in dict.fromkeys(_named_edges(graph, finding)):
            _mark(marks.edges, marks.edge_rules, edge, finding)
    return marks


def node_of(graph: nx.DiGraph, name: str) -> str | None:
    """The node ``name`` stands for: an item id, or an external prerequisite's name."""
    if name in graph:
        return name
    external = external_node(name)
    return external if external in graph else None


def _named_edges(graph: nx.DiGraph, finding: Finding) -> list[tuple[str, str]]:
    edges: list[tuple[str, str]] = []
    for sequence in sequences(finding):
        nodes = [node_of(graph, s) for s in sequence]
        for a, b in pairwise(nodes):
            if a is None or b is None:
                continue
            edges.extend(edge for edge in ((a, b), (b, a)) if graph.has_edge(*edge))
    return edges


def _mark(
    worst: dict[Any, Severity], rules: dict[Any, list[str]], key: Any, finding: Finding
) -> None:
    known = worst.get(key)
    if known is None or finding.severity.rank > known.rank:
        worst[key] = finding.severity
    if finding.rule not in rules[key]:
        rules[key].append(finding.rule)
