"""Which items and prerequisite edges stand on the law (PL103, PL109).

A *separately established license* is a license item one of whose bases is of
a level the rule pack lets set a license outright (``may_set_license: yes``:
by default a law, an administrative regulation, a State Council decision or a
local regulation). A *statutory edge* is a prerequisite whose basis is of a
level that may make a prerequisite. A *lawful edge* is a statutory edge that
no other structure check condemns: its source is listed in the catalog (or is
an external condition) and it does not put a non-license item in front of a
license (PL104).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from permitlogic.check_support.basis_rules import level_rule, makes_prerequisite
from permitlogic.checks.base import CheckContext
from permitlogic.models.catalog import Item, Kind
from permitlogic.packs.checks_pack import MaySet

NOT_LICENSES = (Kind.non_license, Kind.intermediary, Kind.service)
"""Kinds that may not stand in front of a license (PL104)."""


def established_license(ctx: CheckContext, item: Item) -> bool:
    """A license set by a basis whose level may set one outright (law, regulation...)."""
    if item.kind is not Kind.license:
        return False
    for basis in item.basis:
        rule = level_rule(ctx, basis)
        if rule is not None and rule.may_set_license is MaySet.yes:
            return True
    return False


def lawful_edge(ctx: CheckContext, source: str, target: str, data: dict[str, Any]) -> bool:
    """A statutory edge (its basis is of a level that may make a prerequisite) that
    neither PL104 nor PL107 condemns; ``data`` is the edge's attributes."""
    if ctx.graph.nodes[source].get("kind") == "unlisted":
        return False
    if not makes_prerequisite(ctx, data.get("basis")):
        return False
    dependent, prerequisite = ctx.items.get(target), ctx.items.get(source)
    return not (
        dependent is not None
        and prerequisite is not None
        and dependent.kind is Kind.license
        and prerequisite.kind in NOT_LICENSES
    )


def lawful_graph(ctx: CheckContext) -> nx.DiGraph:
    """The prerequisite graph with its lawful edges only, built once.

    Only the nodes of those edges are kept, in the graph's order, and neither
    nodes nor edges carry attributes (``ctx.graph`` has them): most items of a
    catalog stand on no prerequisite edge at all.
    """

    def build() -> nx.DiGraph:
        edges = [
            (u, v) for u, v, data in ctx.graph.edges(data=True) if lawful_edge(ctx, u, v, data)
        ]
        touched = {u for u, _ in edges} | {v for _, v in edges}
        kept = nx.DiGraph()
        kept.add_nodes_from(node for node in ctx.graph if node in touched)
        kept.add_edges_from(edges)
        return kept

    return ctx.shared(("structure", "lawful-graph"), build)
