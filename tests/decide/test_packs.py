"""Rule packs are validated data: a bad pack is an error naming file and line; versions are hashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from decide_support import ROOT

import yamlio
from permitlogic.errors import InputError
from permitlogic.packs.deferral import DeferralPack, load_deferral_pack
from permitlogic.packs.green_channel import GreenChannelPack, load_green_channel_pack
from permitlogic.packs.yaml_pack import load_pack

RULES = ROOT / "rules"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _edited(name: str, old: str, new: str) -> str:
    text = (RULES / name).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_bundled_packs_load_with_their_rule_ids() -> None:
    green = load_green_channel_pack()
    deferral = load_deferral_pack()
    assert green.rule_ids() == [
        "GC-0",
        "GC-1",
        "GC-3a",
        "GC-3b",
        "GC-3c",
        "GC-2a",
        "GC-2b",
        "GC-2c",
        "GC-4",
    ]
    assert deferral.rule_ids() == ["DF-1", "DF-2", "DF-3", "DF-4", "DF-5", "DF-6"]
    assert deferral.deadline_working_days == 5 and deferral.notice_working_days == 5
    assert [c.value for c in deferral.excluded_credit] == ["blacklisted"]
    dust = next(c for c in green.conditions if c.field == "dust_deposit_paid")
    assert dust.applies_when == "urban"
    assert all(c.citation for c in green.conditions) and all(r.citation for r in deferral.rules)


@pytest.mark.parametrize(
    ("name", "old", "new", "needle"),
    [
        ("green-channel.yaml", "field: eia_approval", "field: eia_aproval", "eia_aproval"),
        ("green-channel.yaml", "applies_when: urban", "applies_when: downtown", "downtown"),
        ("green-channel.yaml", "id: GC-3b", "id: GC-3a", "id: GC-3a"),
        ("green-channel.yaml", "    - category: ordinary", "    - category: ordinry", "ordinry"),
        (
            "deferral.yaml",
            "deadline_working_days: 5",
            "deadline_working_days: 0",
            "deadline_working",
        ),
        (
            "deferral.yaml",
            "excluded_credit: [blacklisted]",
            "excluded_credit: [bad]",
            "excluded_credit",
        ),
        (
            "deferral.yaml",
            "check: credit_allowed",
            "check: commitment_signed",
            "check: commitment_signed",
        ),
        ("deferral.yaml", "不予受理\n", "不予受理 {applicant}\n", "{applicant}"),
    ],
)
def test_a_bad_pack_is_an_error_naming_file_and_line(
    tmp_path: Path, name: str, old: str, new: str, needle: str
) -> None:
    text = _edited(name, old, new)
    _write(tmp_path, name, text)
    loader = load_green_channel_pack if name.startswith("green") else load_deferral_pack
    with pytest.raises(InputError) as caught:
        loader(tmp_path)
    lines = text.splitlines()
    problems = caught.value.problems
    assert all(p.location.file == str(tmp_path / name) and p.location.line for p in problems)
    assert any(needle in lines[(p.location.line or 0) - 1] for p in problems)


def test_a_pack_without_a_category_is_refused(tmp_path: Path) -> None:
    data = yamlio.load((RULES / "green-channel.yaml").read_text(encoding="utf-8"))
    data["scope"]["categories"] = data["scope"]["categories"][:3]
    path = _write(tmp_path, "green-channel.yaml", yamlio.dump(data, allow_unicode=True))
    with pytest.raises(InputError, match="ordinary"):
        load_pack(GreenChannelPack, path)


def test_the_version_hash_follows_the_content(tmp_path: Path) -> None:
    bundled = load_deferral_pack()
    same = load_pack(
        DeferralPack,
        _write(tmp_path, "a.yaml", "# a comment\n" + (RULES / "deferral.yaml").read_text("utf-8")),
    )
    changed = load_pack(
        DeferralPack,
        _write(
            tmp_path,
            "b.yaml",
            _edited("deferral.yaml", "deadline_working_days: 5", "deadline_working_days: 7"),
        ),
    )
    assert bundled.fingerprint == same.fingerprint
    assert bundled.fingerprint != changed.fingerprint
    assert bundled.fingerprint.startswith("sha256:") and len(bundled.fingerprint) == 23


def test_a_rules_dir_without_the_pack_falls_back_to_the_bundled_one(tmp_path: Path) -> None:
    assert load_green_channel_pack(tmp_path) == load_green_channel_pack()
    assert load_deferral_pack(tmp_path) == load_deferral_pack()


@pytest.mark.parametrize(
    ("name", "rules"),
    [("green-channel.yaml", ("conditions", 1)), ("deferral.yaml", ("rules", 1))],
)
def test_a_rule_id_given_twice_is_refused_at_the_second(
    tmp_path: Path, name: str, rules: tuple[str, int]
) -> None:
    data = yamlio.load((RULES / name).read_text(encoding="utf-8"))
    key, index = rules
    first = data[key][0]["id"]
    data[key][index]["id"] = first
    _write(tmp_path, name, yamlio.dump(data, allow_unicode=True))
    loader = load_green_channel_pack if name.startswith("green") else load_deferral_pack
    with pytest.raises(InputError) as caught:
        loader(tmp_path)
    [problem] = caught.value.problems
    assert problem.location.key == f"{key}[{index}].id"
    assert first in problem.message_zh
