"""The prerequisite graph: one networkx DiGraph per catalog, shared by every check.

Nodes are item ids, and ``external:<name>`` for prerequisites outside the
catalog. An edge ``P -> I`` says P must be obtained before applying for I
(the order things happen in), with the Prerequisite and its basis as
attributes. A prerequisite naming an id that is not in the catalog becomes a
node with ``kind="unlisted"`` (PL107 reports it). When an item lists the same
prerequisite twice, the edge keeps the first entry (``index`` is its position
in the item's ``prerequisites``); checks that judge each entry read the
catalog. Only items have incoming edges, so every cycle is a cycle of items.
"""

from __future__ import annotations

import networkx as nx

from permitlogic.gc_pause import collector_paused
from permitlogic.models.catalog import Catalog, Prerequisite

EXTERNAL_PREFIX = "external:"


def external_node(name: str) -> str:
    return f"{EXTERNAL_PREFIX}{name}"


def is_external(node: str) -> bool:
    return node.startswith(EXTERNAL_PREFIX)


def prerequisite_node(prerequisite: Prerequisite) -> str:
    """The node a prerequisite stands for: its item id, or ``external:<name>``."""
    if prerequisite.item is not None:
        return prerequisite.item
    return external_node(str(prerequisite.external))


def is_item(graph: nx.DiGraph, node: str) -> bool:
    """Whether ``node`` is an item of the catalog (not external, not unlisted)."""
    return bool(graph.nodes[node].get("kind") == "item")


def prerequisite_graph(catalog: Catalog) -> nx.DiGraph:
    """Build the graph: node attrs ``kind`` (item|external|unlisted), ``department``, ``name``."""
    with collector_paused():
        graph = nx.DiGraph()
        # The nodes first, then their attributes: networkx reads an (id, attributes)
        # pair by failing to hash it first, which cost more than the graph's edges.
        graph.add_nodes_from(item.id for item in catalog.items)
        nodes = graph.nodes
        for item in catalog.items:
            nodes[item.id].update(
                kind="item", department=item.department, name=item.name, item_kind=item.kind
            )
        others: dict[str, dict[str, object]] = {}
        edges: dict[tuple[str, str], dict[str, object]] = {}
        for item in catalog.items:
            for index, prerequisite in enumerate(item.prerequisites):
                source = prerequisite_node(prerequisite)
                if source not in graph and source not in others:
                    if prerequisite.item is not None:
                        others[source] = {"kind": "unlisted", "department": None, "name": source}
                    else:
                        others[source] = {
                            "kind": "external",
                            "department": None,
                            "name": prerequisite.external,
                        }
                edges.setdefault(
                    (source, item.id),
                    {"basis": prerequisite.basis, "prerequisite": prerequisite, "index": index},
                )
        graph.add_nodes_from(others.items())
        graph.add_edges_from((u, v, data) for (u, v), data in edges.items())
    return graph
