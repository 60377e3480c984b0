"""The plain longest-path computation with networkx, independent of the z3 proof.

Each stage is a DAG of its items (edges: prerequisites inside the stage), each
item weighted by its days; the stage's worst case is the heaviest path, and
the chain's is the sum over its stages, which run one after another. The
z3 proof must give the same numbers on every chain (tests/timing checks it),
and bench/time_proof.py compares the two for speed.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from permitlogic.timing.chains import ChainPlan, StagePlan

_SOURCE = ("source",)
"""A node before every item, so the item weights can sit on the edges into it."""


@dataclass(frozen=True)
class StageSchedule:
    worst_case_days: int
    critical_path: tuple[str, ...]
    earliest_start: tuple[int, ...]
    """Per item of the stage (StagePlan order), days after the stage starts."""


@dataclass(frozen=True)
class ChainSchedule:
    stages: tuple[StageSchedule, ...]

    @property
    def total_days(self) -> int:
        return sum(stage.worst_case_days for stage in self.stages)

    @property
    def critical_path(self) -> tuple[str, ...]:
        return tuple(item for stage in self.stages for item in stage.critical_path)

    def stage_holds(self, plan: ChainPlan) -> list[bool | None]:
        return [
            None if p.bound_days is None else s.worst_case_days <= p.bound_days
            for p, s in zip(plan.stages, self.stages, strict=True)
        ]

    def chain_holds(self, plan: ChainPlan) -> bool | None:
        return None if plan.bound_days is None else self.total_days <= plan.bound_days


def stage_graph(stage: StagePlan) -> nx.DiGraph:
    """The stage's DAG: an edge into each item carries that item's days."""
    graph = nx.DiGraph()
    graph.add_node(_SOURCE)
    for position, days in enumerate(stage.days):
        graph.add_edge(_SOURCE, position, weight=days)
        for before in stage.prerequisites[position]:
            graph.add_edge(before, position, weight=days)
    return graph


def stage_schedule(stage: StagePlan) -> StageSchedule:
    """The stage's longest path (networkx) and the earliest start of each item."""
    graph = stage_graph(stage)
    order = list(nx.topological_sort(graph))
    longest = nx.dag_longest_path(graph, weight="weight", topo_order=order)
    path = [node for node in longest if node != _SOURCE]
    earliest = [0] * len(stage.items)
    for node in order:
        if node == _SOURCE:
            continue
        earliest[node] = max(
            (earliest[p] + stage.days[p] for p in graph.predecessors(node) if p != _SOURCE),
            default=0,
        )
    return StageSchedule(
        worst_case_days=sum(stage.days[p] for p in path),
        critical_path=tuple(stage.items[p] for p in path),
        earliest_start=tuple(earliest),
    )


def chain_schedule(plan: ChainPlan) -> ChainSchedule:
    """Every stage's longest path; the plan must be schedulable (no cycle)."""
    if not plan.schedulable:
        raise ValueError(f"chain {plan.id} has a prerequisite cycle")
    return ChainSchedule(stages=tuple(stage_schedule(stage) for stage in plan.stages))
