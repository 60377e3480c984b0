"""The decision engine as the service and replay use it: packs loaded and compiled once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from permitlogic.decide.api import decide_deferral_each, decide_green_channel_each
from permitlogic.decide.deferral import deferral_rules
from permitlogic.decide.green_channel import green_channel_rules
from permitlogic.errors import InputError
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import (
    Application,
    DeferralDecision,
    GreenChannelDecision,
    Project,
)
from permitlogic.packs.deferral import load_deferral_pack
from permitlogic.packs.green_channel import load_green_channel_pack
from permitlogic.workdays.sources import load_calendar

EngineOutcome = GreenChannelDecision | DeferralDecision | InputError


class DecisionEngine:
    """The packs and calendar of one rules dir (the bundled one by default).

    A bad pack is an InputError naming its file and line, raised here, before the
    service takes a request. Every decision carries its pack's version hash
    (``pack_version``, the fingerprint of the pack's canonical JSON).
    """

    def __init__(self, rules_dir: Path | None = None) -> None:
        self.rules_dir = rules_dir
        self.green_channel_pack = load_green_channel_pack(rules_dir)
        self.deferral_pack = load_deferral_pack(rules_dir)
        self.calendar = load_calendar(rules_dir)
        # Compile both rulesets now, not on the first request.
        green_channel_rules(self.green_channel_pack)
        deferral_rules(self.deferral_pack)

    @property
    def pack_versions(self) -> dict[str, str]:
        return {
            "green_channel": self.green_channel_pack.fingerprint,
            "deferral": self.deferral_pack.fingerprint,
        }

    def green_channel_each(
        self, projects: Sequence[Project]
    ) -> list[GreenChannelDecision | InputError]:
        """A decision per project, in order, or the InputError of a project (keys relative to it)."""
        return decide_green_channel_each(projects, self.green_channel_pack)

    def deferral_each(
        self, applications: Sequence[Application], catalog: Catalog
    ) -> list[DeferralDecision | InputError]:
        """A decision per application, or the InputError of one (a year without holiday data)."""
        return decide_deferral_each(applications, catalog, self.deferral_pack, self.calendar)
