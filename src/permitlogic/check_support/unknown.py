"""What a published catalog leaves unknown, and which items a check could not judge.

A field a published list may lack is None when absent: *unknown*, never 0 or
false. A check declares the fields it needs (CheckMeta.needs); it skips an item
where one is unknown, and the runner counts those items in the report's
``not_judged`` section with the same test (``is_unknown``), so both agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from permitlogic.models.catalog import Item

FIELD_ZH: dict[str, str] = {
    "promised_days": "承诺办结时限",
    "statutory_days": "法定办结时限",
    "previous_promised_days": "原承诺时限",
    "on_the_spot": "即办件",
    "review_levels": "审查层级",
    "decision": "办理结果（准予或不予／仅备案）",
    "basis_level": "设定依据的层级",
    "basis": "设定依据",
    "prerequisite_basis": "前置条件的依据",
}
FIELD_EN: dict[str, str] = {
    "promised_days": "promised time limit",
    "statutory_days": "statutory time limit",
    "previous_promised_days": "previous promise",
    "on_the_spot": "on-the-spot (即办件)",
    "review_levels": "levels of review",
    "decision": "decision (may refuse / records only)",
    "basis_level": "level of the legal basis",
    "basis": "legal basis",
    "prerequisite_basis": "basis of a prerequisite",
}


def is_unknown(item: Item, field: str, published: bool) -> bool:
    """Whether ``item`` leaves ``field`` unknown.

    ``statutory_days`` absent is unknown only in a published catalog: in a v1
    catalog absent means the Art. 42 default. ``basis_level`` is unknown when a
    设定依据 is unclassified. ``previous_promised_days`` absent is never unknown
    (there was no earlier promise to compare). A published list that gives no
    设定依据, or no basis for a prerequisite, leaves it unknown; in a v1 catalog
    an absent basis is absent.
    """
    match field:
        case "statutory_days":
            return published and item.statutory_days is None
        case "basis_level":
            return any(basis.level is None for basis in item.basis)
        case "basis":
            return published and not item.basis
        case "prerequisite_basis":
            return any(
                (p.basis is None and published) or (p.basis is not None and p.basis.level is None)
                for p in item.prerequisites
            )
        case "previous_promised_days":
            return False
        case _:
            return getattr(item, field) is None


_READ_WITH_CARE = frozenset(
    {"statutory_days", "basis_level", "basis", "prerequisite_basis", "previous_promised_days"}
)
"""Fields whose unknown is not simply "None" (see is_unknown)."""


def unknown_ids(items: Iterable[Item], field: str, published: bool) -> frozenset[str]:
    """The ids of ``items`` that leave ``field`` unknown: ``is_unknown`` of each, in one pass."""
    if field == "previous_promised_days" or (
        not published and field in ("statutory_days", "basis")
    ):
        return frozenset()
    if field not in _READ_WITH_CARE:
        return frozenset(item.id for item in items if getattr(item, field) is None)
    if field == "basis_level":
        return frozenset(_unclassified_basis(items))
    return frozenset(item.id for item in items if is_unknown(item, field, published))


def _unclassified_basis(items: Iterable[Item]) -> Iterator[str]:
    """``is_unknown(item, "basis_level")`` over many items, without a generator per item."""
    for item in items:
        for basis in item.basis:
            if basis.level is None:
                yield item.id
                break


def unknown_fields(item: Item, fields: Iterable[str], published: bool) -> list[str]:
    """The fields of ``fields`` that ``item`` leaves unknown, in order."""
    return [field for field in fields if is_unknown(item, field, published)]


def judged(item: Item, fields: Iterable[str], published: bool) -> bool:
    """Whether every field of ``fields`` is known for ``item``."""
    return not unknown_fields(item, fields, published)
