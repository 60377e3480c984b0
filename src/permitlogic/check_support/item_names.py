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


def name_keys(ctx: CheckContext) -> dict[str, str]:
    """``item_name_key`` of every item's name, department and the catalog's jurisdiction, by id."""
    keys: dict[str, str] = ctx.item_values("name-key")

    def fill() -> dict[str, str]:
        jurisdiction = ctx.catalog.catalog.jurisdiction
        for item in ctx.catalog.items:
            if item.id not in keys:
                keys[item.id] = item_name_key(item.name, item.department, jurisdiction)
        return keys

    return ctx.shared(("names", "keys"), fill)


def name_readings(ctx: CheckContext) -> dict[str, NameReading]:
    """``read_name`` of every item's name (as keyed by :func:`name_keys`), by id."""
    readings: dict[str, NameReading] = ctx.item_values("name-reading")

    def fill() -> dict[str, NameReading]:
        keys = name_keys(ctx)
        for item in ctx.catalog.items:
            if item.id not in readings:
                readings[item.id] = read_key(keys[item.id])
        return readings

    return ctx.shared(("names", "readings"), fill)


def name_key(ctx: CheckContext, item: Item) -> str:
    """``item_name_key`` of the item's name, department and the catalog's jurisdiction."""
    return name_keys(ctx)[item.id]
