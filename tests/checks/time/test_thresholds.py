"""The thresholds come from the rule pack: change the pack, and the time checks follow."""

from __future__ import annotations

from pathlib import Path

import yamlio
from check_fixtures import run
from permitlogic.packs.checks_pack import bundled_checks_pack, load_checks_pack
from permitlogic.packs.location import default_rules_dir


def pack_with(tmp_path: Path, **thresholds: float) -> Path:
    data = yamlio.load((default_rules_dir() / "checks.yaml").read_text(encoding="utf-8"))
    data["thresholds"].update(thresholds)
    (tmp_path / "checks.yaml").write_text(yamlio.dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def rules_of(directory: str, name: str, rules: Path | None) -> list[tuple[str, list[str]]]:
    pack = load_checks_pack(rules) if rules else bundled_checks_pack()
    report = run(directory, name, [directory], pack)
    return [(f.rule, f.items) for f in report.findings]


def test_statute_defaults_come_from_the_pack(tmp_path: Path) -> None:
    assert ("PL301", ["SJ-001"]) in rules_of("PL301", "fail.yaml", None)
    relaxed = pack_with(tmp_path, statute_default_days=25, statute_joint_days=50)
    assert rules_of("PL301", "fail.yaml", relaxed) == [("PL301", ["JT-004"])]


def test_reduction_target_comes_from_the_pack(tmp_path: Path) -> None:
    assert rules_of("PL302", "pass.yaml", pack_with(tmp_path, reduction_target=0.4)) == [
        ("PL302", ["SL-003"]),
        ("PL302", ["HB-001"]),
        ("PL302", ["JS-007"]),
    ]


def test_rates_and_levels_come_from_the_pack(tmp_path: Path) -> None:
    lenient = pack_with(tmp_path, single_review_rate=0.5, on_the_spot_rate=0.3, max_review_levels=3)
    assert rules_of("PL304", "fail.yaml", lenient) == [("PL304", ["LY-001"])]
    assert rules_of("PL305", "fail.yaml", lenient) == []
    assert rules_of("PL303", "fail.yaml", lenient) == []


def test_joint_limit_comes_from_the_pack(tmp_path: Path) -> None:
    assert rules_of("PL312", "fail.yaml", pack_with(tmp_path, joint_bound_days=60)) == []
