"""Matching the upper level's reference list to catalog items by normalized name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from permitlogic.check_support.item_names import name_keys
from permitlogic.checks.base import CheckContext
from permitlogic.models.catalog import Item
from permitlogic.models.reference import ReferenceEntry, ReferenceStatus
from permitlogic.names import item_name_key


def items_by_name(ctx: CheckContext) -> dict[str, list[Item]]:
    """Catalog items by normalized name (as PL108 normalizes it), in catalog order."""

    def build() -> dict[str, list[Item]]:
        found: dict[str, list[Item]] = defaultdict(list)
        keys = name_keys(ctx)
        for item in ctx.catalog.items:
            found[keys[item.id]].append(item)
        return dict(found)

    return ctx.shared(("basis", "items-by-name"), build)


def entry_key(ctx: CheckContext, entry: ReferenceEntry) -> str:
    """The entry's name, normalized the same way."""
    return item_name_key(entry.name, None, ctx.catalog.catalog.jurisdiction)


def entries_with_status(
    ctx: CheckContext, status: ReferenceStatus
) -> Iterator[tuple[ReferenceEntry, str]]:
    """The reference list's entries of a status, in list order, each with its normalized
    name; none without a reference list."""
    if ctx.reference is None:
        return
    for entry in ctx.reference.entries:
        if entry.status is status:
            yield entry, entry_key(ctx, entry)


def entry_witness(entry: ReferenceEntry, key: str) -> dict[str, Any]:
    """The reference entry as a finding's witness."""
    return {
        "reference": entry.name,
        "status": entry.status.value,
        "document": entry.document,
        "date": entry.date.isoformat() if entry.date else None,
        "normalized": key,
    }


def entry_source_zh(entry: ReferenceEntry) -> str:
    """``（《……决定》，2026-03-01）`` or empty."""
    parts = _source_parts(entry)
    return f"（{'，'.join(parts)}）" if parts else ""


def entry_source_en(entry: ReferenceEntry) -> str:
    parts = _source_parts(entry)
    return f" ({', '.join(parts)})" if parts else ""


def _source_parts(entry: ReferenceEntry) -> list[str]:
    """The entry's document and date, where given."""
    return [p for p in (entry.document, entry.date.isoformat() if entry.date else None) if p]


def entry_document(entry: ReferenceEntry) -> str | None:
    """The entry's document as a citation, in 《》."""
    if not entry.document:
        return None
    document = entry.document.strip()
    return document if document.startswith("《") else f"《{document}》"
