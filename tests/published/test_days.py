"""Day cells as published read to a number and a unit; what cannot be read is refused."""

from __future__ import annotations

import pytest

from permitlogic.models.catalog import DayUnit
from permitlogic.published.days import read_days

W, C = DayUnit.working, DayUnit.calendar


@pytest.mark.parametrize(
    ("text", "license", "days", "unit", "spot"),
    [
        ("20个工作日", True, 20, W, False),
        ("承诺：5个工作日", True, 5, W, False),
        ("30个自然日", True, 30, C, False),
        ("二十个工作日", False, 20, W, False),
        ("即办", True, 0, W, True),
        ("当场办结", False, 0, W, True),
        ("20日", True, 20, W, False),  # 行政许可法 Art. 82: its limits count working days
        ("3日", False, 3, C, False),
        ("受理后 10 个工作日内", True, None, None, None),
        ("另行通知", True, None, None, None),
    ],
)
def test_a_day_cell_reads_to_days_and_a_unit(
    text: str, license: bool, days: int | None, unit: DayUnit | None, spot: bool | None
) -> None:
    got = read_days(text, license=license)
    if days is None:
        assert got is None
        return
    assert got is not None
    assert (got.days, got.unit, got.on_the_spot) == (days, unit, spot)


def test_a_bare_day_count_is_logged_with_the_rule_applied() -> None:
    got = read_days("20日", license=True)
    assert got is not None and got.note_zh is not None and "第八十二条" in got.note_zh
    assert read_days("20个工作日", license=True).note_zh is None  # type: ignore[union-attr]
