"""Compare last year's catalog with this year's: match the items, then measure the cuts.

Items are matched by id first; an id found in both catalogs under another
name is a rename by id. The items left over are matched by name as the legal
office compares names (``permitlogic.names.item_name_key``: NFKC, punctuation,
whitespace, a leading place or department dropped); such a pair is a rename by
name (the id changed). What is left is removed (old) or added (new).

A promise meets the target when it is at most ⌊(1 − target) × old⌋ working
days, counted as PL302 counts it (its ``allowed_days``); a department or the
catalog meets it when the sum of its promises does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from permitlogic.checks.time.reduction_target_missed import allowed_days
from permitlogic.diff.model import (
    CatalogDiff,
    CatalogSide,
    CutTotal,
    FieldChange,
    FieldValue,
    ItemChange,
    ItemCut,
    ItemRef,
    Rename,
)
from permitlogic.models.catalog import Basis, Catalog, Item
from permitlogic.names import item_name_key, plain

COMPARED_FIELDS = (
    "department",
    "kind",
    "basis",
    "statutory_days",
    "promised_days",
    "review_levels",
    "on_the_spot",
    "joint",
    "decision",
)


def compare_catalogs(
    old: Catalog,
    new: Catalog,
    target: float,
    old_source: str | None = None,
    new_source: str | None = None,
) -> CatalogDiff:
    """The comparison of ``old`` with ``new`` against the reduction ``target`` (0.30 is 30%)."""
    pairs, renamed = _match(old, new)
    matched_old = {o.id for o, _ in pairs}
    matched_new = {n.id for _, n in pairs}
    new_id_of = {o.id: n.id for o, n in pairs}
    changed: list[ItemChange] = []
    cuts: list[ItemCut] = []
    for old_item, new_item in pairs:
        change = _item_change(old_item, new_item, new_id_of)
        if change is not None:
            changed.append(change)
        cut = _item_cut(old_item, new_item, target)
        if cut is not None:
            cuts.append(cut)
    by_department: dict[str, list[ItemCut]] = defaultdict(list)
    for cut in cuts:
        by_department[cut.department].append(cut)
    order = list(dict.fromkeys(item.department for item in new.items))
    rank = {d: i for i, d in enumerate(order)}
    departments = [
        _total(by_department[d], target, d)
        for d in sorted(by_department, key=lambda d: (rank.get(d, len(rank)), d))
    ]
    return CatalogDiff(
        old=_side(old, old_source),
        new=_side(new, new_source),
        target=target,
        added=[_ref(i) for i in new.items if i.id not in matched_new],
        removed=[_ref(i) for i in old.items if i.id not in matched_old],
        renamed=renamed,
        changed=changed,
        cuts=cuts,
        departments=departments,
        overall=_total(cuts, target, None),
        prerequisites_removed=sum(len(c.prerequisites_removed) for c in changed),
        prerequisites_added=sum(len(c.prerequisites_added) for c in changed),
        materials_removed=sum(len(c.materials_removed) for c in changed),
        materials_added=sum(len(c.materials_added) for c in changed),
    )


def _side(catalog: Catalog, source: str | None) -> CatalogSide:
    meta = catalog.catalog
    return CatalogSide(
        id=meta.id,
        jurisdiction=meta.jurisdiction,
        source=source,
        effective=meta.effective.isoformat() if meta.effective else None,
        items=len(catalog.items),
        prerequisites=sum(len(i.prerequisites) for i in catalog.items),
        materials=sum(len(i.materials) for i in catalog.items),
    )


def _ref(item: Item) -> ItemRef:
    return ItemRef(
        id=item.id, name=item.name, department=item.department, promised_days=item.promised_days
    )


def _match(old: Catalog, new: Catalog) -> tuple[list[tuple[Item, Item]], list[Rename]]:
    """Pairs of the same item in both catalogs, and the renames among them."""
    new_by_id = new.item_map()
    pairs: list[tuple[Item, Item]] = []
    renamed: list[Rename] = []
    left_old: list[Item] = []
    for item in old.items:
        other = new_by_id.get(item.id)
        if other is None:
            left_old.append(item)
            continue
        pairs.append((item, other))
        if other.name != item.name:
            renamed.append(_rename(item, other, "id"))
    taken = {n.id for _, n in pairs}
    left_new: dict[str, list[Item]] = defaultdict(list)
    for item in new.items:
        if item.id not in taken:
            left_new[_key(item, new)].append(item)
    for item in left_old:
        candidates = left_new.get(_key(item, old))
        if not candidates:
            continue
        same_department = [c for c in candidates if c.department == item.department]
        other = (same_department or candidates)[0]
        candidates.remove(other)
        pairs.append((item, other))
        renamed.append(_rename(item, other, "name"))
    return pairs, renamed


def _key(item: Item, catalog: Catalog) -> str:
    return item_name_key(item.name, item.department, catalog.catalog.jurisdiction)


def _rename(old: Item, new: Item, matched_by: str) -> Rename:
    return Rename.model_validate(
        {
            "old_id": old.id,
            "new_id": new.id,
            "old_name": old.name,
            "new_name": new.name,
            "department": new.department,
            "matched_by": matched_by,
        }
    )


def _value(item: Item, field: str) -> FieldValue:
    value = getattr(item, field)
    if field == "basis":
        return [_cite(b) for b in item.basis]
    if hasattr(value, "value"):
        return str(value.value)
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return str(value)


def _cite(basis: Basis) -> str:
    return f"{basis.level_key}: {basis.cite()}"


def _item_change(old: Item, new: Item, new_id_of: dict[str, str]) -> ItemChange | None:
    changes: list[FieldChange] = []
    for field in COMPARED_FIELDS:
        before, after = _value(old, field), _value(new, field)
        if field == "basis" and isinstance(before, list) and isinstance(after, list):
            if sorted(before) == sorted(after):
                continue
        elif before == after:
            continue
        changes.append(FieldChange(field=field, old=before, new=after))
    old_prerequisites = [
        new_id_of.get(p.target, p.target) if p.item else p.target for p in old.prerequisites
    ]
    new_prerequisites = [p.target for p in new.prerequisites]
    old_materials = {_material_key(m.name): m.name for m in old.materials}
    new_materials = {_material_key(m.name): m.name for m in new.materials}
    change = ItemChange(
        id=new.id,
        old_id=old.id,
        name=new.name,
        department=new.department,
        changes=changes,
        prerequisites_removed=_missing(old_prerequisites, new_prerequisites),
        prerequisites_added=_missing(new_prerequisites, old_prerequisites),
        materials_removed=[old_materials[k] for k in old_materials if k not in new_materials],
        materials_added=[new_materials[k] for k in new_materials if k not in old_materials],
    )
    if not (
        change.changes
        or change.prerequisites_removed
        or change.prerequisites_added
        or change.materials_removed
        or change.materials_added
    ):
        return None
    return change


def _missing(these: Iterable[str], those: Iterable[str]) -> list[str]:
    kept = set(those)
    return [t for t in dict.fromkeys(these) if t not in kept]


def _material_key(name: str) -> str:
    return plain(name)


def _item_cut(old: Item, new: Item, target: float) -> ItemCut | None:
    if old.promised_days is None or new.promised_days is None:
        return None
    before, after = old.promised_days, new.promised_days
    allowed = allowed_days(before, target)
    return ItemCut(
        id=new.id,
        old_id=old.id,
        name=new.name,
        department=new.department,
        old_days=before,
        new_days=after,
        cut_days=before - after,
        cut=_share(before, after),
        allowed_days=allowed,
        meets_target=after <= allowed,
    )


def _share(before: int, after: int) -> float:
    return round((before - after) / before, 4) if before > 0 else 0.0


def _total(cuts: list[ItemCut], target: float, department: str | None) -> CutTotal:
    before = sum(c.old_days for c in cuts)
    after = sum(c.new_days for c in cuts)
    return CutTotal(
        department=department,
        items=len(cuts),
        old_days=before,
        new_days=after,
        cut=_share(before, after),
        meets_target=after <= allowed_days(before, target),
        items_under_target=sum(1 for c in cuts if not c.meets_target),
    )
