"""Each distinct fact goes to durable-rules once per pack version; every input still gets its own decision."""

from __future__ import annotations

import gc
import random
from datetime import date, timedelta

import pytest
from decide_support import CATALOG_PATH

from permitlogic.decide.api import (
    decide_deferral,
    decide_deferral_batch,
    decide_green_channel,
    decide_green_channel_batch,
)
from permitlogic.decide.compiled_ruleset import CompiledRuleset
from permitlogic.decide.deferral import deferral_rules, item_map
from permitlogic.decide.green_channel import green_channel_rules
from permitlogic.decide.rules import FieldTest, Rule
from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog
from permitlogic.models.decision import Application, Project, ProjectCategory
from permitlogic.packs.deferral import bundled_deferral_pack
from permitlogic.packs.green_channel import bundled_green_channel_pack, project_flags
from permitlogic.workdays import bundled_calendar


def _projects(count: int, seed: int) -> list[Project]:
    rng = random.Random(seed)
    flags = sorted(project_flags())
    return [
        Project(
            id=f"P-{seed}-{n}",
            name="项目",
            category=rng.choice(list(ProjectCategory)),
            **{flag: rng.random() < 0.8 for flag in flags},
        )
        for n in range(count)
    ]


def _applications(count: int, seed: int) -> list[Application]:
    rng = random.Random(seed)
    catalog = load_catalog(CATALOG_PATH)
    out = []
    for n in range(count):
        item = rng.choice([*catalog.items, None])
        materials = [m.id for m in item.materials] if item else ["m1"]
        out.append(
            Application(
                id=f"A-{seed}-{n}",
                item=item.id if item else "ZZ-404",
                applicant={
                    "id": f"9142{n:04d}",
                    "credit": rng.choice(["good", "good", "warned", "blacklisted"]),
                },
                received=date(2026, 1, 5) + timedelta(days=rng.randrange(330)),
                submitted=[m for m in materials if rng.random() < 0.8],
                commitment=rng.random() < 0.8,
            )
        )
    return out


def test_green_channel_decisions_equal_the_engine_asked_about_every_project() -> None:
    projects = _projects(600, seed=1)
    rules = green_channel_rules(bundled_green_channel_pack())
    memoised = decide_green_channel_batch(projects)
    firings = rules.ruleset.evaluate_uncached([rules.fact(p) for p in projects])
    direct = [rules.decision(p, f) for p, f in zip(projects, firings, strict=True)]
    assert [d.model_dump() for d in memoised] == [d.model_dump() for d in direct]
    assert [d.project for d in memoised] == [p.id for p in projects]


def test_a_fact_seen_before_is_not_asked_of_the_engine_again() -> None:
    projects = _projects(300, seed=2)
    ruleset = green_channel_rules(bundled_green_channel_pack()).ruleset
    decide_green_channel_batch(projects)
    before = ruleset.engine_facts
    again = [p.model_copy(update={"id": p.id + "-again"}) for p in projects]
    decisions = decide_green_channel_batch(again)
    assert ruleset.engine_facts == before
    assert [d.project for d in decisions] == [p.id for p in again]


def test_each_decision_is_its_own_object() -> None:
    project = _projects(1, seed=3)[0]
    first, second = decide_green_channel_batch([project, project])
    first.decision_id = "D-1"
    first.met.append("changed")
    assert second.decision_id is None
    assert "changed" not in second.met
    assert "changed" not in decide_green_channel_batch([project])[0].met


def test_deferral_decisions_equal_the_engine_asked_about_every_application() -> None:
    applications = _applications(600, seed=4)
    catalog = load_catalog(CATALOG_PATH)
    calendar = bundled_calendar()
    rules = deferral_rules(bundled_deferral_pack())
    memoised = decide_deferral_batch(applications, catalog, calendar=calendar)
    items = item_map(catalog)
    cases = [rules.case(a, items) for a in applications]
    firings = rules.ruleset.evaluate_uncached([case.fact() for case in cases])
    direct = [rules.decision(c, f, calendar) for c, f in zip(cases, firings, strict=True)]
    assert [d.model_dump() for d in memoised] == [d.model_dump() for d in direct]
    # Same facts on other days: the dates are counted from each application's own day.
    assert len({d.deadline for d in memoised if d.deadline}) > 10


def test_true_and_one_are_different_facts_to_the_memo() -> None:
    rules = [
        Rule((), 0),
        Rule((FieldTest("x", "eq", True),), 1),
        Rule((FieldTest("x", "gt", 0),), 2),
    ]
    ruleset = CompiledRuleset("test_memo_types", rules)
    facts: list[dict[str, bool | int | str]] = [{"x": True}, {"x": 1}, {"x": True}, {"x": 1}]
    memoised = ruleset.evaluate(facts)
    assert ruleset.engine_facts == 2
    direct = ruleset.evaluate_uncached(facts)
    assert [f.applies for f in memoised] == [f.applies for f in direct]


def test_a_deferral_decided_alone_equals_the_same_one_in_a_list() -> None:
    applications = _applications(300, seed=5)
    catalog = load_catalog(CATALOG_PATH)
    calendar = bundled_calendar()
    listed = decide_deferral_batch(applications, catalog, calendar=calendar)
    alone = [decide_deferral(a, catalog, calendar=calendar) for a in applications]
    assert [d.model_dump() for d in alone] == [d.model_dump() for d in listed]


def test_a_green_channel_decision_alone_equals_the_same_one_in_a_list() -> None:
    projects = _projects(300, seed=6)
    listed = decide_green_channel_batch(projects)
    alone = [decide_green_channel(p) for p in projects]
    assert [d.model_dump() for d in alone] == [d.model_dump() for d in listed]


def test_the_collector_runs_again_after_a_list_is_decided() -> None:
    assert gc.isenabled()
    applications = _applications(50, seed=7)
    catalog = load_catalog(CATALOG_PATH)
    decide_deferral_batch(applications, catalog)
    assert gc.isenabled()
    # An invalid input ends the call with an error: the collector still runs again.
    with pytest.raises(InputError):
        decide_green_channel_batch([{"id": "P-1"}])
    assert gc.isenabled()


def test_a_collector_disabled_by_the_caller_stays_disabled() -> None:
    gc.disable()
    try:
        decide_green_channel_batch(_projects(20, seed=8))
        assert not gc.isenabled()
    finally:
        gc.enable()
