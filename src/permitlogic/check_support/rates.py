"""Per-department shares for the reform's rate targets (PL304, PL305), and their findings."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item
from permitlogic.models.report import Finding, Fix


@dataclass(frozen=True)
class DepartmentShare:
    """How many of a department's counted items meet a target, and which do not."""

    department: str
    meeting: int
    counted: int
    missing: list[str]

    def under(self, threshold: float) -> bool:
        """The share is below the threshold (exactly: 0.9 is not exact in binary)."""
        return Fraction(self.meeting, self.counted) < Fraction(str(threshold))

    def share(self) -> float:
        return round(self.meeting / self.counted, 4)

    def needed(self, threshold: float) -> int:
        """How many more items must meet the target for the share to reach the threshold."""
        return math.ceil(Fraction(str(threshold)) * self.counted) - self.meeting


def department_shares(
    items: Iterable[Item],
    counted: Callable[[Item], bool],
    meets: Callable[[Item], bool],
) -> list[DepartmentShare]:
    """Per department (first-appearance order), among the counted items, who meets the target."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        if counted(item):
            groups.setdefault(item.department, []).append(item)
    shares: list[DepartmentShare] = []
    for department, members in groups.items():
        missing = [item.id for item in members if not meets(item)]
        shares.append(
            DepartmentShare(
                department=department,
                meeting=len(members) - len(missing),
                counted=len(members),
                missing=missing,
            )
        )
    return shares


def percent(value: float) -> str:
    """0.9 -> "90%", 0.6667 -> "66.67%"."""
    return f"{round(value * 100, 2):g}%"


@dataclass(frozen=True)
class RateWords:
    """What a rate check says of a department under its target.

    ``said_zh``/``said_en`` take ``department``, ``meeting`` and ``counted`` (the
    share and the target follow); ``fix_zh``/``fix_en`` take ``needed`` (the
    items to choose from follow); ``meeting_key`` and ``counted_key`` name the
    two counts in the witness.
    """

    said_zh: str
    said_en: str
    fix_zh: str
    fix_en: str
    meeting_key: str
    counted_key: str


def rate_findings(
    meta: CheckMeta,
    ctx: CheckContext,
    threshold: float,
    shares: Iterable[DepartmentShare],
    words: RateWords,
) -> Iterator[Finding]:
    """A finding for each department whose share is under the threshold."""
    for share in shares:
        if not share.under(threshold):
            continue
        counts = {
            "department": share.department,
            "meeting": share.meeting,
            "counted": share.counted,
        }
        needed = share.needed(threshold)
        yield meta.finding(
            ctx,
            items=share.missing,
            department=share.department,
            message_zh=words.said_zh.format(**counts)
            + f"占 {percent(share.share())}，低于 {percent(threshold)}",
            message_en=words.said_en.format(**counts)
            + f" ({percent(share.share())}), under {percent(threshold)}",
            witness={
                "share": share.share(),
                "threshold": threshold,
                words.meeting_key: share.meeting,
                words.counted_key: share.counted,
            },
            fix=Fix(
                message_zh=words.fix_zh.format(needed=needed) + "、".join(share.missing),
                message_en=words.fix_en.format(needed=needed) + ", ".join(share.missing),
            ),
        )
