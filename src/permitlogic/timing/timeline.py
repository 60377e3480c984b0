"""Chain timelines for the Report (filled in by the time proofs)."""

from __future__ import annotations

from permitlogic.checks.base import CheckContext
from permitlogic.models.report import Timeline


def chain_timelines(ctx: CheckContext) -> list[Timeline]:
    """One Timeline per chain of the catalog."""
    return []
