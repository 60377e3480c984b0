"""Monotonicity: more conditions met never hurts; more materials submitted never means a notice."""

from __future__ import annotations

from decide_support import applications, catalogs, projects
from hypothesis import given, settings
from hypothesis import strategies as st

import permitlogic as pl
from permitlogic.decide.api import decide_deferral_batch
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Application, Project
from permitlogic.packs.green_channel import bundled_green_channel_pack

BASELINE = sorted({c.field for c in bundled_green_channel_pack().conditions})
ACCEPTED = {"accept", "accept_with_deferral"}


@given(projects(), st.sampled_from(BASELINE))
def test_one_more_baseline_condition_never_turns_eligible_into_not_eligible(
    project: Project, field: str
) -> None:
    before = pl.decide_green_channel(project.model_copy(update={field: False}))
    after = pl.decide_green_channel(project.model_copy(update={field: True}))
    if before.decision == "eligible":
        assert after.decision == "eligible"
    assert len(after.unmet) <= len(before.unmet)


@st.composite
def with_one_more_material(draw: st.DrawFn) -> tuple[Catalog, Application, Application]:
    catalog = draw(catalogs())
    application = draw(applications(catalog))
    item = next((i for i in catalog.items if i.id == application.item), None)
    if item is None or not item.materials:
        return catalog, application, application
    extra = draw(st.sampled_from([m.id for m in item.materials]))
    more = application.model_copy(update={"submitted": [*application.submitted, extra]})
    return catalog, application, more


@settings(max_examples=150)
@given(with_one_more_material())
def test_one_more_material_never_turns_acceptance_into_a_notice(
    case: tuple[Catalog, Application, Application],
) -> None:
    catalog, application, more = case
    before, after = decide_deferral_batch([application, more], catalog)
    if before.decision in ACCEPTED:
        assert after.decision in ACCEPTED
    assert {m.id for m in after.missing} <= {m.id for m in before.missing}
