"""Golden-case and property tests: paths, and broken copies of the bundled rule packs."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "cases"
RULES = ROOT / "rules"


def _copy_rules(tmp_path: Path, name: str, edit: Callable[[str], str], pack: str) -> Path:
    """A county's copy of the bundled rules/ with one pack edited."""
    target = tmp_path / name
    shutil.copytree(RULES, target)
    path = target / pack
    text = path.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text, f"the edit of {pack} changed nothing"
    path.write_text(changed, encoding="utf-8")
    return target


def _drop_dust_deposit(text: str) -> str:
    """Drop GC-2c: urban projects no longer pay the dust-control deposit."""
    start = text.index("  - id: GC-2c")
    end = text.index("  - id: GC-4")
    return text[:start] + text[end:]


@pytest.fixture
def no_dust_deposit(tmp_path: Path) -> Path:
    """green-channel.yaml without the urban dust-control deposit (GC-2c)."""
    return _copy_rules(tmp_path, "no-dust-deposit", _drop_dust_deposit, "green-channel.yaml")


@pytest.fixture
def ten_day_notice(tmp_path: Path) -> Path:
    """deferral.yaml giving the 一次性告知 ten working days (行政许可法 Art. 32 allows five)."""
    return _copy_rules(
        tmp_path,
        "ten-day-notice",
        lambda t: t.replace("notice_working_days: 5", "notice_working_days: 10"),
        "deferral.yaml",
    )


@pytest.fixture
def blacklisted_deferred(tmp_path: Path) -> Path:
    """deferral.yaml that no longer excludes blacklisted (失信) applicants."""
    return _copy_rules(
        tmp_path,
        "blacklisted-deferred",
        lambda t: t.replace("excluded_credit: [blacklisted]", "excluded_credit: []"),
        "deferral.yaml",
    )
