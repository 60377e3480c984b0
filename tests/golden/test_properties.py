"""Every ready property holds over the bundled packs, and over a user's own catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from permitlogic.load.catalog import load_catalog
from permitlogic.testing import PROPERTIES, Packs, Property, run_all
from permitlogic.testing.properties import boundary_projects, received_window
from permitlogic.testing.property_runner import run_properties

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "cases" / "decisions" / "data" / "catalog.yaml"
EXAMPLES = 20


@pytest.mark.parametrize("prop", PROPERTIES, ids=[p.name for p in PROPERTIES])
def test_the_property_holds_for_the_bundled_packs(prop: Property) -> None:
    prop.run(None, max_examples=EXAMPLES)


@pytest.mark.parametrize("prop", [p for p in PROPERTIES if p.takes_catalog], ids=lambda p: p.name)
def test_the_deferral_properties_hold_over_a_given_catalog(prop: Property) -> None:
    prop.run(ROOT / "rules", CATALOG, max_examples=EXAMPLES)


def test_run_all_takes_a_directory_and_a_catalog_file() -> None:
    run_all(str(ROOT / "rules"), str(CATALOG), max_examples=3)


def test_the_runner_reports_each_property_with_its_time() -> None:
    outcomes = run_properties(None, max_examples=3, keyword="deterministic")
    assert [o.name for o in outcomes] == ["decisions_are_deterministic", "checker_is_deterministic"]
    assert all(o.passed and o.seconds > 0 for o in outcomes)


def test_a_property_failure_carries_the_example(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    text = (ROOT / "rules" / "green-channel.yaml").read_text("utf-8")
    (rules / "green-channel.yaml").write_text(
        text.replace("    eligible: false\n", "    eligible: true\n", 1), "utf-8"
    )
    outcome = run_properties(rules, max_examples=3, keyword="baseline")[0]
    assert not outcome.passed
    assert "ordinary" in outcome.reasons[0]
    assert '"category":"ordinary"' in outcome.reasons[0]


def test_boundary_projects_cover_every_category_with_each_field_missing_once() -> None:
    projects = boundary_projects()
    assert len(projects) == 4 * 11
    assert all(
        sum(not v for v in p.model_dump().values() if isinstance(v, bool)) <= 1 for p in projects
    )


def test_receipt_dates_leave_room_for_every_deadline() -> None:
    packs = Packs.load(ROOT / "rules")
    first, last = received_window(packs)
    assert first < last and last.year == max(packs.calendar.years)
    assert load_catalog(CATALOG).items
