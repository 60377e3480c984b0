"""A layered layout for directed graphs that may have cycles, and text measures for SVG.

Nodes are put in a total order (strongly connected components in topological
order, members of one component by the caller's key); an edge that runs
against the order is a back edge (it closes a cycle) and is drawn apart. Every
other edge runs forward, so the longest-path layering over them is well
defined: a node's layer is one more than its furthest predecessor's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Layering:
    layer: dict[Hashable, int]
    order: dict[Hashable, int]
    back_edges: frozenset[tuple[Hashable, Hashable]]

    @property
    def depth(self) -> int:
        return max(self.layer.values(), default=-1) + 1


SortKey = Callable[[Hashable], tuple[int, str]]


def layered(graph: nx.DiGraph, key: SortKey) -> Layering:
    """Layers and back edges of ``graph``; ``key`` orders nodes inside a cycle and ties."""
    condensed = nx.condensation(graph)
    members: dict[int, list[Hashable]] = {
        component: sorted(condensed.nodes[component]["members"], key=key)
        for component in condensed.nodes
    }
    components = list(
        nx.lexicographical_topological_sort(condensed, key=lambda c: key(members[c][0]))
    )
    order: dict[Hashable, int] = {}
    for component in components:
        for node in members[component]:
            order[node] = len(order)
    back = frozenset((u, v) for u, v in graph.edges if order[u] >= order[v])
    layer: dict[Hashable, int] = {}
    for node in sorted(order, key=order.__getitem__):
        forward = [p for p in graph.predecessors(node) if (p, node) not in back]
        layer[node] = max((layer[p] + 1 for p in forward), default=0)
    return Layering(layer=layer, order=order, back_edges=back)


def text_em(text: str) -> float:
    """Width of ``text`` in ems: wide (CJK) characters 1, others about 0.58."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.58 for c in text)


def clip(text: str, max_em: float) -> str:
    """``text`` cut to ``max_em`` ems, with an ellipsis when it was cut."""
    if text_em(text) <= max_em:
        return text
    out = ""
    for char in text:
        if text_em(out + char) > max_em - 1:
            break
        out += char
    return out + "…"


def bezier_mid(
    p0: tuple[float, float],
    p1: tuple[float, float],
    p2: tuple[float, float],
    p3: tuple[float, float],
) -> tuple[float, float]:
    """The point of a cubic Bézier curve at t = 0.5."""
    return (
        (p0[0] + 3 * p1[0] + 3 * p2[0] + p3[0]) / 8,
        (p0[1] + 3 * p1[1] + 3 * p2[1] + p3[1]) / 8,
    )
