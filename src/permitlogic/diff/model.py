"""The comparison of two catalogs (last year's and this year's), as one pydantic model.

What ``permitlogic diff OLD NEW`` prints in every format: items added,
removed, renamed and changed, the cut in promised working days per item, per
department and overall against the reform target (at least 30%), and how many
prerequisites and materials the new catalog dropped.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from permitlogic.models.out import Out

FieldValue = str | int | bool | list[str] | None


class CatalogSide(Out):
    """One of the two catalogs compared."""

    id: str
    jurisdiction: str
    source: str | None = None
    effective: str | None = None
    items: int
    prerequisites: int
    materials: int


class ItemRef(Out):
    id: str
    name: str
    department: str
    promised_days: int | None = None


class Rename(Out):
    """The same item under a new name (matched by id) or a new id (matched by name)."""

    old_id: str
    new_id: str
    old_name: str
    new_name: str
    department: str
    matched_by: Literal["id", "name"]


class FieldChange(Out):
    field: str
    old: FieldValue = None
    new: FieldValue = None


class ItemChange(Out):
    """What changed in one item present in both catalogs (names aside: see Rename)."""

    id: str
    old_id: str
    name: str
    department: str
    changes: list[FieldChange] = Field(default_factory=list)
    prerequisites_removed: list[str] = Field(default_factory=list)
    prerequisites_added: list[str] = Field(default_factory=list)
    materials_removed: list[str] = Field(default_factory=list)
    materials_added: list[str] = Field(default_factory=list)


class ItemCut(Out):
    """The cut in one item's promised working days, against the target."""

    id: str
    old_id: str
    name: str
    department: str
    old_days: int
    new_days: int
    cut_days: int
    cut: float
    """Share of the old promise cut (0.4 is 40%); negative when the promise grew."""
    allowed_days: int
    """The longest promise that meets the target: ⌊(1 − target) × old⌋."""
    meets_target: bool


class CutTotal(Out):
    """Promised days summed over the items of a department (or of the catalog)."""

    department: str | None = None
    items: int
    old_days: int
    new_days: int
    cut: float
    meets_target: bool
    items_under_target: int


class CatalogDiff(Out):
    old: CatalogSide
    new: CatalogSide
    target: float
    """The reduction target (rules/checks.yaml thresholds.reduction_target)."""
    added: list[ItemRef] = Field(default_factory=list)
    removed: list[ItemRef] = Field(default_factory=list)
    renamed: list[Rename] = Field(default_factory=list)
    changed: list[ItemChange] = Field(default_factory=list)
    cuts: list[ItemCut] = Field(default_factory=list)
    departments: list[CutTotal] = Field(default_factory=list)
    overall: CutTotal
    prerequisites_removed: int = 0
    prerequisites_added: int = 0
    materials_removed: int = 0
    materials_added: int = 0

    @property
    def under_target(self) -> list[ItemCut]:
        return [cut for cut in self.cuts if not cut.meets_target]
