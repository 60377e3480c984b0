"""``permitlogic template``: the workbook a department fills in loads as a catalog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from permitlogic.load.catalog import load_catalog
from permitlogic.load.sheet_writer import example_catalog
from permitlogic.models.catalog import LEVEL_ZH

Cli = Callable[..., tuple[int, str]]
CASES = Path(__file__).resolve().parents[2] / "cases"


def test_template_writes_headers_lists_and_an_example_that_loads(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "catalog.xlsx"
    code, output = cli("template", str(path))
    assert code == 0, output
    assert load_catalog(path) == example_catalog()
    book = load_workbook(path)
    assert book.sheetnames == ["事项", "目录", "流程", "阶段", "说明"]
    items = book["事项"]
    assert items["A1"].value == "事项编码"
    assert items["E1"].value == "设定依据（每行一条：层级｜名称｜条款）"
    lists = {
        str(v.sqref): v.formula1 for v in items.data_validations.dataValidation if v.type == "list"
    }
    assert lists["D2:D5000"] == (
        '"行政许可,非行政许可审批,备案,公共服务,中介服务,行政处罚,行政强制,行政征收,'
        '行政给付,行政检查,行政确认,行政奖励,行政裁决,其他行政权力"'
    )
    assert lists["J2:J5000"] == '"是,否"'
    assert lists["N2:N5000"] == '"准予或不予,仅备案"'
    notes = [row[0] for row in book["说明"].iter_rows(values_only=True)]
    assert all(level in notes for level in LEVEL_ZH.values())


def test_a_filled_in_row_loads(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "catalog.xlsx"
    cli("template", str(path))
    book = load_workbook(path)
    book["事项"].append(
        [
            "JS-001",
            "建筑工程施工许可证核发",
            "县住房和城乡建设局",
            "行政许可",
            "法律｜中华人民共和国建筑法｜第七条、第八条",
            15,
            5,
            7,
            1,
            "否",
            "HB-001",
            "建筑工程施工许可申请表｜核心",
            "否",
            "准予或不予",
        ]
    )
    book.save(path)
    catalog = load_catalog(path)
    assert [i.id for i in catalog.items] == ["HB-001", "JS-001"]
    assert catalog.items[1].prerequisites[0].item == "HB-001"


def test_csv_template_and_from_a_catalog(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    assert cli("template", str(path))[0] == 0
    assert load_catalog(path) == example_catalog()
    xlsx = tmp_path / "demo.xlsx"
    code, output = cli("template", "--from", str(CASES / "demo-county.yaml"), str(xlsx))
    assert code == 0, output
    assert load_catalog(xlsx) == load_catalog(CASES / "demo-county.yaml")


def test_template_refuses_to_overwrite_and_odd_suffixes(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "catalog.xlsx"
    path.write_text("mine", encoding="utf-8")
    code, output = cli("template", str(path))
    assert code == 2 and "已存在" in output and "--force" in output
    assert path.read_text(encoding="utf-8") == "mine"
    assert cli("template", "--force", str(path))[0] == 0
    code, output = cli("template", str(tmp_path / "catalog.xls"))
    assert code == 2 and ".xlsx 或 .csv" in output


def test_help_is_in_chinese_and_english(cli: Cli) -> None:
    code, output = cli("template", "--help")
    assert code == 0
    assert "填报模板" in output and "template a department fills in" in output
    assert "CSV" in output and "chains" in output
