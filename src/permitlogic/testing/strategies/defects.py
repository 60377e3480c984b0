"""The defects ``catalogs()`` plants, each as a county draft would carry it.

A planter takes the draw and the catalog data and changes the data in place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from permitlogic.testing.strategies.choices import choose, indices, lawful_basis

DEFECTS: dict[str, str] = {
    "cycle": "two or three items require each other (PL101)",
    "self_loop": "an item requires itself (PL101)",
    "piggyback": "a prerequisite set by a normative document, or with no basis (PL102)",
    "nested": "a prerequisite of the same department (PL103)",
    "service_prerequisite": "a service or intermediary item required before a license (PL104)",
    "own_document": "a material issued by the item's own department (PL105)",
    "disguised_filing": "a filing that may refuse (PL106)",
    "unlisted": "a prerequisite naming an item not in the catalog (PL107)",
    "duplicate_name": "the same approval in two departments (PL108)",
    "redundant": "a prerequisite already implied by another path (PL109)",
    "weak_basis": "a license set only by a normative document or provincial rule (PL201)",
    "missing_basis": "a license with no basis (PL202)",
    "non_license": "a non-license approval, abolished in 2015 (PL203)",
    "over_statute": "a promise longer than the statutory limit (PL301)",
    "missed_cut": "a promise cut by less than 30% (PL302)",
    "review_levels": "three levels of review (PL303, PL304)",
    "not_on_the_spot": "a department deciding nothing at the window (PL305)",
    "stage_overrun": "a chain stage whose bound is shorter than its longest path (PL310)",
    "chain_overrun": "a chain whose bound is shorter than its stages together (PL311)",
    "joint_overrun": "a joint chain promising more than 45 days (PL312)",
    "chain_order": "an item whose prerequisite sits in a later stage (PL313)",
}
"""The defects ``catalogs()`` can plant, and the check each should trip."""

CatalogData = dict[str, Any]
Planter = Callable[[st.DrawFn, CatalogData], None]


def plant_defects(
    draw: st.DrawFn, data: CatalogData, allowed: Sequence[str], how_many: tuple[int, int]
) -> None:
    """Plant between ``how_many`` defects (fewest, most) of the ``allowed`` kinds."""
    fewest, most = how_many
    planted = draw(st.lists(st.sampled_from(allowed), min_size=min(fewest, most), max_size=most))
    for defect in planted:
        _PLANTERS[defect](draw, data)


def _pick_item(draw: st.DrawFn, data: CatalogData, kind: str | None = "license") -> dict[str, Any]:
    """An item of ``kind`` (None: any), or any item when there is none of that kind."""
    items = data["items"]
    pool = [item for item in items if kind is None or item["kind"] == kind] or items
    chosen: dict[str, Any] = draw(st.sampled_from(pool))
    return chosen


def _add_prerequisite(target: dict[str, Any], source_id: str, basis: dict[str, Any] | None) -> None:
    prerequisite: dict[str, Any] = {"item": source_id}
    if basis is not None:
        prerequisite["basis"] = basis
    target.setdefault("prerequisites", []).append(prerequisite)


def _cycle_pool(draw: st.DrawFn, data: CatalogData) -> list[dict[str, Any]]:
    """Where to plant a cycle: half the time among one chain's items, where it stops the proofs."""
    items: list[dict[str, Any]] = data["items"]
    if data["chains"] and draw(st.booleans()):
        chain = choose(draw, data["chains"])
        members = {member for stage in chain["stages"] for member in stage["items"]}
        return [item for item in items if item["id"] in members]
    return items


def _plant_cycle(draw: st.DrawFn, data: CatalogData) -> None:
    items = _cycle_pool(draw, data)
    ring = list(dict.fromkeys(draw(indices(len(items))) for _ in range(2 + draw(indices(2)))))
    if len(ring) < 2:
        return
    for before, after in zip(ring, ring[1:] + ring[:1], strict=True):
        _add_prerequisite(items[after], items[before]["id"], lawful_basis(draw))


def _plant_self_loop(draw: st.DrawFn, data: CatalogData) -> None:
    item = choose(draw, _cycle_pool(draw, data))
    _add_prerequisite(item, item["id"], lawful_basis(draw))


def _plant_piggyback(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data)
    if draw(st.booleans()):
        item.setdefault("prerequisites", []).append(
            {
                "external": "银行资信证明",
                "basis": {"level": "normative_document", "title": "县政府办公室通知"},
            }
        )
    else:
        other = _pick_item(draw, data, None)
        if other is not item:
            _add_prerequisite(item, other["id"], None)


def _plant_nested(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data)
    twin = {
        **item,
        "id": f"{item['id']}-A{len(data['items'])}",
        "name": f"{item['name']}初审",
        "prerequisites": [],
        "materials": [],
    }
    data["items"].append(twin)
    _add_prerequisite(item, twin["id"], lawful_basis(draw))


def _plant_service_prerequisite(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data)
    service = {
        "id": f"{item['id']}-S{len(data['items'])}",
        "name": f"{item['name']}技术评估服务",
        "department": "县政务服务中心",
        "kind": draw(st.sampled_from(["service", "intermediary"])),
    }
    data["items"].append(service)
    _add_prerequisite(item, service["id"], lawful_basis(draw))


