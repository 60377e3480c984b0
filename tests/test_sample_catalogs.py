"""The sample catalogs in cases/: they load, and they are what they claim to be.

These tests check the data with plain Python (no check of the engine is
called), so that a regression in the samples cannot hide behind a regression
in the checks that read them:

- every file parses with PyYAML and validates against the models;
- flawed-county.yaml names every check of the registry in a comment;
- demo-county.yaml keeps the promises its header makes: chains that hold,
  lawful prerequisites, reduction targets, review levels, on-the-spot rates;
- demo-county-2025.yaml differs from demo-county.yaml as its header says;
- reference-2026.yaml leaves demo-county.yaml clean.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import yamlio
from permitlogic.checks.registry import all_checks
from permitlogic.models.catalog import Catalog, Item, Kind, Level
from permitlogic.models.reference import ReferenceList, ReferenceStatus

CASES = Path(__file__).resolve().parent.parent / "cases"
CATALOG_FILES = ["demo-county.yaml", "flawed-county.yaml", "demo-county-2025.yaml"]

# Every check of the registry: a valid catalog can carry any finding but
# PL001 (invalid input, which is not a check).
CHECK_IDS = list(all_checks())

PREREQUISITE_LEVELS = {
    Level.law,
    Level.administrative_regulation,
    Level.state_council_decision,
}
LICENSE_LEVELS = PREREQUISITE_LEVELS | {Level.local_regulation}


def raw(name: str) -> Any:
    with (CASES / name).open(encoding="utf-8") as handle:
        return yamlio.load(handle)


def catalog(name: str) -> Catalog:
    return Catalog.model_validate(raw(name))


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return catalog("demo-county.yaml")


def normalized(item: Item) -> str:
    """The name as PL108 compares it: department prefix, punctuation and whitespace removed."""
    name = item.name
    if name.startswith(item.department):
        name = name[len(item.department) :]
    return "".join(
        ch for ch in name if not ch.isspace() and unicodedata.category(ch)[0] not in "PS"
    )


def stage_worst_case(cat: Catalog, stage_items: list[str]) -> tuple[int, list[str]]:
    """The longest prerequisite path through a stage's items, each taking its promised days."""
    items = cat.item_map()
    members = set(stage_items)
    preds = {
        i: [p.item for p in items[i].prerequisites if p.item in members and p.item != i]
        for i in stage_items
    }
    memo: dict[str, tuple[int, list[str]]] = {}

    def finish(node: str, trail: frozenset[str]) -> tuple[int, list[str]]:
        assert node not in trail, f"prerequisite cycle inside a stage at {node}"
        if node not in memo:
            best: tuple[int, list[str]] = (0, [])
            for pred in preds[node]:
                candidate = finish(pred, trail | {node})
                if candidate[0] > best[0]:
                    best = candidate
            memo[node] = (best[0] + items[node].days, [*best[1], node])
        return memo[node]

    results = [finish(i, frozenset()) for i in stage_items]
    return max(results, key=lambda r: r[0]) if results else (0, [])


# ── every file loads ──────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", CATALOG_FILES)
def test_catalog_parses_and_validates(name: str) -> None:
    data = raw(name)
    assert isinstance(data, dict)
    cat = Catalog.model_validate(data)
    assert cat.items
    assert len({item.id for item in cat.items}) == len(cat.items)


def test_reference_parses_and_validates() -> None:
    ref = ReferenceList.model_validate(raw("reference-2026.yaml"))
    statuses = {entry.status for entry in ref.entries}
    assert statuses == {ReferenceStatus.abolished, ReferenceStatus.devolved}
    assert all(entry.document and entry.date for entry in ref.entries)


def test_catalog_ids() -> None:
    assert catalog("demo-county.yaml").catalog.id == "demo-county-2026"
    assert catalog("flawed-county.yaml").catalog.id == "flawed-county-2026"
    assert catalog("demo-county-2025.yaml").catalog.id == "demo-county-2025"


# ── flawed-county.yaml names every check ──────────────────────────────────────


