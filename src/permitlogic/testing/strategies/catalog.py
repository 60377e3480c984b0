"""``catalogs()``: valid catalogs of a county's shape, with the defects asked for planted."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from hypothesis import strategies as st

from permitlogic.models.catalog import ID_PATTERN, Catalog
from permitlogic.synth import ACTS, DEPARTMENTS, SUBJECTS
from permitlogic.testing.strategies.chains import draw_chains
from permitlogic.testing.strategies.choices import (
    LICENSE_BASES,
    choose,
    draw_basis,
    draw_digits,
    indices,
    lawful_basis,
)
from permitlogic.testing.strategies.defects import DEFECTS, plant_defects

ITEM_KINDS = ["license"] * 6 + ["filing", "filing", "service", "intermediary"]
"""The kinds drawn, mostly licenses."""
STATUTORY_DAYS = [None, 20, 20, 30, 45, 60]
"""A license's statutory limit (None: the law sets none)."""


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
    unknown = [name for name in allowed if name not in DEFECTS]
    if unknown:
        raise ValueError(f"unknown defects {unknown}; known: {sorted(DEFECTS)}")
    items = _draw_items(draw, (min_items, max_items), departments, item_ids, materials)
    licenses = [index for index, item in enumerate(items) if item["kind"] == "license"]
    _draw_prerequisites(draw, items, licenses)
    data: dict[str, Any] = {
        "catalog": {"id": "drawn-county", "jurisdiction": "测试县", "effective": "2026-01-01"},
        "items": items,
        "chains": draw_chains(draw, items, licenses) if chains else [],
    }
    if allowed and max_defects > 0:
        plant_defects(draw, data, allowed, (min_defects, max_defects))
    return Catalog.model_validate(data)


def _draw_items(
    draw: st.DrawFn,
    item_count: tuple[int, int],
    departments: Sequence[str],
    item_ids: Sequence[str],
    materials: tuple[int, int],
) -> list[dict[str, Any]]:
    """The items, each of a drawn department; ``item_ids`` (the valid ones) name the first."""
    fewest, most = item_count
    count = draw(st.integers(fewest, max(fewest, most)))
    offices = [*DEPARTMENTS[: draw(st.integers(2, len(DEPARTMENTS)))]]
    offices += [(f"D{number}", name) for number, name in enumerate(departments)]
    items: list[dict[str, Any]] = []
    given_ids = [candidate for candidate in dict.fromkeys(item_ids) if _valid_id(candidate)]
    used_ids: set[str] = set()
    for index in range(count):
        prefix, department = choose(draw, offices)
        item_id = given_ids[index] if index < len(given_ids) else f"{prefix}-{index + 1:03d}"
        if item_id in used_ids:
            item_id = f"{prefix}-{index + 1:03d}"
        used_ids.add(item_id)
        items.append(_draw_item(draw, item_id, index, department, materials))
    return items


def _valid_id(value: str) -> bool:
    return re.fullmatch(ID_PATTERN.strip("^$"), value) is not None


def _draw_item(
    draw: st.DrawFn, item_id: str, index: int, department: str, materials: tuple[int, int]
) -> dict[str, Any]:
    """One item: its kind, name, basis and promise (for a license) and its materials."""
    fewest, most = materials
    kind, subject, act, statute, spot, with_previous, share, extra, cores = draw_digits(
        draw,
        len(ITEM_KINDS),
        len(SUBJECTS),
        len(ACTS),
        len(STATUTORY_DAYS),
        2,
        2,
        11,
        max(most - fewest, 0) + 1,
        2 ** max(most, 1),
    )
    item: dict[str, Any] = {
        "id": item_id,
        "name": f"{SUBJECTS[subject]}{ACTS[act]}（{index + 1}）",
        "department": department,
        "kind": ITEM_KINDS[kind],
    }
    on_the_spot = spot == 1
    if ITEM_KINDS[kind] == "license":
        statutory = STATUTORY_DAYS[statute]
        previous = 1 + draw(indices(statutory if statutory is not None else 20))
        item["basis"] = [draw_basis(draw, LICENSE_BASES)]
        if statutory is not None:
            item["statutory_days"] = statutory
        item["on_the_spot"] = on_the_spot
        # A promise within the statute and cut by at least 30% (share: tenths of the most allowed).
        item["promised_days"] = 0 if on_the_spot else int(previous * 0.7) * share // 10
        if with_previous:
            item["previous_promised_days"] = previous
    elif ITEM_KINDS[kind] == "filing":
        item["decision"] = "record_only"
        item["on_the_spot"] = True
    else:
        item["on_the_spot"] = on_the_spot
    item["materials"] = [
        {"id": f"m{number + 1}", "name": f"申请材料{number + 1}", "core": bool(cores >> number & 1)}
        for number in range(fewest + extra)
    ]
    return item


def _draw_prerequisites(draw: st.DrawFn, items: list[dict[str, Any]], licenses: list[int]) -> None:
    """A DAG: a license may require earlier licenses of other departments, on a law's word."""
    for position, index in enumerate(licenses[1:], start=1):
        department = items[index]["department"]
        earlier = [
            other for other in licenses[:position] if items[other]["department"] != department
        ]
        if not earlier:
            continue
        chosen = {choose(draw, earlier) for _ in range(draw(indices(3)))}
        if chosen:
            items[index]["prerequisites"] = [
                {"item": items[other]["id"], "basis": lawful_basis(draw)}
                for other in sorted(chosen)
            ]
