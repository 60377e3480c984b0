"""Each item's name as the checks compare it, worked out once per item and shared.

PL108, PL110, PL111, PL204/PL205 and PL206 all compare names by
:func:`permitlogic.names.item_name_key` or read them with
:func:`permitlogic.check_support.transactions.read_name`; on a large catalog
normalising every name again in each check cost more than the checks.
"""

from __future__ import annotations

from permitlogic.check_support.transactions import NameReading, read_key
from permitlogic.checks.base import CheckContext
from permitlogic.models.catalog import Item
from permitlogic.names import item_name_key


def name_key(ctx: CheckContext, item: Item) -> str:
    """``item_name_key`` of the item's name, department and the catalog's jurisdiction."""
    keys = ctx.item_values("name-key")
    key: str | None = keys.get(item.id)
    if key is None:
        jurisdiction = ctx.catalog.catalog.jurisdiction
        key = keys[item.id] = item_name_key(item.name, item.department, jurisdiction)
    return key


def name_reading(ctx: CheckContext, item: Item) -> NameReading:
    """``read_name`` of the item's name, department and the catalog's jurisdiction."""
    readings = ctx.item_values("name-reading")
    reading: NameReading | None = readings.get(item.id)
    if reading is None:
        reading = readings[item.id] = read_key(name_key(ctx, item))
    return reading
