"""Hypothesis strategies for approval catalogs, green-channel projects and 容缺受理 applications.

>>> from hypothesis import given
>>> from permitlogic.testing.strategies import catalogs
>>> @given(catalogs(max_items=30, defects=["cycle", "piggyback"]))
... def test_my_check(catalog): ...

``catalogs()`` draws valid catalogs (they validate as ``Catalog``) of
realistic shape: departments and item names of a county, mostly licenses
with a lawful basis, promises within the statute and cut by 30%, a
prerequisite DAG across departments, project chains in stages. ``defects``
names the defects it may plant on top (DEFECTS), each as a county draft
would carry it; ``max_defects`` bounds how many.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from hypothesis import strategies as st

from permitlogic.models.catalog import ID_PATTERN, Catalog
from permitlogic.models.decision import Applicant, Application, Credit, Project, ProjectCategory
from permitlogic.models.reference import ReferenceList
from permitlogic.synth import ACTS, ARTICLES, BASES, DEPARTMENTS, STAGES, SUBJECTS

__all__ = [
    "DEFECTS",
    "applications",
    "catalogs",
    "projects",
    "reference_lists",
]

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

_LICENSE_BASES = [b for b in BASES if b[0] != "local_regulation"] + [BASES[-1]]
_PREREQUISITE_BASES = [b for b in BASES if b[0] in ("law", "administrative_regulation")]
_KINDS = ["license"] * 6 + ["filing", "filing", "service", "intermediary"]
_FLAG = st.sampled_from([True, True, True, True, False])
"""Mostly true, shrinking to true: drawn projects are often eligible, failures read plainly."""


_STATUTES = [None, 20, 20, 30, 45, 60]


@lru_cache(maxsize=256)
def _below(n: int) -> st.SearchStrategy[int]:
    """0 … n-1, built once per n: building a strategy per draw costs more than the draw."""
    return st.integers(0, max(n - 1, 0))


def _choice(draw: st.DrawFn, values: Sequence[Any]) -> Any:
    return values[draw(_below(len(values)))]


def _digits(draw: st.DrawFn, *radices: int) -> list[int]:
    """Several independent choices drawn as one integer (a catalog takes hundreds of
    choices; one draw per item keeps generation fast). Each shrinks towards its first option."""
    value = draw(_below(math.prod(radices)))
    out = []
    for radix in radices:
        value, digit = divmod(value, radix)
        out.append(digit)
    return out


def _basis(draw: st.DrawFn, choices: Sequence[tuple[str, str]]) -> dict[str, Any]:
    which, article = _digits(draw, len(choices), len(ARTICLES))
    level, title = choices[which]
    return {"level": level, "title": title, "article": ARTICLES[article]}


@st.composite
def catalogs(
    draw: st.DrawFn,
    *,
    min_items: int = 1,
    max_items: int = 20,
    defects: Collection[str] | None = None,
    min_defects: int = 0,
    max_defects: int = 3,
    chains: bool = True,
    departments: Sequence[str] = (),
    item_ids: Sequence[str] = (),
    materials: tuple[int, int] = (0, 4),
) -> Catalog:
    """A valid catalog of ``min_items``…``max_items`` items, with defects planted.

    ``defects``: the kinds that may be planted (keys of DEFECTS; None: all;
    empty: none, a lawful draft). ``min_defects``…``max_defects`` are planted
    (a chain defect only where there is a chain). ``chains``: draw project
    chains over the licenses. ``departments`` are drawn besides the county's
    usual ones, and ``item_ids`` name the first items (e.g. the items and
    departments a deferral pack names). ``materials``: the fewest and most
    application materials an item asks for.
    """
    allowed = sorted(DEFECTS if defects is None else defects)
    unknown = [d for d in allowed if d not in DEFECTS]
    if unknown:
        raise ValueError(f"unknown defects {unknown}; known: {sorted(DEFECTS)}")
    count = draw(st.integers(min_items, max(min_items, max_items)))
    offices = [*DEPARTMENTS[: draw(st.integers(2, len(DEPARTMENTS)))]]
    offices += [(f"D{n}", name) for n, name in enumerate(departments)]
    items: list[dict[str, Any]] = []
    given_ids = [i for i in dict.fromkeys(item_ids) if _valid_id(i)]
    used_ids: set[str] = set()
    for index in range(count):
        prefix, department = _choice(draw, offices)
        item_id = given_ids[index] if index < len(given_ids) else f"{prefix}-{index + 1:03d}"
        if item_id in used_ids:
            item_id = f"{prefix}-{index + 1:03d}"
        used_ids.add(item_id)
        items.append(_item(draw, item_id, index, department, materials))
    licenses = [i for i, item in enumerate(items) if item["kind"] == "license"]
    _prerequisites(draw, items, licenses)
    chain_list = _chains(draw, items, licenses) if chains else []
    data: dict[str, Any] = {
        "catalog": {"id": "drawn-county", "jurisdiction": "测试县", "effective": "2026-01-01"},
        "items": items,
        "chains": chain_list,
    }
    if allowed and max_defects > 0:
        planted = draw(
            st.lists(
                st.sampled_from(allowed),
                min_size=min(min_defects, max_defects),
                max_size=max_defects,
            )
        )
        for defect in planted:
            _PLANT[defect](draw, data)
    return Catalog.model_validate(data)


def _valid_id(value: str) -> bool:
    return re.fullmatch(ID_PATTERN.strip("^$"), value) is not None


def _item(
    draw: st.DrawFn, item_id: str, index: int, department: str, materials: tuple[int, int]
) -> dict[str, Any]:
    fewest, most = materials
    kind, subject, act, statute, spot, with_previous, share, extra, cores = _digits(
        draw,
        len(_KINDS),
        len(SUBJECTS),
        len(ACTS),
        len(_STATUTES),
        2,
        2,
        11,
        max(most - fewest, 0) + 1,
        2 ** max(most, 1),
    )
    count = fewest + extra
    item: dict[str, Any] = {
        "id": item_id,
        "name": f"{SUBJECTS[subject]}{ACTS[act]}（{index + 1}）",
        "department": department,
        "kind": _KINDS[kind],
    }
    on_the_spot = spot == 1
    if _KINDS[kind] == "license":
        statutory = _STATUTES[statute]
        previous = 1 + draw(_below(statutory if statutory is not None else 20))
        item["basis"] = [_basis(draw, _LICENSE_BASES)]
        if statutory is not None:
            item["statutory_days"] = statutory
        item["on_the_spot"] = on_the_spot
        # A promise within the statute and cut by at least 30% (share: tenths of the most allowed).
        item["promised_days"] = 0 if on_the_spot else int(previous * 0.7) * share // 10
        if with_previous:
            item["previous_promised_days"] = previous
    elif _KINDS[kind] == "filing":
        item["decision"] = "record_only"
        item["on_the_spot"] = True
    else:
        item["on_the_spot"] = on_the_spot
    item["materials"] = [
        {"id": f"m{k + 1}", "name": f"申请材料{k + 1}", "core": bool(cores >> k & 1)}
        for k in range(count)
    ]
    return item


def _prerequisites(draw: st.DrawFn, items: list[dict[str, Any]], licenses: list[int]) -> None:
    """A DAG: a license may require earlier licenses of other departments, on a law's word."""
    for position, index in enumerate(licenses[1:], start=1):
        earlier = [
            j for j in licenses[:position] if items[j]["department"] != items[index]["department"]
        ]
        if not earlier:
            continue
        chosen = {_choice(draw, earlier) for _ in range(draw(_below(3)))}
        if chosen:
            items[index]["prerequisites"] = [
                {"item": items[j]["id"], "basis": _basis(draw, _PREREQUISITE_BASES)}
                for j in sorted(chosen)
            ]