def _plant_own_document(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data, None)
    materials = item.setdefault("materials", [])
    materials.append(
        {
            "id": f"own{len(materials)}",
            "name": "本部门原批准文件",
            "core": True,
            "issued_by": item["department"],
        }
    )


def _plant_disguised_filing(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data, "filing")
    item["kind"] = "filing"
    item["decision"] = "approve_or_refuse"


def _plant_unlisted(draw: st.DrawFn, data: CatalogData) -> None:
    _add_prerequisite(_pick_item(draw, data), "ZZ-404", lawful_basis(draw))


def _plant_duplicate_name(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data, None)
    data["items"].append(
        {
            "id": f"{item['id']}-D{len(data['items'])}",
            "name": item["name"],
            "department": "县行政审批局",
            "kind": "filing",
            "decision": "record_only",
        }
    )


def _plant_redundant(draw: st.DrawFn, data: CatalogData) -> None:
    items = data["items"]
    for item in items:
        for step in item.get("prerequisites", []):
            middle = next((other for other in items if other["id"] == step.get("item")), None)
            if middle is None:
                continue
            for far in middle.get("prerequisites", []):
                if far.get("item") and far["item"] != item["id"]:
                    _add_prerequisite(item, far["item"], lawful_basis(draw))
                    return


def _plant_weak_basis(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data)
    level = draw(st.sampled_from(["normative_document", "provincial_rule", "departmental_rule"]))
    item["basis"] = [{"level": level, "title": "某省人民政府关于加强管理的通知"}]


def _plant_missing_basis(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data)
    item["basis"] = []


def _plant_non_license(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data, None)
    item["kind"] = "non_license"
    item.setdefault("promised_days", 10)
    item.pop("decision", None)


def _plant_over_statute(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data)
    if item["kind"] != "license":
        return
    statute = item.get("statutory_days", 20)
    item["promised_days"] = statute + draw(st.integers(1, 10))
    item["on_the_spot"] = False


def _plant_missed_cut(draw: st.DrawFn, data: CatalogData) -> None:
    item = _pick_item(draw, data)
    if item["kind"] != "license":
        return
    previous = draw(st.integers(5, 20))
    item["previous_promised_days"] = previous
    item["promised_days"] = previous
    item["on_the_spot"] = False


def _plant_review_levels(draw: st.DrawFn, data: CatalogData) -> None:
    _pick_item(draw, data)["review_levels"] = draw(st.integers(2, 4))


def _plant_not_on_the_spot(draw: st.DrawFn, data: CatalogData) -> None:
    department = _pick_item(draw, data, None)["department"]
    for item in data["items"]:
        if item["department"] == department:
            item["on_the_spot"] = False
            if item["kind"] in ("license", "non_license") and item.get("promised_days") == 0:
                item["promised_days"] = 1


def _takes_a_day(data: CatalogData, item_id: str) -> None:
    """Make sure the item takes at least a day, so a bound of 0 days is overrun."""
    for item in data["items"]:
        if item["id"] == item_id and not item.get("promised_days"):
            item["promised_days"] = 1
            item["on_the_spot"] = False
            item.pop("previous_promised_days", None)


def _plant_stage_overrun(draw: st.DrawFn, data: CatalogData) -> None:
    for chain in data["chains"]:
        stage = choose(draw, chain["stages"])
        stage["bound_days"] = 0
        _takes_a_day(data, stage["items"][0])
        return


def _plant_chain_overrun(draw: st.DrawFn, data: CatalogData) -> None:
    for chain in data["chains"]:
        chain["bound_days"] = 0
        _takes_a_day(data, chain["stages"][0]["items"][0])
        return


def _plant_joint_overrun(draw: st.DrawFn, data: CatalogData) -> None:
    for chain in data["chains"]:
        chain["joint"] = True
        chain["bound_days"] = draw(st.integers(46, 90))
        return


def _plant_chain_order(draw: st.DrawFn, data: CatalogData) -> None:
    items = {item["id"]: item for item in data["items"]}
    for chain in data["chains"]:
        stages = chain["stages"]
        if len(stages) < 2:
            continue
        early, late = stages[0]["items"][0], stages[-1]["items"][-1]
        _add_prerequisite(items[early], late, lawful_basis(draw))
        return


_PLANTERS: dict[str, Planter] = {
    "cycle": _plant_cycle,
    "self_loop": _plant_self_loop,
    "piggyback": _plant_piggyback,
    "nested": _plant_nested,
    "service_prerequisite": _plant_service_prerequisite,
    "own_document": _plant_own_document,
    "disguised_filing": _plant_disguised_filing,
    "unlisted": _plant_unlisted,
    "duplicate_name": _plant_duplicate_name,
    "redundant": _plant_redundant,
    "weak_basis": _plant_weak_basis,
    "missing_basis": _plant_missing_basis,
    "non_license": _plant_non_license,
    "over_statute": _plant_over_statute,
    "missed_cut": _plant_missed_cut,
    "review_levels": _plant_review_levels,
    "not_on_the_spot": _plant_not_on_the_spot,
    "stage_overrun": _plant_stage_overrun,
    "chain_overrun": _plant_chain_overrun,
    "joint_overrun": _plant_joint_overrun,
    "chain_order": _plant_chain_order,
}
