"""The durable-rules decision equals a plain-Python reading of the same pack, on random inputs and packs."""

from __future__ import annotations

from typing import Any

from decide_support import applications, catalogs, projects, read_deferral, read_green_channel
from hypothesis import given, settings
from hypothesis import strategies as st

from permitlogic.decide.api import decide_deferral_batch, decide_green_channel_batch
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Application, Credit, Project
from permitlogic.packs.deferral import DeferralPack, bundled_deferral_pack
from permitlogic.packs.green_channel import (
    GreenChannelPack,
    bundled_green_channel_pack,
    project_flags,
)
from permitlogic.workdays import bundled_calendar
from sizes import examples

GREEN = bundled_green_channel_pack()
DEFERRAL = bundled_deferral_pack()
FLAGS = sorted(project_flags())


def _green_view(decision: Any) -> dict[str, Any]:
    return {
        "decision": decision.decision.value,
        "unmet": [(c.rule, c.condition) for c in decision.unmet],
        "met": decision.met,
        "effect": decision.effect,
    }


def _check_green(pack: GreenChannelPack, batch: list[Project]) -> None:
    decisions = decide_green_channel_batch(batch, pack)
    for project, decision in zip(batch, decisions, strict=True):
        assert decision.project == project.id
        assert _green_view(decision) == read_green_channel(pack, project), project


@given(st.lists(projects(), min_size=1, max_size=60))
def test_green_channel_agrees_with_the_plain_reading(batch: list[Project]) -> None:
    _check_green(GREEN, batch)


@st.composite
def green_packs(draw: st.DrawFn) -> GreenChannelPack:
    data = GREEN.model_dump(mode="json")
    conditions = draw(st.permutations(data["conditions"]))
    conditions = conditions[: draw(st.integers(1, len(conditions)))]
    for condition in conditions:
        condition["field"] = draw(st.sampled_from(FLAGS))
        condition["applies_when"] = draw(st.none() | st.sampled_from(FLAGS))
    for category in data["scope"]["categories"]:
        category["eligible"] = draw(st.booleans())
        if category["eligible"]:
            category["requires"] = draw(
                st.none()
                | st.sampled_from(FLAGS).map(
                    lambda f: {"field": f, "message_zh": "须", "message_en": "needs"}
                )
            )
        else:
            category["requires"] = None
            category["message_zh"] = category["message_zh"] or "不可"
            category["message_en"] = category["message_en"] or "no"
    data["conditions"] = conditions
    return GreenChannelPack.model_validate(data)


@settings(max_examples=examples(30))
@given(green_packs(), st.lists(projects(), min_size=1, max_size=40))
def test_any_green_channel_pack_compiles_to_what_it_says(
    pack: GreenChannelPack, batch: list[Project]
) -> None:
    _check_green(pack, batch)


def _deferral_view(decision: Any) -> dict[str, Any]:
    return {
        "decision": decision.decision.value,
        "reasons": [c.rule for c in decision.reasons],
        "met": decision.met,
        "unknown": decision.unknown,
        "missing": [m.id for m in decision.missing],
        "deferred": [m.id for m in decision.deferred],
        "deadline": decision.deadline,
        "notice_due": decision.notice_due,
    }


@st.composite
def deferral_cases(draw: st.DrawFn) -> tuple[DeferralPack, Catalog, list[Application]]:
    catalog = draw(catalogs())
    data = DEFERRAL.model_dump(mode="json")
    data["rules"] = draw(st.permutations(data["rules"]))
    data["deadline_working_days"] = draw(st.integers(1, 15))
    data["notice_working_days"] = draw(st.integers(1, 7))
    data["excluded_credit"] = draw(
        st.lists(st.sampled_from([c.value for c in Credit]), unique=True)
    )
    ids = [item.id for item in catalog.items]
    departments = sorted({item.department for item in catalog.items})
    data["deferral_forbidden"] = {
        "items": draw(st.lists(st.sampled_from(ids), unique=True, max_size=2)),
        "departments": draw(st.lists(st.sampled_from(departments), unique=True, max_size=1)),
    }
    pack = DeferralPack.model_validate(data)
    batch = draw(st.lists(applications(catalog), min_size=1, max_size=30))
    return pack, catalog, batch


@settings(max_examples=examples(40))
@given(deferral_cases())
def test_deferral_agrees_with_the_plain_reading(
    case: tuple[DeferralPack, Catalog, list[Application]],
) -> None:
    pack, catalog, batch = case
    calendar = bundled_calendar()
    decisions = decide_deferral_batch(batch, catalog, pack, calendar)
    for application, decision in zip(batch, decisions, strict=True):
        assert decision.application == application.id
        expected = read_deferral(pack, catalog, application, calendar)
        assert _deferral_view(decision) == expected, application