def test_flawed_catalog_comments_name_every_check() -> None:
    text = (CASES / "flawed-county.yaml").read_text(encoding="utf-8")
    comments = "\n".join(line.split("#", 1)[1] for line in text.splitlines() if "#" in line)
    missing = [cid for cid in CHECK_IDS if not re.search(rf"\b{cid}\b", comments)]
    assert not missing, f"no comment names {missing}"


def test_flawed_catalog_keeps_cycles_out_of_chains() -> None:
    flawed = catalog("flawed-county.yaml")
    graph = nx.DiGraph()
    for item in flawed.items:
        for p in item.prerequisites:
            if p.item is not None:
                graph.add_edge(p.item, item.id)
    in_cycles = {
        n for comp in nx.strongly_connected_components(graph) if len(comp) > 1 for n in comp
    }
    in_cycles |= {n for n, _ in nx.selfloop_edges(graph)}
    assert in_cycles == {"ZR-003", "JS-003", "SJ-010", "XF-001", "WL-001", "SJ-002"}
    chained = {i for chain in flawed.chains for stage in chain.stages for i in stage.items}
    assert not in_cycles & chained


# ── demo-county.yaml is what its header says ──────────────────────────────────


def test_demo_size(demo: Catalog) -> None:
    assert len(demo.items) >= 44
    assert len({item.department for item in demo.items}) >= 9


def test_demo_chains_hold(demo: Catalog) -> None:
    expected = {
        "gov-building": ([14, 8, 3, 8], 33),
        "social-small": ([0, 5, 3, 5], 13),
    }
    assert {chain.id for chain in demo.chains} == set(expected)
    for chain in demo.chains:
        worst = []
        for stage in chain.stages:
            days, _path = stage_worst_case(demo, stage.items)
            worst.append(days)
            assert stage.bound_days is not None
            assert days <= stage.bound_days, (chain.id, stage.name, days)
            joint = stage.joint if stage.joint is not None else chain.joint
            if joint:
                assert stage.bound_days <= 45
        assert chain.bound_days is not None
        assert sum(worst) <= chain.bound_days, (chain.id, worst)
        if chain.joint:
            assert chain.bound_days <= 45
        assert (worst, sum(worst)) == expected[chain.id]


def test_demo_gov_building_stages_in_order(demo: Catalog) -> None:
    chain = next(c for c in demo.chains if c.id == "gov-building")
    assert [s.name for s in chain.stages] == [
        "立项用地规划许可",
        "工程建设许可",
        "施工许可",
        "竣工验收",
    ]
    _, path = stage_worst_case(demo, chain.stages[0].items)
    assert path == ["ZR-001", "FG-001", "ZR-002"]


def test_demo_no_prerequisite_in_a_later_stage(demo: Catalog) -> None:
    items = demo.item_map()
    for chain in demo.chains:
        stage_of = {i: n for n, stage in enumerate(chain.stages) for i in stage.items}
        for item_id, n in stage_of.items():
            for p in items[item_id].prerequisites:
                if p.item in stage_of:
                    assert stage_of[p.item] <= n, (chain.id, item_id, p.item)


def test_demo_prerequisites_are_lawful(demo: Catalog) -> None:
    items = demo.item_map()
    for item in demo.items:
        for p in item.prerequisites:
            assert p.basis is not None, (item.id, p.target)
            assert p.basis.level in PREREQUISITE_LEVELS, (item.id, p.target, p.basis.level)
            if p.item is not None:
                source = items[p.item]  # listed (PL107)
                assert source.department != item.department, (item.id, p.item)  # PL103
                assert source.kind in (Kind.license, Kind.filing), (item.id, p.item)  # PL104


def test_demo_prerequisite_graph_is_acyclic_and_reduced(demo: Catalog) -> None:
    graph = nx.DiGraph()
    for item in demo.items:
        graph.add_node(item.id)
        for p in item.prerequisites:
            graph.add_edge(p.item or f"external:{p.external}", item.id)
    assert nx.is_directed_acyclic_graph(graph)
    reduced = nx.transitive_reduction(graph)
    assert set(reduced.edges) == set(graph.edges)  # PL109


