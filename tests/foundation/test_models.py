"""The catalog model: defaults, strictness and cross-field rules of catalog-format.md."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from permitlogic.models.catalog import Catalog, Item, Kind, Level


def catalog(*items: dict[str, Any], chains: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "catalog": {"id": "t", "jurisdiction": "测试县"},
        "items": list(items),
        "chains": chains or [],
    }


LICENSE = {
    "id": "JS-001",
    "name": "建筑工程施工许可证核发",
    "department": "县住房和城乡建设局",
    "kind": "license",
    "basis": [{"level": "law", "title": "中华人民共和国建筑法", "article": "第七条"}],
    "promised_days": 5,
}


def test_defaults_follow_the_statute() -> None:
    item = Item.model_validate(LICENSE)
    assert item.review_levels == 1
    assert item.statute_days == 20
    joint = Item.model_validate({**LICENSE, "joint": True})
    assert joint.statute_days == 45
    assert Item.model_validate({**LICENSE, "statutory_days": 60}).statute_days == 60
    assert item.kind is Kind.license and item.basis[0].level is Level.law


def test_promised_days_required_for_licenses_only() -> None:
    bare = {k: v for k, v in LICENSE.items() if k != "promised_days"}
    with pytest.raises(ValidationError) as info:
        Item.model_validate(bare)
    assert info.value.errors()[0]["loc"] == ("promised_days",)
    Item.model_validate({**bare, "kind": "filing", "decision": "record_only"})


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"colour": "red"}, ("colour",)),
        ({"promised_days": "5"}, ("promised_days",)),
        ({"kind": "licence"}, ("kind",)),
        ({"review_levels": 0}, ("review_levels",)),
        ({"on_the_spot": "是"}, ("on_the_spot",)),
    ],
)
def test_strict_fields_and_unknown_keys(change: dict[str, Any], loc: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError) as info:
        Item.model_validate({**LICENSE, **change})
    assert [e["loc"] for e in info.value.errors()] == [loc]


def test_prerequisite_is_item_or_external() -> None:
    both = {**LICENSE, "prerequisites": [{"item": "ZR-001", "external": "银行资信证明"}]}
    neither = {**LICENSE, "prerequisites": [{"basis": None}]}
    for bad in (both, neither):
        with pytest.raises(ValidationError):
            Item.model_validate(bad)


def test_duplicate_ids_and_unknown_chain_items_are_located() -> None:
    data = catalog(
        LICENSE,
        {**LICENSE, "name": "另一个"},
        chains=[{"id": "c", "name": "流程", "stages": [{"name": "施工许可", "items": ["JS-009"]}]}],
    )
    with pytest.raises(ValidationError) as info:
        Catalog.model_validate(data)
    locs = [e["loc"] for e in info.value.errors()]
    assert ("items", 1, "id") in locs
    assert ("chains", 0, "stages", 0, "items", 0) in locs


def test_dates_must_be_real_iso_dates() -> None:
    good = catalog(LICENSE)
    good["catalog"]["effective"] = "2026-01-01"
    assert str(Catalog.model_validate(good).catalog.effective) == "2026-01-01"
    for bad in ("2026-02-30", "2026/01/01", 20260101):
        data = catalog(LICENSE)
        data["catalog"]["effective"] = bad
        with pytest.raises(ValidationError):
            Catalog.model_validate(data)
