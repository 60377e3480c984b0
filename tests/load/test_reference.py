"""The reference list loads from YAML and XLSX; a bad one is an input error with its place."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from check_fixtures import FIXTURES
from permitlogic.errors import InputError
from permitlogic.load.reference import load_reference
from permitlogic.models.reference import ReferenceStatus


def workbook(path: Path, rows: list[list[object]], title: str = "清单") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_yaml_reference_list() -> None:
    reference = load_reference(FIXTURES / "PL204" / "reference.yaml")
    assert [e.status for e in reference.entries] == [
        ReferenceStatus.abolished,
        ReferenceStatus.abolished,
        ReferenceStatus.devolved,
    ]
    assert reference.entries[0].date == date(2025, 11, 20)


def test_xlsx_reference_list_with_chinese_headers_and_status_words(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "清单.xlsx",
        [
            ["事项名称", "状态", "文件", "日期"],
            [
                "临时占用城市绿地审批",
                "取消",
                "某省人民政府关于取消一批行政审批事项的决定",
                datetime(2025, 11, 20),
            ],
            [
                "燃气经营许可证核发",
                "下放",
                "某市人民政府关于下放一批行政审批事项的决定",
                "2025-12-01",
            ],
            ["建设工程消防验收备案抽查", "devolved", None, None],
        ],
    )
    reference = load_reference(path)
    assert [(e.name, e.status.value) for e in reference.entries] == [
        ("临时占用城市绿地审批", "abolished"),
        ("燃气经营许可证核发", "devolved"),
        ("建设工程消防验收备案抽查", "devolved"),
    ]
    assert reference.entries[0].date == date(2025, 11, 20)
    assert reference.entries[1].date == date(2025, 12, 1)


def test_xlsx_reference_list_errors_name_sheet_and_cell(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "bad.xlsx",
        [
            ["事项名称", "状态", "文件", "日期"],
            ["临时占用城市绿地审批", "暂停", "某决定", "2025-11-20"],
            ["燃气经营许可证核发", "下放", "某决定", "2025-13-01"],
        ],
    )
    with pytest.raises(InputError) as caught:
        load_reference(path)
    described = caught.value.describe("en")
    assert "清单" in described
    assert "B2" in described
    assert "D3" in described


def test_reference_list_of_an_unknown_type_or_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported"):
        load_reference(tmp_path / "list.txt")
    with pytest.raises(InputError, match="not found"):
        load_reference(tmp_path / "missing.yaml")


def test_yaml_reference_list_with_a_bad_status_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "ref.yaml"
    path.write_text("entries:\n  - name: 某事项\n    status: suspended\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_reference(path)
    problem = caught.value.problems[0]
    assert problem.location.line == 3
    assert problem.location.key == "entries[0].status"
