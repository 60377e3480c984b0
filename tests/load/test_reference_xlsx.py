"""The upper level's reference list as XLSX (PL204/PL205)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from permitlogic.errors import InputError
from permitlogic.load.reference import load_reference
from permitlogic.models.reference import ReferenceStatus


def reference_book() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "清单"
    sheet.append(["事项名称", "状态（取消/下放）", "文件", "日期"])
    sheet.append(["建设项目试生产审批", "取消", "国发〔2015〕57号", datetime(2015, 10, 11)])
    sheet.append(["母婴保健技术服务执业许可", "devolved", None, "2024-05-01"])
    return book


def test_reference_list_reads_from_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "ref.xlsx"
    reference_book().save(path)
    entries = load_reference(path).entries
    assert [(e.name, e.status) for e in entries] == [
        ("建设项目试生产审批", ReferenceStatus.abolished),
        ("母婴保健技术服务执业许可", ReferenceStatus.devolved),
    ]
    assert str(entries[0].date) == "2015-10-11"


def test_reference_problems_name_the_cell(tmp_path: Path) -> None:
    book = reference_book()
    book.active["B3"] = "撤销"
    book.active["A2"] = None
    path = tmp_path / "ref.xlsx"
    book.save(path)
    with pytest.raises(InputError) as raised:
        load_reference(path)
    described = [p.describe("zh").removeprefix(str(path)) for p in raised.value.problems]
    assert described[0].startswith(
        "[清单]!B3 (状态（取消/下放）): 取值不在允许范围内：应为 取消、下放"
    )
    assert described[1].startswith("[清单]!A2 (事项名称) [entries[0].name]: 缺少必填项")
