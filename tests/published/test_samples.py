"""The real catalogs under cases/real import with no hand edits and check with what the data says."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from openpyxl import Workbook

from permitlogic.check_runner import check
from permitlogic.load.catalog import load_catalog
from permitlogic.models.catalog import DayUnit, Kind, Level
from permitlogic.models.report import Report
from permitlogic.published.importer import catalog_yaml, import_published

CASES = Path(__file__).resolve().parents[2] / "cases"
GUANGAN = CASES / "real" / "guangan-district" / "guangan-district.xlsx"
LINGSHAN = CASES / "real" / "lingshan-county" / "lingshan-county.json"


def test_the_district_list_imports_all_its_items_with_their_kinds() -> None:
    imported = import_published(GUANGAN)
    items = imported.catalog.items
    assert len(items) == 1135
    kinds = {kind: sum(1 for i in items if i.kind is kind) for kind in Kind}
    assert kinds[Kind.license] == 536
    assert kinds[Kind.service] == 348
    assert kinds[Kind.other_power] == 182
    assert imported.catalog.published
    first = items[0]
    assert (first.name, first.department) == (
        "企业投资项目备案（技术改造）（市级/县级）",
        "区经信局",
    )
    assert first.implementation_code == "511Z07001006-511602000000-000-11511301008778183N-1-00"
    assert all(i.promised_days is None and i.on_the_spot is None for i in items)


def test_the_import_log_names_the_title_row_and_each_merged_cell_filled() -> None:
    log = import_published(GUANGAN).log
    skipped = [e for e in log.entries if e.action == "skipped"]
    assert skipped[0].where.row == 1 and "标题行" in skipped[0].result
    filled = [e for e in log.entries if "合并单元格" in e.result]
    assert filled, "merged department cells are filled and logged"
    first = filled[0]
    assert (first.where.cell, first.text) == ("B5", "区教科体局")
    assert "B4" in first.result


def test_checking_the_list_finds_nothing_it_cannot_judge_and_says_so() -> None:
    catalog = load_catalog(GUANGAN)
    report = check(catalog)
    # What the list does give (names, departments, codes) shows its structural
    # defects, warnings, and the city-level items of the vertically managed
    # environment bureau at info (docs/precision.md judges each); nothing at error.
    assert {f.rule for f in report.findings} == {"PL110", "PL111", "PL206", "PL207"}
    assert {f.severity.value for f in report.findings} == {"warning", "info"}
    assert {f.severity.value for f in report.findings if f.rule == "PL207"} == {"info"}
    # Every kind is read: the filing 「建设单位进行环境影响后评价的备案(市级)」 is listed
    # as another power (taskType 10) and marked with ASCII parentheses.
    level_items = {i for f in report.findings if f.rule == "PL207" for i in f.items}
    assert len(level_items) == 8
    assert "511Z16016002-511602000000-000-11511301MB1D685275-2-00" in level_items
    by_rule = {n.rule: n for n in report.not_judged}
    assert (by_rule["PL305"].count, by_rule["PL305"].of) == (884, 884)
    assert (by_rule["PL304"].count, by_rule["PL304"].of) == (536, 536)
    assert "即办件未给出 884 个" in by_rule["PL305"].message_zh


def test_the_platform_record_reads_codes_days_bases_and_materials() -> None:
    catalog = load_catalog(LINGSHAN)
    [item] = catalog.items
    assert item.kind is Kind.license
    assert (item.basic_code, item.implementation_code) == (
        "000104002000",
        "11450721MB155808114000104002000",
    )
    assert (item.statutory_days, item.promised_days) == (20, 5)
    assert item.promised_unit is DayUnit.working
    assert [b.level for b in item.basis] == [
        Level.departmental_rule,
        Level.law,
        Level.state_council_decision,
    ]
    assert [m.name for m in item.materials] == ["申请书", "节能报告"]
    assert all(m.required for m in item.materials)
    report = check(catalog)
    assert report.findings == []  # 5 of 20 working days, set by law: nothing to report


def test_an_unknown_unit_code_is_refused_naming_the_key(tmp_path: Path) -> None:
    data = json.loads(LINGSHAN.read_text(encoding="utf-8"))
    data["list"][0]["AUDIT_ITEM"]["promise_type"] = "7"
    path = tmp_path / "records.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    import pytest

    from permitlogic.errors import InputError

    with pytest.raises(InputError) as raised:
        import_published(path)
    [problem] = raised.value.problems
    assert problem.location.key == "list[0].AUDIT_ITEM.promise_type"


def test_a_published_sheet_with_units_in_its_day_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["某县行政许可事项清单"])
    sheet.append(
        [
            "序号",
            "实施机关",
            "事项名称",
            "事项类型",
            "设定依据",
            "法定办结时限",
            "承诺办结时限",
            "业务办理项",
        ]
    )
    sheet.append(
        [
            1,
            "县交通运输局",
            "公路超限运输许可",
            "行政许可",
            "《公路安全保护条例》第三十五条",
            "20日",
            "即办",
            "新办、变更、延续",
        ]
    )
    sheet.append(
        [
            2,
            None,
            "道路货物运输经营许可",
            "行政许可",
            "《中华人民共和国道路运输条例》",
            "20个工作日",
            "承诺：5个工作日",
            None,
        ]
    )
    sheet.append([3, "县民政局", "慈善组织公开募捐资格", "行政确认", None, "20日", "3日", None])
    sheet.merge_cells("B3:B4")
    path = tmp_path / "list.xlsx"
    book.save(path)
    imported = import_published(path)
    first, second, third = imported.catalog.items
    assert (first.statutory_days, first.statutory_unit, first.promised_days, first.on_the_spot) == (
        20,
        DayUnit.working,
        0,
        True,
    )
    assert [t.name for t in first.transactions] == ["新办", "变更", "延续"]
    assert second.department == "县交通运输局"
    assert (second.promised_days, second.promised_unit) == (5, DayUnit.working)
    assert (third.statutory_unit, third.kind) == (DayUnit.calendar, Kind.confirmation)
    assert first.basis[0].level is Level.administrative_regulation
    assert imported.catalog.catalog.jurisdiction == "某县行政许可事项清单"
    notes = {e.where.cell: e.result for e in imported.log.entries}
    assert "行政许可法第八十二条" in notes["F3"]
    assert "合并单元格 B3" in notes["B4"]


def test_an_unreadable_day_cell_names_the_cell(tmp_path: Path) -> None:
    import pytest

    from permitlogic.errors import InputError

    book = Workbook()
    sheet = book.active
    sheet.append(["实施机关", "事项名称", "事项类型", "承诺办结时限"])
    sheet.append(["县某局", "某许可", "行政许可", "尽快"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    with pytest.raises(InputError) as raised:
        import_published(path)
    [problem] = raised.value.problems
    assert (problem.location.cell, problem.location.header) == ("D2", "承诺办结时限")


def _essentials(report: Report) -> tuple[list[tuple[object, ...]], list[tuple[str, int, int]]]:
    findings = [
        (f.rule, f.severity.value, tuple(f.items), f.message_zh, f.message_en, f.witness)
        for f in report.findings
    ]
    return findings, [(n.rule, n.count, n.of) for n in report.not_judged]


def test_the_district_list_checks_the_same_as_xlsx_as_yaml_and_as_json(tmp_path: Path) -> None:
    # `permitlogic import` writes the list as YAML or JSON; checking those gives
    # what checking the spreadsheet gives, the level markers' info included.
    imported = import_published(GUANGAN)
    as_yaml = tmp_path / "guangan-district.yaml"
    as_yaml.write_text(catalog_yaml(imported.data), encoding="utf-8")
    as_json = tmp_path / "guangan-district.json"
    as_json.write_text(json.dumps(imported.data, ensure_ascii=False), encoding="utf-8")
    from_xlsx = _essentials(check(load_catalog(GUANGAN)))
    assert _essentials(check(load_catalog(as_yaml))) == from_xlsx
    assert _essentials(check(load_catalog(as_json))) == from_xlsx
    severities = Counter(severity for _, severity, *_ in from_xlsx[0])
    assert severities == {"warning": 85, "info": 8}
