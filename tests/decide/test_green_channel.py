"""Green-channel decisions through the Python API: the spec's example, inputs, order, effect."""

from __future__ import annotations

import copy

import pytest

import permitlogic as pl
from permitlogic.decide.api import decide_green_channel_batch, decide_green_channel_each
from permitlogic.errors import InputError
from permitlogic.models.decision import Project
from permitlogic.service.examples import PROJECT

SPEC_MET = ["GC-0", "GC-1", "GC-3a", "GC-3b", "GC-3c", "GC-2a", "GC-2b", "GC-4"]
DECISION_KEYS = [
    "decision_id",
    "project",
    "decision",
    "unmet",
    "met",
    "effect",
    "pack_version",
]
"""A green-channel decision's JSON keys, in order (the contract)."""


def test_the_example_of_decisions_md() -> None:
    project = dict(PROJECT, dust_deposit_paid=False)
    decision = pl.decide_green_channel({"project": project})
    data = decision.model_dump(mode="json")
    assert data["project"] == "P-2026-0117"
    assert data["decision"] == "not_eligible"
    assert data["unmet"] == [
        {
            "rule": "GC-2c",
            "condition": "dust_deposit_paid",
            "message_zh": "县城区项目未缴纳施工扬尘控制保证金",
            "message_en": decision.unmet[0].message_en,
            "citation": decision.unmet[0].citation,
        }
    ]
    assert "大气污染防治法" in data["unmet"][0]["citation"]
    assert data["met"] == SPEC_MET
    assert data["effect"] is None
    assert data["pack_version"].startswith("sha256:")
    assert set(data) == set(DECISION_KEYS)


def test_eligible_states_the_effect() -> None:
    decision = pl.decide_green_channel(PROJECT)
    assert decision.decision == "eligible"
    assert decision.unmet == []
    assert decision.effect is not None and "质量、安全管理机构提前介入监管" in decision.effect


def test_undesignated_emergency_reason_comes_first_and_baseline_is_listed() -> None:
    project = dict(
        PROJECT, category="emergency", emergency_designated=False, injury_insurance=False
    )
    decision = pl.decide_green_channel(project)
    assert decision.decision == "not_eligible"
    assert [(c.rule, c.condition) for c in decision.unmet] == [
        ("GC-0", "emergency_designated"),
        ("GC-4", "injury_insurance"),
    ]
    assert "县政府确定" in decision.unmet[0].message_zh
    assert decision.met == ["GC-1", "GC-3a", "GC-3b", "GC-3c", "GC-2a", "GC-2b", "GC-2c"]


def test_a_model_a_bare_dict_and_a_wrapped_dict_decide_alike() -> None:
    model = Project.model_validate(PROJECT)
    a = pl.decide_green_channel(model)
    b = pl.decide_green_channel(dict(PROJECT))
    c = pl.decide_green_channel({"project": dict(PROJECT)})
    assert a == b == c


@pytest.mark.parametrize("field", ["dust_deposit_paid", "urban", "category", "id"])
def test_a_missing_field_is_an_input_error_never_a_silent_false(field: str) -> None:
    project = {k: v for k, v in PROJECT.items() if k != field}
    with pytest.raises(InputError) as caught:
        pl.decide_green_channel(project)
    assert caught.value.problems[0].location.key == field


def test_wrong_types_and_unknown_keys_are_input_errors() -> None:
    with pytest.raises(InputError) as caught:
        pl.decide_green_channel(dict(PROJECT, urban="yes", colour="red"))
    keys = {p.location.key for p in caught.value.problems}
    assert keys == {"urban", "colour"}
    with pytest.raises(InputError):
        pl.decide_green_channel("P-1")  # type: ignore[arg-type]


def test_batch_keeps_order_and_names_every_bad_project_by_index() -> None:
    projects = [dict(PROJECT, id=f"P-{n}", eia_approval=n % 2 == 0) for n in range(600)]
    decisions = decide_green_channel_batch(projects)
    assert [d.project for d in decisions] == [f"P-{n}" for n in range(600)]
    assert [d.decision for d in decisions] == ["eligible", "not_eligible"] * 300
    bad = copy.deepcopy(projects[:3])
    del bad[0]["urban"]
    bad[2]["eia_approval"] = 1
    with pytest.raises(InputError) as caught:
        decide_green_channel_batch(bad)
    assert [p.location.key for p in caught.value.problems] == ["[0].urban", "[2].eia_approval"]


def test_each_gives_decisions_and_errors_in_place() -> None:
    outcomes = decide_green_channel_each([PROJECT, {"id": "P-x"}, dict(PROJECT, id="P-3")])
    assert isinstance(outcomes[1], InputError)
    assert [getattr(o, "project", None) for o in outcomes] == ["P-2026-0117", None, "P-3"]


def test_json_keys_are_the_contract() -> None:
    data = pl.decide_green_channel(PROJECT).model_dump(mode="json")
    assert list(data) == DECISION_KEYS
