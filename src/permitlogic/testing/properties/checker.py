"""Checker properties: any valid catalog gets a report, the same one every time, whatever the
item ids and whatever the order the catalog lists things in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from permitlogic.check_runner import check
from permitlogic.checks.registry import all_checks
from permitlogic.graph import prerequisite_graph
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Finding, Report
from permitlogic.packs.checks_pack import ChecksPack
from permitlogic.testing.packs import PacksLike, as_packs
from permitlogic.testing.properties.harness import property_settings, shows_input
from permitlogic.testing.strategies import catalogs, reference_lists


def checker_is_deterministic(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Checking the same catalog twice gives the same report, finding for finding."""
    pack = as_packs(packs).checks

    @property_settings(max_examples)
    @given(catalog=catalogs())
    @shows_input
    def is_deterministic(catalog: Catalog) -> None:
        first = check(catalog, pack=pack).model_dump(mode="json")
        second = check(catalog, pack=pack).model_dump(mode="json")
        assert first == second, "同一目录两次检查结果不同 / two checks of one catalog differ"

    is_deterministic()


def checker_never_crashes(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Any valid catalog, with any planted defects and a reference list, gets a report.

    No check raises; every finding names an installed check, its items, a
    message in Chinese and in English and a citation; the report is valid JSON.
    """
    pack = as_packs(packs).checks
    known = set(all_checks())

    @property_settings(max_examples)
    @given(data=st.data(), catalog=catalogs())
    @shows_input
    def never_crashes(data: st.DataObject, catalog: Catalog) -> None:
        reference = data.draw(reference_lists(catalog), "reference")
        report = check(catalog, pack=pack, reference=reference)
        for finding in report.findings:
            assert finding.rule in known, f"未知的检查编号 {finding.rule} / unknown check"
            assert finding.message_zh and finding.message_en and finding.citation, (
                f"{finding.rule} 的结果缺少说明或依据 / {finding.rule} without message or citation"
            )
        assert Report.model_validate_json(report.model_dump_json()) == report

    never_crashes()


def _finding_key(
    finding: Finding, rename: Callable[[str], str], components: dict[str, frozenset[str]]
) -> Hashable:
    """A finding as the invariance properties compare it.

    Its items as a set: a check may list them in catalog order. A cycle
    (PL101) by its length and the strongly connected component it runs
    through: a component may hold several shortest cycles, and any one is
    right. A critical path (PL310, PL311) by its chain, stage, length and
    bound: equally long paths may tie, and either is right.
    """
    witness = finding.witness or {}
    if finding.rule == "PL101" and finding.items:
        component = components.get(finding.items[0], frozenset(finding.items))
        shown: Hashable = (
            "cycle",
            len(finding.items),
            frozenset(rename(item_id) for item_id in component),
        )
    elif "path" in witness:
        shown = (
            "path",
            witness.get("chain"),
            witness.get("stage"),
            witness.get("total"),
            witness.get("bound"),
        )
    else:
        shown = frozenset(rename(item_id) for item_id in finding.items)
    return (finding.rule, finding.severity.value, shown)


def _findings(
    catalog: Catalog, pack: ChecksPack, rename: Callable[[str], str] = str
) -> Counter[Hashable]:
    """The catalog's findings, keyed for comparison (see _finding_key)."""
    graph = prerequisite_graph(catalog)
    components = {
        node: frozenset(component)
        for component in nx.strongly_connected_components(graph)
        for node in component
    }
    report = check(catalog, pack=pack)
    return Counter(_finding_key(finding, rename, components) for finding in report.findings)


def _renamed(catalog: Catalog, mapping: dict[str, str]) -> Catalog:
    """The catalog with every item id (and every reference to one) renamed by ``mapping``."""
    data = catalog.model_dump(mode="json", exclude_none=True)
    for item in data["items"]:
        item["id"] = mapping[item["id"]]
        for prerequisite in item.get("prerequisites", []):
            if "item" in prerequisite:
                prerequisite["item"] = mapping.get(prerequisite["item"], prerequisite["item"])
    for chain in data["chains"]:
        for stage in chain["stages"]:
            stage["items"] = [mapping[item_id] for item_id in stage["items"]]
    return Catalog.model_validate(data)


def checker_ignores_renaming(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Renaming every item id changes nothing but the ids in the findings."""
    pack = as_packs(packs).checks

    @property_settings(max_examples)
    @given(catalog=catalogs(), data=st.data())
    @shows_input
    def ignores_renaming(catalog: Catalog, data: st.DataObject) -> None:
        ids = [item.id for item in catalog.items]
        numbers = data.draw(st.permutations(range(len(ids))), "new numbers")
        mapping = {old: f"R-{number + 1:04d}" for old, number in zip(ids, numbers, strict=True)}
        renamed = _renamed(catalog, mapping)
        before = _findings(catalog, pack, lambda item_id: mapping.get(item_id, item_id))
        after = _findings(renamed, pack)
        assert before == after, (
            "重新编码事项后检查结果变化 / renaming the items changed the findings: "
            f"only before {sorted(map(str, before - after))}, "
            f"only after {sorted(map(str, after - before))}"
        )

    ignores_renaming()


def _shuffled(catalog: Catalog, data: st.DataObject) -> Catalog:
    """The catalog with its items, their lists and each stage's items in a drawn order."""
    raw = catalog.model_dump(mode="json", exclude_none=True)
    items = data.draw(st.permutations(raw["items"]), "item order")
    for item in items:
        for key in ("prerequisites", "materials", "basis"):
            if item.get(key):
                item[key] = data.draw(st.permutations(item[key]), f"{item['id']} {key}")
    for chain in raw["chains"]:
        for stage in chain["stages"]:
            stage["items"] = data.draw(st.permutations(stage["items"]), "stage order")
    raw["items"] = items
    return Catalog.model_validate(raw)


def checker_ignores_order(packs: PacksLike = None, *, max_examples: int | None = None) -> None:
    """Listing items (and their prerequisites, materials, bases, a stage's items) in another
    order changes no finding."""
    pack = as_packs(packs).checks

    @property_settings(max_examples)
    @given(catalog=catalogs(), data=st.data())
    @shows_input
    def ignores_order(catalog: Catalog, data: st.DataObject) -> None:
        shuffled = _shuffled(catalog, data)
        before = _findings(catalog, pack)
        after = _findings(shuffled, pack)
        assert before == after, (
            "调整事项顺序后检查结果变化 / reordering changed the findings: "
            f"only before {sorted(map(str, before - after))}, "
            f"only after {sorted(map(str, after - before))}"
        )

    ignores_order()
