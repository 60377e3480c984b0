"""On random chains, the z3 proof answers exactly what the plain networkx longest path says.

And a suggested fix, applied, makes the check pass; a chain with a cycle
never crashes the proof and raises no PL310/PL311.
"""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx
from hypothesis import given, settings

from permitlogic.check_runner import check
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Finding
from permitlogic.packs.checks_pack import bundled_checks_pack
from permitlogic.timing.chains import ChainPlan, chain_plan
from permitlogic.timing.proof import prove_chain
from permitlogic.timing.schedule import chain_schedule
from sizes import examples

from .strategies import chain_catalogs

THRESHOLDS = bundled_checks_pack().thresholds


def plans(catalog: Catalog) -> list[ChainPlan]:
    items = catalog.item_map()
    return [chain_plan(chain, items, THRESHOLDS) for chain in catalog.chains]


def chain_members_graph(catalog: Catalog, plan: ChainPlan) -> nx.DiGraph:
    members = {i for stage in plan.stages for i in stage.items}
    graph = nx.DiGraph()
    graph.add_nodes_from(members)
    for item in catalog.items:
        if item.id not in members:
            continue
        for prerequisite in item.prerequisites:
            if prerequisite.item in members:
                graph.add_edge(prerequisite.item, item.id)
    return graph


@settings(max_examples=examples(150))
@given(chain_catalogs())
def test_z3_verdicts_and_critical_paths_equal_the_networkx_longest_path(catalog: Catalog) -> None:
    for plan in plans(catalog):
        acyclic = nx.is_directed_acyclic_graph(chain_members_graph(catalog, plan))
        assert plan.schedulable == acyclic
        if not acyclic:
            assert plan.cycle is not None and plan.cycle[0] == plan.cycle[-1]
            continue
        proof = prove_chain(plan)
        schedule = chain_schedule(plan)
        assert proof.total_days == schedule.total_days
        assert [s.holds for s in proof.stages] == schedule.stage_holds(plan)
        assert proof.holds == schedule.chain_holds(plan)
        start = 0
        for stage_plan, stage, nx_stage in zip(
            plan.stages, proof.stages, schedule.stages, strict=True
        ):
            assert stage.start == start
            assert stage.worst_case_days == nx_stage.worst_case_days
            position = {item: p for p, item in enumerate(stage_plan.items)}
            path = [position[item] for item in stage.critical_path]
            # z3's critical path is a real prerequisite path of the stage, as long as networkx's.
            assert sum(stage_plan.days[p] for p in path) == nx_stage.worst_case_days
            assert sum(stage_plan.days[position[i]] for i in nx_stage.critical_path) == (
                nx_stage.worst_case_days
            )
            for before, after in itertools.pairwise(path):
                assert before in stage_plan.prerequisites[after]
            if path:
                assert stage.starts[path[0]] == stage.start
                assert stage.starts[path[-1]] + stage_plan.days[path[-1]] == stage.end
            # Every item starts at its earliest moment, as networkx computes it.
            assert list(stage.starts) == [start + e for e in nx_stage.earliest_start]
            if stage.holds is False:
                assert stage.core is not None and stage.bound_days is not None
                assert stage.core.bound == f"stage:{stage.name}"
                assert set(stage.core.items) <= set(stage.critical_path)
                core_days = sum(stage_plan.days[position[i]] for i in stage.core.items)
                assert core_days > stage.bound_days
            start += stage.worst_case_days
        if proof.holds is False:
            assert proof.core is not None and plan.bound_days is not None
            assert proof.core.bound == f"chain:{plan.id}"
            assert sum(proof.days_of(i) for i in proof.core.items) > plan.bound_days


def by_chain(findings: list[Finding], rule: str) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.rule == rule and finding.witness is not None:
            grouped.setdefault(finding.witness["chain"], []).append(finding)
    return grouped


def applied(catalog: Catalog, findings: list[Finding]) -> Catalog:
    """The catalog with every change of the findings' fixes made."""
    new_days: dict[str, Any] = {}
    for finding in findings:
        assert finding.fix is not None
        for change in finding.fix.changes:
            assert change.field == "promised_days"
            new_days[change.item] = min(change.new, new_days.get(change.item, change.new))
    data = catalog.model_dump(mode="json")
    for item in data["items"]:
        if item["id"] in new_days:
            item["promised_days"] = new_days[item["id"]]
    return Catalog.model_validate(data)


@settings(max_examples=examples(100))
@given(chain_catalogs())
def test_findings_follow_the_proof_and_every_fix_makes_the_chain_pass(catalog: Catalog) -> None:
    report = check(catalog, select=["PL310", "PL311"])
    stage_findings = by_chain(report.findings, "PL310")
    chain_findings = by_chain(report.findings, "PL311")
    timelines = {t.chain: t for t in report.timelines}
    for plan in plans(catalog):
        timeline = timelines[plan.id]
        assert timeline.schedulable == plan.schedulable
        if not plan.schedulable:
            assert plan.id not in stage_findings and plan.id not in chain_findings
            assert timeline.note_en and "cycle" in timeline.note_en
            continue
        schedule = chain_schedule(plan)
        broken = [
            p.name
            for p, ok in zip(plan.stages, schedule.stage_holds(plan), strict=True)
            if ok is False
        ]
        assert [f.witness["stage"] for f in stage_findings.get(plan.id, []) if f.witness] == broken
        assert (plan.id in chain_findings) == (schedule.chain_holds(plan) is False)
        assert timeline.total_days == schedule.total_days
        fixes = chain_findings.get(plan.id) or stage_findings.get(plan.id, [])
        if not fixes or not all(f.fix and f.fix.changes for f in fixes):
            continue  # no repair exists (checked in test_repair.py)
        for finding in fixes:
            for change in finding.fix.changes if finding.fix else []:
                item = catalog.item_map()[change.item]
                assert change.new is not None and isinstance(change.new, int)
                assert change.new >= (0 if item.on_the_spot else 1)
                assert change.old == item.promised_days
        repaired = check(applied(catalog, fixes), select=["PL310", "PL311"])
        assert not [
            f for f in repaired.findings if f.witness and f.witness.get("chain") == plan.id
        ], "the suggested fix leaves the chain's bounds violated"
