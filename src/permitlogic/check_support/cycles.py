"""Cycles of prerequisites: the components that contain one, and one shortest cycle each.

Finding the shortest cycle (the girth) of a directed component exactly needs
a search from many nodes; done naively that is quadratic, too slow for a
10,000-item ring. Two facts keep it near-linear on catalogs:

* A component whose every node has one successor inside it is one simple
  cycle: the answer is the component itself, read off in one walk.
* Otherwise every cycle passes through a *branch* node (more than one
  successor or predecessor inside the component), and the nodes between two
  branch nodes form a chain with one way in and one way out. The component
  is compressed to its branch nodes with chain lengths as weights, and a
  Dijkstra search from each branch node ``b`` looks only at branch nodes
  ``>= b`` (the smallest branch node of the shortest cycle finds it) and stops
  at the length of the best cycle found so far.

Self-loops are reported on their own (PL101), so the search ignores them.
Node order (``sorted``) decides every tie, so the answer is deterministic; the
cycle returned starts at its smallest node.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass
from typing import Any

import networkx as nx

from permitlogic.checks.base import CheckContext
from permitlogic.gc_pause import collector_paused


@dataclass(frozen=True)
class Cycles:
    """The strongly connected components with a cycle, and the self-loops."""

    components: list[list[str]]
    """Components of more than one node, each sorted; ordered by smallest member."""
    self_loops: list[str]
    """Nodes that are their own prerequisite, sorted."""
    component_of: dict[str, int]
    """Component index of every node in ``components``."""


def find_cycles(graph: nx.DiGraph) -> Cycles:
    """Every cyclic component (size > 1) and every self-loop of ``graph``."""
    with collector_paused():
        components = sorted(
            (sorted(c) for c in nx.strongly_connected_components(_core(graph)) if len(c) > 1),
            key=lambda members: members[0],
        )
    component_of = {node: index for index, members in enumerate(components) for node in members}
    loops = sorted(u for u, v in nx.selfloop_edges(graph))
    return Cycles(components=components, self_loops=loops, component_of=component_of)


def _core(graph: nx.DiGraph) -> nx.DiGraph:
    """The nodes with both a predecessor and a successor, and the edges between them.

    Every node of a cycle has both, so the cyclic components are the same; most
    items of a catalog have neither, and the search is written in Python.
    """
    edges = list(graph.edges)
    kept = {u for u, _ in edges} & {v for _, v in edges}
    inner = nx.DiGraph()
    inner.add_nodes_from(node for node in graph if node in kept)
    inner.add_edges_from((u, v) for u, v in edges if u in kept and v in kept)
    return inner


def context_cycles(ctx: CheckContext) -> Cycles:
    """The cycles of the context's graph, computed once for every check that needs them."""
    return ctx.shared(("structure", "cycles"), lambda: find_cycles(ctx.graph))


def shortest_cycle(graph: nx.DiGraph, members: list[str] | set[str]) -> list[str]:
    """One shortest cycle (length >= 2) inside the strongly connected ``members``.

    Returned closed and in edge order, ``[a, b, ..., a]``, starting at its
    smallest node: ``a`` is a prerequisite of ``b``, and so on.
    """
    inside = set(members)
    successors: dict[str, list[str]] = {
        v: sorted(w for w in graph.successors(v) if w in inside and w != v) for v in inside
    }
    if all(len(out) == 1 for out in successors.values()):
        return _closed(_walk_ring(successors, min(inside)))
    indegree: dict[str, int] = dict.fromkeys(inside, 0)
    for out in successors.values():
        for w in out:
            indegree[w] += 1
    branch = sorted(v for v in inside if len(successors[v]) != 1 or indegree[v] != 1)
    edges = _compressed(successors, set(branch))
    best_length, best_cycle = _best_self_chain(edges)
    for start in branch:
        found = _shortest_back(edges, start, best_length)
        if found is not None:
            best_length, best_cycle = found
    if best_cycle is None:
        raise ValueError("shortest_cycle needs a strongly connected component of 2 or more nodes")
    return _closed(_rotated(best_cycle))


Chain = tuple[str, ...]
"""The nodes strictly between two branch nodes."""


def _walk_ring(successors: dict[str, list[str]], start: str) -> list[str]:
    ring = [start]
    node = successors[start][0]
    while node != start:
        ring.append(node)
        node = successors[node][0]
    return ring


def _compressed(successors: dict[str, list[str]], branch: set[str]) -> dict[str, dict[str, Chain]]:
    """For each branch node, the shortest chain to each branch node it leads to."""
    edges: dict[str, dict[str, Chain]] = {}
    for b in sorted(branch):
        out: dict[str, Chain] = {}
        for first in successors[b]:
            chain: list[str] = []
            node = first
            while node not in branch:
                chain.append(node)
                node = successors[node][0]
            known = out.get(node)
            if known is None or len(chain) < len(known):
                out[node] = tuple(chain)
        edges[b] = out
    return edges


def _best_self_chain(edges: dict[str, dict[str, Chain]]) -> tuple[float, list[str] | None]:
    """The shortest cycle that leaves a branch node and comes back by one chain."""
    best_length: float = float("inf")
    best: list[str] | None = None
    for b in sorted(edges):
        chain = edges[b].get(b)
        if chain is not None and len(chain) + 1 < best_length:
            best_length, best = len(chain) + 1, [b, *chain]
    return best_length, best


def _shortest_back(
    edges: dict[str, dict[str, Chain]], start: str, bound: float
) -> tuple[int, list[str]] | None:
    """A cycle through ``start`` shorter than ``bound`` using branch nodes >= start, if any."""
    distance: dict[str, int] = {start: 0}
    previous: dict[str, tuple[str, Chain]] = {}
    heap: list[tuple[int, str]] = [(0, start)]
    best: tuple[int, str, Chain] | None = None
    while heap:
        dist, node = heapq.heappop(heap)
        if dist + 1 >= bound:
            break
        if dist > distance[node]:
            continue
        for target, chain in sorted(edges[node].items()):
            if target < start:
                continue
            length = dist + len(chain) + 1
            if length >= bound:
                continue
            if target == start:
                if node != start:
                    bound, best = length, (length, node, chain)
                continue
            if length < distance.get(target, length + 1):
                distance[target] = length
                previous[target] = (node, chain)
                heapq.heappush(heap, (length, target))
    if best is None:
        return None
    length, last, closing = best
    backwards = [last]
    node = last
    while node != start:
        before, link = previous[node]
        backwards.extend(reversed(link))
        backwards.append(before)
        node = before
    return length, [*reversed(backwards), *closing]


def _rotated(cycle: list[str]) -> list[str]:
    first = cycle.index(min(cycle))
    return cycle[first:] + cycle[:first]


def _closed(cycle: list[str]) -> list[str]:
    return [*cycle, cycle[0]]


def is_cycle(graph: nx.DiGraph, closed: list[Any]) -> bool:
    """Whether ``closed`` (``[a, ..., a]``) follows edges of ``graph`` back to its start."""
    return (
        len(closed) >= 2
        and closed[0] == closed[-1]
        and all(graph.has_edge(u, v) for u, v in itertools.pairwise(closed))
    )
