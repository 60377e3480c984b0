"""The shipped packs' citations: State Council decisions, the deposits, and DF-1."""

from __future__ import annotations

from pathlib import Path

from permitlogic.law import default_register
from permitlogic.models.catalog import Level
from permitlogic.packs.checks_pack import load_checks_pack
from permitlogic.packs.deferral import DeferralPack
from permitlogic.packs.green_channel import GreenChannelPack
from permitlogic.packs.yaml_pack import load_pack

RULES = Path(__file__).resolve().parents[2] / "rules"
REGISTER = default_register()


def test_state_council_decisions_make_prerequisites_on_the_statute_they_cite() -> None:
    row = load_checks_pack(RULES).basis_levels[Level.state_council_decision]
    assert row.may_make_prerequisite is True
    assert {"xzxkf:14", "xzxkf:18", "gwyl412", "gbf2015_31"} <= set(row.law)
    _, art14 = REGISTER.resolve("xzxkf:14")
    assert "国务院可以采用发布决定的方式设定行政许可" in (art14.quote or "")
    assert "国务院决定" in (REGISTER.resolve("gbf2015_31")[0].quote or "")


def test_deposits_without_basis_say_so() -> None:
    pack = load_pack(GreenChannelPack, RULES / "green-channel.yaml")
    by_id = {c.id: c for c in pack.conditions}
    for rule in ("GC-2b", "GC-2c"):
        assert "未找到" in by_id[rule].citation and by_id[rule].law == ["lj2d"]
    assert "大气污染防治法》第六十九条规定扬尘污染防治费用列入工程造价" in by_id["GC-2c"].citation
    assert "保证金" not in (REGISTER.resolve("dqwrfzf:69")[1].quote or "")


def test_df1_refuses_under_the_licence_list_and_art_32_1_1() -> None:
    pack = load_pack(DeferralPack, RULES / "deferral.yaml")
    df1 = next(r for r in pack.rules if r.id == "DF-1")
    assert df1.law == ["yhyshjtl:40", "xzxkf:32"]
    assert "第三十二条第一款第（一）项" in df1.citation and "第（二）项" not in df1.citation
