"""XLSX catalogs: headers as people type them, cells read by clear rules, errors by cell."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.load.limits import LoadLimits
from permitlogic.models.catalog import Catalog, DecisionKind

Load = Callable[..., Catalog]
Problems = Callable[..., list[str]]


def test_written_workbook_loads_to_the_same_catalog(
    small_book: Workbook, small_catalog: Catalog, load_book: Load
) -> None:
    assert load_book(small_book) == small_catalog


def test_headers_match_with_or_without_hint_spaces_and_either_parentheses(
    small_book: Workbook, small_catalog: Catalog, load_book: Load
) -> None:
    items = small_book["事项"]
    items["A1"] = "  事项编码 "
    items["D1"] = "事项类型 (行政许可/备案)"
    items["E1"] = "设定依据"
    items["J1"] = "即办件（是/否）"
    items["K1"] = "前置条件\n（每行一条）"
    items["B1"] = "name"
    assert load_book(small_book) == small_catalog


def test_first_sheet_is_the_items_sheet_when_none_is_named_事项(
    small_book: Workbook, small_catalog: Catalog, load_book: Load
) -> None:
    small_book["事项"].title = "Sheet1"
    small_book.create_sheet("Sheet3")  # empty sheets are ignored
    assert load_book(small_book) == small_catalog


def test_values_are_located_by_sheet_row_header_and_cell(
    small_book: Workbook, tmp_path: Path
) -> None:
    path = tmp_path / "c.xlsx"
    small_book.save(path)
    _, sourced = load_catalog_sourced(path)
    where = sourced.locate(("items", 0, "promised_days"))
    assert (where.sheet, where.row, where.cell, where.header) == ("事项", 2, "G2", "承诺时限")
    where = sourced.locate(("items", 0, "basis", 0, "level"))
    assert (where.cell, where.key) == ("E2", "items[0].basis[0].level")
    assert sourced.locate(("catalog", "effective")).cell == "B4"
    stage = sourced.locate(("chains", 0, "stages", 1, "items", 0))
    assert (stage.sheet, stage.cell) == ("阶段", "D3")


def test_cells_read_numbers_words_and_multi_line_lists(
    small_book: Workbook, load_book: Load
) -> None:
    items = small_book["事项"]
    items.append(
        [
            1001,  # a numeric code reads as text
            "建设工程规划许可证核发",
            "县自然资源和规划局",
            "license",  # the English key is accepted
            "法律|中华人民共和国城乡规划法|第四十条\n\n地方性法规｜某省城乡规划条例",
            20.0,
            "12",  # digits typed as text
            None,
            1,
            False,
            "企业投资项目备案\n建设项目环境影响报告书审批｜法律｜中华人民共和国环境影响评价法｜第二十五条\n"
            "土地使用权证明",
            "建设工程规划许可申请表｜核心\n建设工程设计方案｜非核心｜设计单位",
            "是",
            "准予或不予",
        ]
    )
    catalog = load_book(small_book)
    item = catalog.items[-1]
    assert item.id == "1001"
    assert (item.statutory_days, item.promised_days, item.joint) == (20, 12, True)
    assert [(b.level.value, b.title, b.article) for b in item.basis] == [
        ("law", "中华人民共和国城乡规划法", "第四十条"),
        ("local_regulation", "某省城乡规划条例", None),
    ]
    prerequisites = [(p.item, p.external, p.basis is not None) for p in item.prerequisites]
    assert prerequisites == [
        ("FG-001", None, False),  # by name
        ("HB-001", None, True),  # by name, with its basis
        (None, "土地使用权证明", False),
    ]
    assert [(m.id, m.name, m.core, m.issued_by) for m in item.materials] == [
        ("m1", "建设工程规划许可申请表", True, None),
        ("m2", "建设工程设计方案", False, "设计单位"),
    ]


def test_filing_decision_and_dates(small_book: Workbook, load_book: Load) -> None:
    small_book["目录"]["B4"] = datetime(2026, 3, 1)
    catalog = load_book(small_book)
    assert str(catalog.catalog.effective) == "2026-03-01"
    assert catalog.item_map()["FG-001"].decision is DecisionKind.record_only


def test_chain_stages_keep_row_order_and_stage_joint_may_be_blank(
    small_book: Workbook, load_book: Load
) -> None:
    small_book["阶段"]["D2"] = "FG-001,HB-001"
    chain = load_book(small_book).chains[0]
    assert [s.name for s in chain.stages] == ["立项用地规划许可", "工程建设许可"]
    assert chain.stages[0].items == ["FG-001", "HB-001"]
    assert (chain.stages[0].joint, chain.stages[1].joint, chain.joint) == (None, False, True)


def test_blank_rows_are_skipped_and_rows_keep_their_numbers(
    small_book: Workbook, book_problems: Problems
) -> None:
    items = small_book["事项"]
    items.insert_rows(3, 2)
    items["G5"] = "x"
    (problem,) = book_problems(small_book)
    assert problem.startswith("[事项]!G5 (承诺时限): 应为整数")


def test_every_problem_of_the_workbook_is_reported_once(
    small_book: Workbook, book_problems: Problems
) -> None:
    items = small_book["事项"]
    items["D2"] = "许可"  # a word that is not a kind
    items["G3"] = "5天"  # a number with a unit
    items["B3"] = None  # a required cell left empty
    small_book["目录"]["B4"] = "2026-02-30"  # no such date
    found = book_problems(small_book)
    assert len(found) == 4, found
    assert found[0].startswith("[事项]!D2 (事项类型（")
    assert found[1].startswith("[事项]!G3 (承诺时限): 应为整数，只填数字")
    assert "[目录]!B4 (生效日期) [catalog.effective]: 2026-02-30 不是有效日期" in found[2]
    assert found[3].startswith("[事项]!B3 (事项名称) [items[1].name]: 缺少必填项")


def test_cross_item_problems_are_located_too(small_book: Workbook, book_problems: Problems) -> None:
    small_book["事项"]["A3"] = "HB-001"
    small_book["事项"]["G2"] = None  # a license without a promise
    found = book_problems(small_book)
    assert [p.split(":")[0] for p in found] == [
        "[事项]!G2 (承诺时限) [items[0].promised_days]",
    ]
    small_book["事项"]["G2"] = 10
    found = book_problems(small_book)
    assert found[0].startswith("[事项]!A3 (事项编码) [items[1].id]: 事项编码重复：HB-001")
    assert found[1].startswith(
        "[阶段]!D2 (事项编码（每行一个，或以、分隔）) [chains[0].stages[0].items[0]]"
    )


def test_formula_error_value_merged_and_long_cells_name_their_cell(
    small_book: Workbook, book_problems: Problems
) -> None:
    items = small_book["事项"]
    items["G2"] = "=SUM(1,2)"
    items["F3"] = "#DIV/0!"
    items["B3"] = "很长" * 20
    items.merge_cells("C2:C3")
    found = book_problems(small_book, LoadLimits(max_cell_chars=38))
    assert [p.split(":")[0] for p in found] == [
        "[事项]!C2 (实施机关)",
        "[事项]!G2 (承诺时限)",
        "[事项]!B3 (事项名称)",
        "[事项]!C3 (实施机关)",
        "[事项]!F3 (法定时限)",
    ]
    assert "公式（=SUM(1,2)）" in found[1]
    assert "合并单元格 C2:C3" in found[0]
    assert "单元格内容太长（40 字，上限 38" in found[2]
    assert "#DIV/0!" in found[4]


def test_header_problems(small_book: Workbook, book_problems: Problems) -> None:
    items = small_book["事项"]
    items["F1"] = "承诺时限"  # now twice
    items["P2"] = "无标题列中的内容"
    items["O1"] = "备注"
    found = book_problems(small_book)
    assert found[0].startswith("[事项]!G1 (承诺时限): 列标题「承诺时限」重复（与 F 列相同）")
    assert found[1].startswith("[事项]!O1 (备注): 不认识的列标题「备注」")
    assert found[2].startswith("[事项]!P2: 此单元格有内容，但所在列没有（可识别的）标题")


def test_missing_required_column_is_one_problem(
    small_book: Workbook, book_problems: Problems
) -> None:
    small_book["事项"].delete_cols(3)  # 实施机关
    assert book_problems(small_book) == [
        "[事项] row 1: 缺少必需的列「实施机关」 / required column '实施机关' is missing"
    ]


def test_stage_sheet_problems(small_book: Workbook, book_problems: Problems) -> None:
    stages = small_book["阶段"]
    stages["D3"] = "HB-001、XX-404"
    found = book_problems(small_book)
    assert len(found) == 1
    assert found[0].startswith(
        "[阶段]!D3 (事项编码（每行一个，或以、分隔）) [chains[0].stages[1].items[1]]"
    )


def test_a_non_empty_unknown_sheet_is_an_error_and_说明_is_not_read(
    small_book: Workbook, book_problems: Problems
) -> None:
    small_book["说明"]["C9"] = "=1/0"  # never read
    small_book.create_sheet("草稿")["B2"] = "旧版"
    (problem,) = book_problems(small_book)
    assert problem.startswith("[草稿] row 2: 不认识的工作表「草稿」")


def test_rows_are_read_even_when_the_sheet_misstates_its_size(
    small_book: Workbook, tmp_path: Path
) -> None:
    path = tmp_path / "c.xlsx"
    small_book.save(path)
    lying = tmp_path / "lying.xlsx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(lying, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                start = data.index(b"<dimension ")
                end = data.index(b"/>", start) + 2
                data = data[:start] + b'<dimension ref="A1:A1"/>' + data[end:]
            new.writestr(info, data)
    catalog, _ = load_catalog_sourced(lying)
    assert [i.id for i in catalog.items] == ["HB-001", "FG-001"]


def test_item_rows_over_the_limit_stop_the_read(
    small_book: Workbook, book_problems: Problems
) -> None:
    items = small_book["事项"]
    for n in range(5):
        items.append([f"X-{n}", "事项", "部门", "公共服务"])
    (problem,) = book_problems(small_book, LoadLimits(max_items=4))
    assert problem.startswith("[事项] row 6: 工作表「事项」超过 4 行事项")


def test_workbook_bytes_round_trip(small_catalog: Catalog, tmp_path: Path) -> None:
    from permitlogic.load.sheet_writer import to_xlsx

    path = tmp_path / "c.xlsx"
    path.write_bytes(to_xlsx(small_catalog))
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        assert "xl/worksheets/sheet1.xml" in archive.namelist()
    assert load_catalog_sourced(path)[0] == small_catalog
