"""A chain (工程建设项目审批流程) prepared for the time proofs.

Each stage lists its items once, with the days each takes in the worst case
and the prerequisites that order them inside the stage; only prerequisite
edges between two items of the same stage order a stage (stages themselves
run one after another). The plan also records what makes a chain impossible
to schedule (a cycle among its items, reported by PL101) and every
prerequisite that sits in a later stage than the item needing it (PL313).

The z3 proof (proof.py), the networkx longest path (schedule.py) and the
repair (repair.py) all read the same plan, so they answer the same question.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from permitlogic.models.catalog import Chain, Item
from permitlogic.packs.checks_pack import Thresholds
from permitlogic.timing.days import schedule_days


@dataclass(frozen=True)
class StagePlan:
    """One stage: its items (listed order, each once), their days and in-stage prerequisites."""

    index: int
    name: str
    bound_days: int | None
    joint: bool
    items: tuple[str, ...]
    days: tuple[int, ...]
    prerequisites: tuple[tuple[int, ...], ...]
    """For each item, the positions (in ``items``) of its prerequisites in this stage."""

    def successors(self) -> list[list[int]]:
        """For each item, the positions of the items in this stage that require it."""
        result: list[list[int]] = [[] for _ in self.items]
        for position, before in enumerate(self.prerequisites):
            for prerequisite in before:
                result[prerequisite].append(position)
        return result

    def sinks(self) -> list[int]:
        """Positions of the items no other item of the stage requires (where the stage ends)."""
        required = {p for before in self.prerequisites for p in before}
        return [position for position in range(len(self.items)) if position not in required]


@dataclass(frozen=True)
class OrderViolation:
    """An item of the chain whose prerequisite sits in a later stage (PL313)."""

    item: str
    item_stage: int
    prerequisite: str
    prerequisite_stage: int


@dataclass(frozen=True)
class ChainPlan:
    """A chain as the time proofs see it."""

    id: str
    name: str
    bound_days: int | None
    joint: bool
    stages: tuple[StagePlan, ...]
    cycle: tuple[str, ...] | None
    """One prerequisite cycle among the chain's items, in order (first item repeated last)."""
    order_violations: tuple[OrderViolation, ...]

    @property
    def schedulable(self) -> bool:
        return self.cycle is None

    @property
    def item_count(self) -> int:
        return sum(len(stage.items) for stage in self.stages)


def chain_plan(chain: Chain, items: Mapping[str, Item], thresholds: Thresholds) -> ChainPlan:
    """The plan of ``chain``; ``items`` maps every item id of the catalog to its Item."""
    stages = tuple(
        _stage_plan(
            index,
            stage.name,
            stage.bound_days,
            chain.joint if stage.joint is None else stage.joint,
            stage.items,
            items,
            thresholds,
        )
        for index, stage in enumerate(chain.stages)
    )
    return ChainPlan(
        id=chain.id,
        name=chain.name,
        bound_days=chain.bound_days,
        joint=chain.joint,
        stages=stages,
        cycle=_cycle(stages, items),
        order_violations=_order_violations(stages, items),
    )


def _stage_plan(
    index: int,
    name: str,
    bound_days: int | None,
    joint: bool,
    listed: list[str],
    items: Mapping[str, Item],
    thresholds: Thresholds,
) -> StagePlan:
    ids = tuple(dict.fromkeys(i for i in listed if i in items))
    position = {item_id: p for p, item_id in enumerate(ids)}
    prerequisites = []
    for item_id in ids:
        before = dict.fromkeys(
            position[p.item]
            for p in items[item_id].prerequisites
            if p.item is not None and p.item in position and p.item != item_id
        )
        prerequisites.append(tuple(before))
    return StagePlan(
        index=index,
        name=name,
        bound_days=bound_days,
        joint=joint,
        items=ids,
        days=tuple(schedule_days(items[i], thresholds) for i in ids),
        prerequisites=tuple(prerequisites),
    )


def _chain_edges(stages: tuple[StagePlan, ...], items: Mapping[str, Item]) -> list[tuple[str, str]]:
    """Prerequisite edges (prerequisite, item) between any two items of the chain."""
    members = dict.fromkeys(i for stage in stages for i in stage.items)
    edges: dict[tuple[str, str], None] = {}
    for item_id in members:
        for prerequisite in items[item_id].prerequisites:
            if prerequisite.item is not None and prerequisite.item in members:
                edges[(prerequisite.item, item_id)] = None
    return list(edges)


def _cycle(stages: tuple[StagePlan, ...], items: Mapping[str, Item]) -> tuple[str, ...] | None:
    """One cycle among the chain's items, or None (Kahn's algorithm; networkx names the cycle)."""
    members = list(dict.fromkeys(i for stage in stages for i in stage.items))
    edges = _chain_edges(stages, items)
    indegree = dict.fromkeys(members, 0)
    successors: dict[str, list[str]] = {m: [] for m in members}
    for before, after in edges:
        indegree[after] += 1
        successors[before].append(after)
    ready = deque(m for m in members if indegree[m] == 0)
    done = 0
    while ready:
        node = ready.popleft()
        done += 1
        for after in successors[node]:
            indegree[after] -= 1
            if indegree[after] == 0:
                ready.append(after)
    if done == len(members):
        return None
    left = {m for m in members if indegree[m] > 0}
    graph = nx.DiGraph()
    graph.add_nodes_from(m for m in members if m in left)
    graph.add_edges_from((a, b) for a, b in edges if a in left and b in left)
    # What Kahn leaves includes items downstream of a cycle; prune those that lead
    # nowhere, so that walking forward from any remaining item meets a cycle.
    sinks = [n for n in graph if graph.out_degree(n) == 0]
    while sinks:
        node = sinks.pop()
        upstream = list(graph.predecessors(node))
        graph.remove_node(node)
        sinks.extend(p for p in upstream if graph.out_degree(p) == 0)
    start = next(m for m in members if m in graph)
    found = nx.find_cycle(graph, source=start)
    cycle = [edge[0] for edge in found]
    return (*cycle, cycle[0])


def _order_violations(
    stages: tuple[StagePlan, ...], items: Mapping[str, Item]
) -> tuple[OrderViolation, ...]:
    """Prerequisites in a later stage than the item (each item where it first appears)."""
    first: dict[str, int] = {}
    for stage in stages:
        for item_id in stage.items:
            first.setdefault(item_id, stage.index)
    found: list[OrderViolation] = []
    for item_id, stage_index in first.items():
        for prerequisite in items[item_id].prerequisites:
            other = prerequisite.item
            if other is None or other not in first or first[other] <= stage_index:
                continue
            found.append(OrderViolation(item_id, stage_index, other, first[other]))
    return tuple(dict.fromkeys(found))
