"""Pydantic models: the one shape of every input and output."""

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
from permitlogic.models.report import Finding, Fix, Location, Report, Severity, Summary, Timeline

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
