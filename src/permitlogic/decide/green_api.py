"""The Python API of green-channel decisions (1+3+2+1); see :mod:`permitlogic.decide.api`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from permitlogic.decide.green_channel import GreenChannelRules, green_channel_rules
from permitlogic.decide.inputs import coerce
from permitlogic.decide.outcomes import decided_in_order, decided_or_raise
from permitlogic.errors import InputError
from permitlogic.models.decision import GreenChannelDecision, Project
from permitlogic.packs.green_channel import GreenChannelPack, bundled_green_channel_pack

ProjectInput = Project | Mapping[str, Any]


def _green(pack: GreenChannelPack | None) -> GreenChannelRules:
    return green_channel_rules(pack or bundled_green_channel_pack())


def decide_green_channel(
    project: ProjectInput, pack: GreenChannelPack | None = None
) -> GreenChannelDecision:
    """May this project enter the green channel? Every condition, met or unmet, in pack order."""
    return _green(pack).decide_one(coerce(Project, project, "project"))


def decide_green_channel_each(
    projects: Sequence[ProjectInput], pack: GreenChannelPack | None = None
) -> list[GreenChannelDecision | InputError]:
    """A decision per project, or the InputError of a project that is invalid (keys relative to it)."""
    return decided_in_order(projects, Project, "project", lambda valid: _green(pack).decide(valid))


def decide_green_channel_batch(
    projects: Sequence[ProjectInput], pack: GreenChannelPack | None = None
) -> list[GreenChannelDecision]:
    """A decision per project, in order; one InputError naming every invalid project (``[i].field``)."""
    return decided_or_raise(decide_green_channel_each(projects, pack))
