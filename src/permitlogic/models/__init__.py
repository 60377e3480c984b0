"""Pydantic models: the one shape of every input and output.

The submodules load on first use, so that importing one (``permitlogic.models.report``)
does not build the others' schemas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from permitlogic.models.catalog import (
        Basis,
        Catalog,
        CatalogMeta,
        Chain,
        DecisionKind,
        Item,
        Kind,
        Level,
        Material,
        Prerequisite,
        Stage,
    )
    from permitlogic.models.decision import (
        Application,
        DeferralDecision,
        GreenChannelDecision,
        Project,
    )
    from permitlogic.models.report import (
        Finding,
        Fix,
        Location,
        Report,
        Severity,
        Summary,
        Timeline,
    )

_HOME = {
    **dict.fromkeys(
        ["Basis", "Catalog", "CatalogMeta", "Chain", "DecisionKind", "Item", "Kind", "Level",
         "Material", "Prerequisite", "Stage"],
        "catalog",
    ),
    **dict.fromkeys(["Application", "DeferralDecision", "GreenChannelDecision", "Project"], "decision"),
    **dict.fromkeys(
        ["Finding", "Fix", "Location", "Report", "Severity", "Summary", "Timeline"], "report"
    ),
}  # fmt: skip

__all__ = [
    "Application",
    "Basis",
    "Catalog",
    "CatalogMeta",
    "Chain",
    "DecisionKind",
    "DeferralDecision",
    "Finding",
    "Fix",
    "GreenChannelDecision",
    "Item",
    "Kind",
    "Level",
    "Location",
    "Material",
    "Prerequisite",
    "Project",
    "Report",
    "Severity",
    "Stage",
    "Summary",
    "Timeline",
]


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"permitlogic.models.{_HOME[name]}"), name)
    raise AttributeError(f"module 'permitlogic.models' has no attribute {name!r}")
