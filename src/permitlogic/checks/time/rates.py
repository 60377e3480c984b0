"""Per-department shares for the reform's rate targets (PL304, PL305)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction

from permitlogic.models.catalog import Item


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
    return [
        DepartmentShare(
            department=department,
            meeting=sum(1 for item in members if meets(item)),
            counted=len(members),
            missing=[item.id for item in members if not meets(item)],
        )
        for department, members in groups.items()
    ]


def percent(value: float) -> str:
    """0.9 -> "90%", 0.6667 -> "66.67%"."""
    return f"{round(value * 100, 2):g}%"