def _chains(
    draw: st.DrawFn, items: list[dict[str, Any]], licenses: list[int]
) -> list[dict[str, Any]]:
    """Chains over licenses in catalog order, so prerequisites sit in the same or an earlier stage."""
    if len(licenses) < 2:
        return []
    out = []
    for number in range(draw(st.integers(0, 2))):
        members = draw(st.lists(st.sampled_from(licenses), min_size=2, max_size=8, unique=True))
        members.sort()
        stage_count = draw(st.integers(1, min(len(STAGES), len(members))))
        cuts = sorted(
            draw(
                st.lists(
                    st.integers(1, len(members) - 1),
                    min_size=stage_count - 1,
                    max_size=stage_count - 1,
                    unique=True,
                )
            )
        )
        bounds = [0, *cuts, len(members)]
        total = sum(items[i].get("promised_days", 0) for i in members)
        joint = draw(st.booleans()) and total <= 45
        stages = []
        for s in range(len(bounds) - 1):
            part = members[bounds[s] : bounds[s + 1]]
            days = sum(items[i].get("promised_days", 0) for i in part)
            stage: dict[str, Any] = {"name": STAGES[s], "items": [items[i]["id"] for i in part]}
            if draw(st.booleans()):
                # The sum of a stage's days is at least its longest path: the bound holds.
                bound = days + draw(st.integers(0, 5))
                stage["bound_days"] = min(bound, 45) if joint else bound
            stages.append(stage)
        chain: dict[str, Any] = {
            "id": f"chain-{number + 1}",
            "name": f"工程建设项目审批流程{number + 1}",
            "joint": joint,
            "stages": stages,
        }
        if draw(st.booleans()):
            chain["bound_days"] = min(45, total + 5) if joint else total + draw(st.integers(0, 10))
        out.append(chain)
    return out


