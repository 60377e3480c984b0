"""The rule packs under test: the bundled ``rules/`` or a county's directory (``--packs DIR``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from permitlogic.packs.checks_pack import ChecksPack, load_checks_pack
from permitlogic.packs.deferral import DeferralPack, load_deferral_pack
from permitlogic.packs.green_channel import GreenChannelPack, load_green_channel_pack


@dataclass(frozen=True)
class Targets:
    """The packs whose rules coverage counts, and the directory decision cases default to."""

    rules_dir: Path | None
    checks: ChecksPack
    green_channel: GreenChannelPack
    deferral: DeferralPack

    @classmethod
    def load(cls, rules_dir: Path | None = None) -> Targets:
        """The packs of ``rules_dir`` (a pack it lacks is the bundled one)."""
        return cls(
            rules_dir=rules_dir,
            checks=load_checks_pack(rules_dir),
            green_channel=load_green_channel_pack(rules_dir),
            deferral=load_deferral_pack(rules_dir),
        )


Meaning = tuple[str | None, ...]


def rule_meanings(pack: GreenChannelPack | DeferralPack) -> dict[str, Meaning]:
    """Each rule id of a pack and what it checks: a case exercises a rule of another
    pack (a county's copy) only where the id means the same thing there."""
    if isinstance(pack, GreenChannelPack):
        meanings: dict[str, Meaning] = {pack.scope.id: ("scope",)}
        for condition in pack.conditions:
            meanings[condition.id] = ("condition", condition.field, condition.applies_when)
        return meanings
    return {rule.id: ("rule", rule.check.value) for rule in pack.rules}