def test_demo_items_are_clean(demo: Catalog) -> None:
    for item in demo.items:
        assert item.kind != Kind.non_license, item.id  # PL203
        if item.kind == Kind.license:
            assert item.basis, item.id  # PL202
            assert {b.level for b in item.basis} & LICENSE_LEVELS, item.id  # PL201
        if item.kind == Kind.filing:
            assert item.decision.value == "record_only", item.id  # PL106
        for material in item.materials:
            assert material.issued_by != item.department, (item.id, material.id)  # PL105
        assert item.promised_days is not None, item.id
        assert item.promised_days <= item.statute_days, item.id  # PL301
        if item.previous_promised_days is not None:  # PL302
            assert item.promised_days <= math.floor(0.7 * item.previous_promised_days), item.id
        assert item.review_levels <= 2, item.id  # PL303
        if item.on_the_spot:
            assert item.promised_days == 0, item.id


def test_demo_department_rates(demo: Catalog) -> None:
    by_department: dict[str, list[Item]] = defaultdict(list)
    for item in demo.items:
        by_department[item.department].append(item)
    for department, items in by_department.items():
        licenses = [i for i in items if i.kind == Kind.license]
        single = [i for i in licenses if i.review_levels == 1]
        assert len(single) >= 0.9 * len(licenses), department  # PL304
        spot = [i for i in items if i.on_the_spot]
        assert len(spot) >= 0.6 * len(items), department  # PL305


def test_demo_no_duplicate_names_across_departments(demo: Catalog) -> None:
    departments: dict[str, set[str]] = defaultdict(set)
    for item in demo.items:
        departments[normalized(item)].add(item.department)
    assert all(len(d) == 1 for d in departments.values())  # PL108


def test_demo_js004_materials(demo: Catalog) -> None:
    js004 = demo.item_map()["JS-004"]
    assert js004.name == "建筑工程施工许可证核发"
    assert [m.id for m in js004.materials] == ["m1", "m2", "m3", "m4", "m5", "m6"]
    assert {m.id for m in js004.materials if not m.core} == {"m3", "m5", "m6"}


# ── reference-2026.yaml against both 2026 catalogs ────────────────────────────


def test_reference_leaves_demo_clean_and_flags_flawed(demo: Catalog) -> None:
    ref = ReferenceList.model_validate(raw("reference-2026.yaml"))
    flawed = catalog("flawed-county.yaml")

    def norm(name: str) -> str:
        return "".join(
            ch for ch in name if not ch.isspace() and unicodedata.category(ch)[0] not in "PS"
        )

    demo_names = {normalized(i): i.id for i in demo.items}
    flawed_names = {normalized(i): i.id for i in flawed.items}
    abolished = [norm(e.name) for e in ref.entries if e.status == ReferenceStatus.abolished]
    devolved = [norm(e.name) for e in ref.entries if e.status == ReferenceStatus.devolved]
    assert not [n for n in abolished if n in demo_names]  # PL204 clean
    assert all(n in demo_names for n in devolved)  # PL205 clean
    assert [flawed_names[n] for n in abolished if n in flawed_names] == ["HB-011"]
    assert [n for n in devolved if n not in flawed_names] == ["母婴保健技术服务执业许可"]


# ── demo-county-2025.yaml is last year's catalog ──────────────────────────────


def test_2025_differs_as_described(demo: Catalog) -> None:
    old = catalog("demo-county-2025.yaml").item_map()
    new = demo.item_map()
    assert sorted(set(old) - set(new)) == ["FG-009", "RF-004", "WJ-011"]
    assert sorted(set(new) - set(old)) == ["HB-009", "ZR-011"]
    renamed = [i for i in old if i in new and old[i].name != new[i].name]
    assert renamed == ["ZR-001"]
    short_cuts = sorted(
        i
        for i in old
        if i in new
        and new[i].promised_days is not None
        and old[i].promised_days is not None
        and new[i].promised_days > 0.7 * old[i].promised_days
    )
    assert short_cuts == ["JT-001", "SJ-001", "WJ-001"]
    for item_id in set(old) & set(new):
        previous = new[item_id].previous_promised_days
        if previous is not None:
            assert previous == old[item_id].promised_days, item_id
        else:
            assert item_id in short_cuts, item_id