# Planting defects: each takes the draw and the catalog data and changes it in place.


def _pick(draw: st.DrawFn, data: dict[str, Any], kind: str | None = "license") -> dict[str, Any]:
    items = data["items"]
    pool = [i for i in items if kind is None or i["kind"] == kind] or items
    chosen: dict[str, Any] = draw(st.sampled_from(pool))
    return chosen


def _require(target: dict[str, Any], source_id: str, basis: dict[str, Any] | None) -> None:
    prerequisite: dict[str, Any] = {"item": source_id}
    if basis is not None:
        prerequisite["basis"] = basis
    target.setdefault("prerequisites", []).append(prerequisite)


def _lawful(draw: st.DrawFn) -> dict[str, Any]:
    return _basis(draw, _PREREQUISITE_BASES)


def _cycle_pool(draw: st.DrawFn, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Where to plant a cycle: half the time among one chain's items, where it stops the proofs."""
    items: list[dict[str, Any]] = data["items"]
    if data["chains"] and draw(st.booleans()):
        chain = _choice(draw, data["chains"])
        members = {i for stage in chain["stages"] for i in stage["items"]}
        return [item for item in items if item["id"] in members]
    return items


def _plant_cycle(draw: st.DrawFn, data: dict[str, Any]) -> None:
    items = _cycle_pool(draw, data)
    ring = list(dict.fromkeys(draw(_below(len(items))) for _ in range(2 + draw(_below(2)))))
    if len(ring) < 2:
        return
    for before, after in zip(ring, ring[1:] + ring[:1], strict=True):
        _require(items[after], items[before]["id"], _lawful(draw))


def _plant_self_loop(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _choice(draw, _cycle_pool(draw, data))
    _require(item, item["id"], _lawful(draw))


def _plant_piggyback(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data)
    if draw(st.booleans()):
        item.setdefault("prerequisites", []).append(
            {
                "external": "银行资信证明",
                "basis": {"level": "normative_document", "title": "县政府办公室通知"},
            }
        )
    else:
        other = _pick(draw, data, None)
        if other is not item:
            _require(item, other["id"], None)


def _plant_nested(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data)
    twin = {
        **item,
        "id": f"{item['id']}-A{len(data['items'])}",
        "name": f"{item['name']}初审",
        "prerequisites": [],
        "materials": [],
    }
    data["items"].append(twin)
    _require(item, twin["id"], _lawful(draw))


def _plant_service_prerequisite(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data)
    helper = {
        "id": f"{item['id']}-S{len(data['items'])}",
        "name": f"{item['name']}技术评估服务",
        "department": "县政务服务中心",
        "kind": draw(st.sampled_from(["service", "intermediary"])),
    }
    data["items"].append(helper)
    _require(item, helper["id"], _lawful(draw))


def _plant_own_document(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data, None)
    materials = item.setdefault("materials", [])
    materials.append(
        {
            "id": f"own{len(materials)}",
            "name": "本部门原批准文件",
            "core": True,
            "issued_by": item["department"],
        }
    )


def _plant_disguised_filing(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data, "filing")
    item["kind"] = "filing"
    item["decision"] = "approve_or_refuse"


def _plant_unlisted(draw: st.DrawFn, data: dict[str, Any]) -> None:
    _require(_pick(draw, data), "ZZ-404", _lawful(draw))


def _plant_duplicate_name(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data, None)
    data["items"].append(
        {
            "id": f"{item['id']}-D{len(data['items'])}",
            "name": item["name"],
            "department": "县行政审批局",
            "kind": "filing",
            "decision": "record_only",
        }
    )


def _plant_redundant(draw: st.DrawFn, data: dict[str, Any]) -> None:
    items = data["items"]
    for item in items:
        for step in item.get("prerequisites", []):
            middle = next((i for i in items if i["id"] == step.get("item")), None)
            if middle is None:
                continue
            for far in middle.get("prerequisites", []):
                if far.get("item") and far["item"] != item["id"]:
                    _require(item, far["item"], _lawful(draw))
                    return


def _plant_weak_basis(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data)
    level = draw(st.sampled_from(["normative_document", "provincial_rule", "departmental_rule"]))
    item["basis"] = [{"level": level, "title": "某省人民政府关于加强管理的通知"}]


def _plant_missing_basis(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data)
    item["basis"] = []


def _plant_non_license(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data, None)
    item["kind"] = "non_license"
    item.setdefault("promised_days", 10)
    item.pop("decision", None)


def _plant_over_statute(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data)
    if item["kind"] != "license":
        return
    statute = item.get("statutory_days", 20)
    item["promised_days"] = statute + draw(st.integers(1, 10))
    item["on_the_spot"] = False


def _plant_missed_cut(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = _pick(draw, data)
    if item["kind"] != "license":
        return
    previous = draw(st.integers(5, 20))
    item["previous_promised_days"] = previous
    item["promised_days"] = previous
    item["on_the_spot"] = False


def _plant_review_levels(draw: st.DrawFn, data: dict[str, Any]) -> None:
    _pick(draw, data)["review_levels"] = draw(st.integers(2, 4))


def _plant_not_on_the_spot(draw: st.DrawFn, data: dict[str, Any]) -> None:
    department = _pick(draw, data, None)["department"]
    for item in data["items"]:
        if item["department"] == department:
            item["on_the_spot"] = False
            if item["kind"] in ("license", "non_license") and item.get("promised_days") == 0:
                item["promised_days"] = 1


def _take_time(data: dict[str, Any], item_id: str) -> None:
    """Make sure the item takes at least a day, so a bound of 0 days is overrun."""
    for item in data["items"]:
        if item["id"] == item_id and not item.get("promised_days"):
            item["promised_days"] = 1
            item["on_the_spot"] = False
            item.pop("previous_promised_days", None)


def _plant_stage_overrun(draw: st.DrawFn, data: dict[str, Any]) -> None:
    for chain in data["chains"]:
        stage = _choice(draw, chain["stages"])
        stage["bound_days"] = 0
        _take_time(data, stage["items"][0])
        return


def _plant_chain_overrun(draw: st.DrawFn, data: dict[str, Any]) -> None:
    for chain in data["chains"]:
        chain["bound_days"] = 0
        _take_time(data, chain["stages"][0]["items"][0])
        return


def _plant_joint_overrun(draw: st.DrawFn, data: dict[str, Any]) -> None:
    for chain in data["chains"]:
        chain["joint"] = True
        chain["bound_days"] = draw(st.integers(46, 90))
        return


def _plant_chain_order(draw: st.DrawFn, data: dict[str, Any]) -> None:
    items = {item["id"]: item for item in data["items"]}
    for chain in data["chains"]:
        stages = chain["stages"]
        if len(stages) < 2:
            continue
        early, late = stages[0]["items"][0], stages[-1]["items"][-1]
        _require(items[early], late, _lawful(draw))
        return


_PLANT = {
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


@st.composite
def reference_lists(draw: st.DrawFn, catalog: Catalog) -> ReferenceList:
    """An upper level's list naming some of the catalog's items and some it lacks."""
    names = [item.name for item in catalog.items]
    chosen = draw(st.lists(st.sampled_from(names), max_size=3, unique=True)) if names else []
    entries = [
        {"name": name, "status": draw(st.sampled_from(["abolished", "devolved"]))}
        for name in chosen
    ]
    if draw(st.booleans()):
        entries.append({"name": "母婴保健技术服务执业许可", "status": "devolved"})
    return ReferenceList.model_validate({"entries": entries})


@st.composite
def projects(
    draw: st.DrawFn,
    *,
    categories: Collection[ProjectCategory | str] | None = None,
    missing: int | None = None,
) -> Project:
    """A project asking for the green channel.

    Its yes/no fields are each mostly yes; with ``missing=N``, all are yes
    but at most N (drawn), which keeps the projects near the line where one
    condition decides. ``categories`` limits the categories drawn.
    """
    pool = sorted(ProjectCategory(c) for c in categories) if categories else list(ProjectCategory)
    names = _project_flags()
    if missing is None:
        flags = {name: draw(_FLAG) for name in names}
    else:
        choice = st.sampled_from([None, *names])
        off = {draw(choice) for _ in range(missing)}
        flags = {name: name not in off for name in names}
    return Project(
        id=draw(st.from_regex(r"P-2026-[0-9]{4}", fullmatch=True)),
        name=draw(st.sampled_from(["县城北污水处理厂扩建", "产业园标准厂房", "防汛抢险堤防加固"])),
        category=draw(st.sampled_from(pool)),
        **flags,
    )


def _project_flags() -> list[str]:
    return sorted(name for name, info in Project.model_fields.items() if info.annotation is bool)


UNLISTED_ITEM = "ZZ-404"
_RECEIVED = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 11, 30))
UNKNOWN_MATERIAL = "x9"


@st.composite
def applications(
    draw: st.DrawFn,
    catalog: Catalog,
    *,
    received: st.SearchStrategy[date] | None = None,
) -> Application:
    """An application for an item of ``catalog`` (now and then one it does not list).

    It submits some of the item's materials (now and then one the item does
    not ask for); ``received`` draws the date (default: 2025–2026, which the
    bundled calendar covers with room for the deadlines).
    """
    ids = [item.id for item in catalog.items]
    item_id = draw(st.sampled_from([*ids, *ids, *ids, UNLISTED_ITEM]))
    asked = [m.id for i in catalog.items if i.id == item_id for m in i.materials]
    submitted = draw(st.lists(st.sampled_from(asked), unique=True)) if asked else []
    if draw(st.integers(0, 9)) == 0:
        submitted.append(UNKNOWN_MATERIAL)
    dates = received if received is not None else _RECEIVED
    return Application(
        id=draw(st.from_regex(r"A-2026-[0-9]{5}", fullmatch=True)),
        item=item_id,
        applicant=Applicant(id="91420100MA4L8R5T6Y", credit=draw(st.sampled_from(list(Credit)))),
        received=draw(dates),
        submitted=submitted,
        commitment=draw(st.booleans()),
    )
