"""Coverage: every check raised and silent, every pack rule met and unmet, every table row hit."""

from __future__ import annotations

from pathlib import Path

from permitlogic.checks.registry import all_checks
from permitlogic.golden import Side, run_golden
from permitlogic.golden.rows import ROW_IDS
from permitlogic.packs.deferral import bundled_deferral_pack
from permitlogic.packs.green_channel import bundled_green_channel_pack

CASES = Path(__file__).resolve().parents[2] / "cases"


def test_the_shipped_cases_cover_everything() -> None:
    coverage = run_golden(CASES).coverage()
    assert coverage.missing() == []
    assert coverage.percent == 100.0
    ids = {(e.area, e.id) for e in coverage.entries}
    assert {("check", c) for c in all_checks()} <= ids
    assert {("green_channel", r) for r in bundled_green_channel_pack().rule_ids()} <= ids
    assert {("deferral", r) for r in bundled_deferral_pack().rule_ids()} <= ids
    assert {("row", r) for r in ROW_IDS} <= ids
    # two sides per check and rule, one per row
    assert coverage.total == 2 * len(all_checks()) + 2 * (
        len(bundled_green_channel_pack().rule_ids()) + len(bundled_deferral_pack().rule_ids())
    ) + len(ROW_IDS)


def test_without_the_clean_catalog_no_check_is_shown_silent_by_it() -> None:
    flawed_only = run_golden(CASES / "checks" / "flawed-county.yaml").coverage()
    missing = {(e.id, side) for e, side in flawed_only.missing()}
    assert ("PL301", Side.silent) in missing and ("PL301", Side.raised) not in missing
    # The flawed catalog's cases select one check each, exactly: every other check is
    # silent only where a case ran it, so PL106 (a lone filing) is raised, not silent.
    assert ("PL106", Side.raised) not in missing
    # Decision rules and rows are not exercised by check cases.
    assert ("GC-2c", Side.unmet) in missing and ("accept", Side.hit) in missing
    assert flawed_only.percent < 100


def test_only_passing_cases_count(no_dust_deposit: Path) -> None:
    coverage = run_golden(CASES, packs=no_dust_deposit).coverage()
    missing = {(e.id, side) for e, side in coverage.missing()}
    # The green-channel cases fail against the broken pack, so its rules count as unexercised.
    assert ("GC-1", Side.unmet) in missing
    assert "GC-2c" not in {e.id for e in coverage.entries}  # not a rule of the pack under test
    assert ("DF-3", Side.unmet) not in missing


def test_a_county_pack_counts_where_its_rule_means_the_same() -> None:
    # DF-6 is unmet only under the county pack of cases/decisions/data/rules-county, whose
    # DF-6 checks the same thing as the bundled one: it counts for the pack under test.
    coverage = run_golden(CASES / "decisions").coverage()
    entry = next(e for e in coverage.entries if e.id == "DF-6")
    assert dict(entry.sides) == {Side.met: True, Side.unmet: True}
