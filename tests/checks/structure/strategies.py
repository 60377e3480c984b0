"""Small random catalogs for the property tests: items, departments, prerequisites, bases."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from permitlogic.models.catalog import Catalog, Kind, Level

DEPARTMENTS = ["县发展和改革局", "县自然资源局", "县住房和城乡建设局", "县水利局"]
EXTERNALS = ["营业执照", "银行资信证明", "消防安全检查合格证明"]

levels = st.sampled_from(list(Level))
bases = st.one_of(
    st.none(),
    st.builds(lambda level: {"level": level.value, "title": f"{level.zh}依据"}, levels),
)


@st.composite
def catalog_data(draw: st.DrawFn, max_items: int = 8, max_edges: int = 14) -> dict[str, Any]:
    """A valid catalog as plain data: prerequisites may form cycles and self-loops."""
    count = draw(st.integers(1, max_items))
    ids = [f"I{n}" for n in range(count)]
    items: list[dict[str, Any]] = [
        {
            "id": item_id,
            "name": f"事项{item_id}",
            "department": draw(st.sampled_from(DEPARTMENTS)),
            "kind": draw(
                st.sampled_from([Kind.license.value, Kind.filing.value, Kind.service.value])
            ),
            "promised_days": 5,
            "prerequisites": [],
        }
        for item_id in ids
    ]
    for _ in range(draw(st.integers(0, max_edges))):
        target = draw(st.sampled_from(items))
        if draw(st.booleans()) or not EXTERNALS:
            prerequisite: dict[str, Any] = {"item": draw(st.sampled_from(ids))}
        else:
            prerequisite = {"external": draw(st.sampled_from(EXTERNALS))}
        basis = draw(bases)
        if basis is not None:
            prerequisite["basis"] = basis
        target["prerequisites"].append(prerequisite)
    return {
        "catalog": {"id": "generated", "jurisdiction": "示范县"},
        "items": items,
    }


def as_catalog(data: dict[str, Any]) -> Catalog:
    return Catalog.model_validate(data)
