"""How many working days an item takes: its statutory limit and its place in a schedule.

The Art. 42 defaults (20 days, 45 for joint handling) come from the rule pack
(``thresholds.statute_default_days`` / ``statute_joint_days``), so a
jurisdiction's pack decides them, never the code.
"""

from __future__ import annotations

from permitlogic.models.catalog import Item
from permitlogic.packs.checks_pack import Thresholds


def statute_days(item: Item, thresholds: Thresholds) -> int:
    """The statutory limit: ``statutory_days``, else the Art. 42 default (joint or not)."""
    if item.statutory_days is not None:
        return item.statutory_days
    return thresholds.statute_joint_days if item.joint else thresholds.statute_default_days


def schedule_days(item: Item, thresholds: Thresholds) -> int:
    """Days the item takes in a worst-case schedule.

    Its promise; an on-the-spot item without a promise takes 0; any other item
    without a promise takes the statutory limit.
    """
    if item.promised_days is not None:
        return item.promised_days
    return 0 if item.on_the_spot else statute_days(item, thresholds)


def floor_days(item: Item, days: int) -> int:
    """The fewest days a repair may promise: 0 on the spot, else 1 (never more than now)."""
    return 0 if item.on_the_spot else min(1, days)
