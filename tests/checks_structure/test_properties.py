"""Properties of PL101, PL102 and PL109 on generated catalogs (hypothesis)."""

from __future__ import annotations

import copy
import itertools
from collections import deque
from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from permitlogic.check_runner import check
from permitlogic.check_support.cycles import is_cycle
from permitlogic.check_support.wording import basis_data
from permitlogic.graph import prerequisite_graph, prerequisite_node
from permitlogic.models.catalog import Basis, Catalog, Kind, Prerequisite
from permitlogic.models.report import Finding
from permitlogic.packs.checks_pack import bundled_checks_pack
from sizes import examples

from .strategies import as_catalog, catalog_data

EXAMPLES = settings(max_examples=examples(150))


def findings(catalog: Catalog, rule: str) -> list[Finding]:
    return check(catalog, select=[rule]).findings


def brute_force_girth(graph: nx.DiGraph, members: set[str]) -> int:
    """The shortest cycle (length >= 2) inside ``members``, by BFS from every node."""
    best = len(members) + 1
    for start in members:
        distance = {start: 0}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for nxt in graph.successors(node):
                if nxt not in members or nxt == node:
                    continue
                if nxt == start:
                    best = min(best, distance[node] + 1)
                elif nxt not in distance:
                    distance[nxt] = distance[node] + 1
                    queue.append(nxt)
    return best


def component_of(graph: nx.DiGraph, nodes: list[str]) -> frozenset[str]:
    for component in nx.strongly_connected_components(graph):
        if set(nodes) <= component:
            return frozenset(component)
    raise AssertionError(f"{nodes} are not in one strongly connected component")


@EXAMPLES
@given(catalog_data())
def test_pl101_reports_a_cycle_iff_the_graph_is_not_acyclic(data: dict[str, Any]) -> None:
    catalog = as_catalog(data)
    graph = prerequisite_graph(catalog)
    assert bool(findings(catalog, "PL101")) == (not nx.is_directed_acyclic_graph(graph))


@EXAMPLES
@given(catalog_data())
def test_pl101_witnesses_are_real_cycles_and_shortest_in_their_component(
    data: dict[str, Any],
) -> None:
    catalog = as_catalog(data)
    graph = prerequisite_graph(catalog)
    found = findings(catalog, "PL101")
    components = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    loops = {u for u, _ in nx.selfloop_edges(graph)}
    reported_components = set()
    reported_loops = set()
    for finding in found:
        assert finding.witness is not None
        cycle = finding.witness["cycle"]
        assert is_cycle(graph, cycle)
        assert finding.items == cycle[:-1]
        assert len(set(finding.items)) == len(finding.items)
        assert cycle[0] == min(finding.items)
        if len(finding.items) == 1:
            reported_loops.add(cycle[0])
            continue
        members = component_of(graph, finding.items)
        assert members not in reported_components, "one finding per component"
        reported_components.add(members)
        assert len(finding.items) == brute_force_girth(graph, set(members))
    assert reported_components == {frozenset(c) for c in components}
    assert reported_loops == loops


@EXAMPLES
@given(catalog_data(), st.data())
def test_adding_a_prerequisite_never_removes_a_pl101_finding(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    before = findings(as_catalog(data), "PL101")
    grown = copy.deepcopy(data)
    ids = [item["id"] for item in grown["items"]]
    target = draw.draw(st.sampled_from(grown["items"]))
    target["prerequisites"].append({"item": draw.draw(st.sampled_from(ids))})
    catalog = as_catalog(grown)
    graph = prerequisite_graph(catalog)
    after = findings(catalog, "PL101")
    after_components = [component_of(graph, f.items) for f in after if len(f.items) > 1]
    after_loops = {f.items[0] for f in after if len(f.items) == 1}
    for finding in before:
        if len(finding.items) == 1:
            assert finding.items[0] in after_loops
        else:
            assert any(set(finding.items) <= c for c in after_components)


@EXAMPLES
@given(catalog_data())
def test_removing_every_flagged_prerequisite_leaves_pl102_silent(data: dict[str, Any]) -> None:
    catalog = as_catalog(data)
    flagged = {
        (f.witness["edge"][0], f.witness["edge"][1], repr(f.witness["basis"]))
        for f in findings(catalog, "PL102")
        if f.witness is not None
    }
    cleaned = copy.deepcopy(data)
    removed = 0
    for item in cleaned["items"]:
        kept = []
        for raw in item["prerequisites"]:
            basis = Basis.model_validate(raw["basis"]) if "basis" in raw else None
            node = prerequisite_node(Prerequisite.model_validate(raw))
            if (node, item["id"], repr(basis_data(basis))) in flagged:
                removed += 1
            else:
                kept.append(raw)
        item["prerequisites"] = kept
    assert removed >= len(flagged)
    assert findings(as_catalog(cleaned), "PL102") == []


@EXAMPLES
@given(catalog_data(max_items=9, max_edges=18))
def test_pl109_flags_exactly_the_edges_the_reduction_of_the_condensation_drops(
    data: dict[str, Any],
) -> None:
    """On the lawful edges only: a statutory basis, a listed source, no non-license before a license."""
    catalog = as_catalog(data)
    full = prerequisite_graph(catalog)
    pack = bundled_checks_pack()
    kinds = {item.id: item.kind for item in catalog.items}
    not_licenses = {Kind.non_license, Kind.intermediary, Kind.service}

    def lawful(u: str, v: str, basis: Basis | None) -> bool:
        statutory = basis is not None and pack.basis_levels[basis.level].may_make_prerequisite
        listed = full.nodes[u]["kind"] != "unlisted"
        before_license = kinds[v] is Kind.license and kinds.get(u) in not_licenses
        return statutory and listed and not before_license

    graph = nx.DiGraph()
    graph.add_nodes_from(full.nodes)
    graph.add_edges_from((u, v) for u, v, b in full.edges(data="basis") if lawful(u, v, b))
    condensed = nx.condensation(graph)
    mapping = condensed.graph["mapping"]
    reduced = nx.transitive_reduction(condensed)
    expected = {
        (u, v)
        for u, v in graph.edges
        if mapping[u] != mapping[v] and not reduced.has_edge(mapping[u], mapping[v])
    }
    found = findings(catalog, "PL109")
    assert {tuple(f.witness["edge"]) for f in found if f.witness} == expected
    for finding in found:
        assert finding.witness is not None
        path = finding.witness["path"]
        assert [path[0], path[-1]] == finding.witness["edge"]
        assert len(path) >= 3 and len(set(path)) == len(path)
        assert all(graph.has_edge(a, b) for a, b in itertools.pairwise(path))
