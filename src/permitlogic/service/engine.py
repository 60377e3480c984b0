"""The decision engine as the service and replay use it: packs loaded once, batches in order."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from permitlogic.errors import InputError
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import (
    Application,
    DeferralDecision,
    GreenChannelDecision,
    Project,
)
from permitlogic.packs.location import default_rules_dir


def rules_version(rules_dir: Path) -> str:
    """sha256 over the decision packs' paths and bytes (PROVISIONAL)."""
    digest = hashlib.sha256()
    for path in sorted(rules_dir.rglob("*.yaml")):
        digest.update(path.relative_to(rules_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return "sha256:" + digest.hexdigest()


EngineOutcome = GreenChannelDecision | DeferralDecision | InputError


class DecisionEngine:
    def __init__(self, rules_dir: Path | None) -> None:
        self.rules_dir = rules_dir or default_rules_dir()
        self.pack_version = rules_version(self.rules_dir)

    def green_channel_each(
        self, projects: Sequence[Project]
    ) -> list[GreenChannelDecision | InputError]:
        raise NotImplementedError

    def deferral_each(
        self, applications: Sequence[Application], catalog: Catalog
    ) -> list[DeferralDecision | InputError]:
        raise NotImplementedError
