"""Determinism of decisions: the same project or application gets the same decision."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from permitlogic.decide.api import (
    decide_deferral,
    decide_deferral_batch,
    decide_green_channel,
    decide_green_channel_batch,
)
from permitlogic.models.decision import DeferralDecision, GreenChannelDecision, Project
from permitlogic.testing.packs import CatalogLike, PacksLike, as_catalog, as_packs
from permitlogic.testing.properties.deferral_cases import Case, DeferralWorld
from permitlogic.testing.properties.harness import property_settings
from permitlogic.testing.strategies import applications, projects


def _decision_view(decision: GreenChannelDecision | DeferralDecision) -> dict[str, Any]:
    """The decision as compared: everything but its id."""
    return decision.model_dump(mode="json", exclude={"decision_id"})


def decisions_are_deterministic(
    packs: PacksLike = None,
    catalog: CatalogLike = None,
    *,
    max_examples: int | None = None,
) -> None:
    """The same input gets the same decision: alone, in a batch, before or after others.

    The rules engine keeps state per session; no decision may leak into the next.
    """
    world = DeferralWorld(as_packs(packs), as_catalog(catalog))
    green, pack, calendar = world.packs.green_channel, world.packs.deferral, world.packs.calendar

    @property_settings(max_examples)
    @given(
        batch=st.lists(projects(), min_size=1, max_size=5),
        case=world.cases(),
        data=st.data(),
    )
    def are_deterministic(batch: list[Project], case: Case, data: st.DataObject) -> None:
        first = _decision_view(decide_green_channel(batch[0], green))
        together = [
            _decision_view(decision) for decision in decide_green_channel_batch(batch, green)
        ]
        again = _decision_view(decide_green_channel(batch[0], green))
        assert first == together[0] == again, (
            "同一项目的绿色通道判定前后不一致 / the same project got different decisions"
        )
        case_catalog, application = case
        others = data.draw(
            st.lists(applications(case_catalog, received=world.received()), max_size=4), "others"
        )
        alone = _decision_view(decide_deferral(application, case_catalog, pack, calendar))
        in_batch = decide_deferral_batch([application, *others], case_catalog, pack, calendar)
        alone_again = _decision_view(decide_deferral(application, case_catalog, pack, calendar))
        assert alone == _decision_view(in_batch[0]) == alone_again, (
            "同一申请的容缺受理判定前后不一致 / the same application got different decisions"
        )

    are_deterministic()
