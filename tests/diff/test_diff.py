"""``permitlogic diff``: items added/removed/renamed/changed and the cuts against 30%."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from permitlogic.cli import app
from permitlogic.diff.compare import allowed_days, compare_catalogs
from permitlogic.diff.model import CatalogDiff
from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog
from permitlogic.packs.checks_pack import bundled_checks_pack

HERE = Path(__file__).resolve().parent
REPORT_FIXTURES = HERE.parent / "report" / "fixtures"
ROOT = HERE.parent.parent
OLD = REPORT_FIXTURES / "county-2025.yaml"
NEW = REPORT_FIXTURES / "county.yaml"
DEMO_OLD = ROOT / "cases" / "demo-county-2025.yaml"
DEMO_NEW = ROOT / "cases" / "demo-county.yaml"
TARGET = bundled_checks_pack().thresholds.reduction_target


@pytest.fixture(scope="module")
def diff() -> CatalogDiff:
    return compare_catalogs(load_catalog(OLD), load_catalog(NEW), TARGET)


def test_target_comes_from_the_rule_pack() -> None:
    assert TARGET == 0.30


@pytest.mark.parametrize(
    ("old", "allowed"), [(10, 7), (20, 14), (15, 10), (7, 4), (1, 0), (30, 21), (0, 0)]
)
def test_allowed_days_round_down(old: int, allowed: int) -> None:
    assert allowed_days(old, 0.30) == allowed


def test_removed_and_added(diff: CatalogDiff) -> None:
    assert [r.id for r in diff.removed] == ["WJ-001"]
    assert diff.added == []


def test_renamed_by_id_and_by_name(diff: CatalogDiff) -> None:
    renames = {(r.old_id, r.new_id, r.matched_by) for r in diff.renamed}
    assert renames == {("ZR-001", "ZR-001", "id"), ("JS-009", "JS-003", "name")}


def test_changes_per_item(diff: CatalogDiff) -> None:
    changed = {c.id: c for c in diff.changed}
    assert {f.field for f in changed["JS-003"].changes} == {"kind", "promised_days"}
    kind = next(f for f in changed["JS-003"].changes if f.field == "kind")
    assert (kind.old, kind.new) == ("non_license", "filing")
    assert changed["JS-001"].prerequisites_removed == ["施工企业安全生产许可证"]
    assert changed["JS-001"].materials_removed == ["建筑工程施工许可申请表"]
    basis = next(f for f in changed["HB-001"].changes if f.field == "basis")
    assert basis.new == []
    # ZR-003's prerequisite JS-009 is JS-003 renamed: not a removed prerequisite.
    assert changed["ZR-003"].prerequisites_removed == []
    assert diff.prerequisites_removed == 1
    assert diff.materials_removed == 1


def test_each_items_cut_and_flag(diff: CatalogDiff) -> None:
    cuts = {c.id: c for c in diff.cuts}
    expected = {
        "FG-001": (10, 5, True),
        "ZR-001": (20, 10, True),
        "ZR-002": (10, 8, False),
        "ZR-003": (15, 10, True),
        "JS-001": (7, 7, False),
        "HB-001": (30, 20, True),
        "JS-003": (10, 5, True),
    }
    assert {k: (c.old_days, c.new_days, c.meets_target) for k, c in cuts.items()} == expected
    assert cuts["ZR-002"].cut == 0.2
    assert cuts["JS-003"].old_id == "JS-009"
    assert sorted(c.id for c in diff.under_target) == ["JS-001", "ZR-002"]


def test_department_and_overall_cuts(diff: CatalogDiff) -> None:
    totals = {t.department: t for t in diff.departments}
    housing = totals["县住房和城乡建设局"]
    assert (housing.old_days, housing.new_days, housing.meets_target) == (17, 12, False)
    assert housing.items_under_target == 1
    land = totals["县自然资源局"]
    assert (land.old_days, land.new_days, land.meets_target) == (45, 28, True)
    assert (diff.overall.old_days, diff.overall.new_days) == (102, 65)
    assert diff.overall.meets_target
    assert diff.overall.items_under_target == 2


def test_cli_text_shows_each_cut_and_flags_those_under_target() -> None:
    result = CliRunner().invoke(app, ["diff", str(OLD), str(NEW)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if "│" in line}
    for item, flagged in (("ZR-002", True), ("JS-001", True), ("FG-001", False)):
        assert ("✗ 未达标" in rows[item]) is flagged
    assert "2 个事项压缩不足 30%" in result.output


def test_cli_json_is_the_model() -> None:
    result = CliRunner().invoke(app, ["diff", str(OLD), str(NEW), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert CatalogDiff.model_validate(data).overall.old_days == 102
    assert data["target"] == 0.3


def test_cli_html_page(tmp_path: Path) -> None:
    out = tmp_path / "diff.html"
    result = CliRunner().invoke(
        app, ["diff", str(OLD), str(NEW), "--format", "html", "-o", str(out), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    misses = re.findall(r'<tr class="misses" data-item="([^"]+)"', page)
    assert sorted(misses) == ["JS-001", "ZR-002"]
    assert "2 items are cut by less than 30%" in page


def test_cli_xlsx_needs_output_and_writes_sheets(tmp_path: Path) -> None:
    missing = CliRunner().invoke(app, ["diff", str(OLD), str(NEW), "--format", "xlsx"])
    assert isinstance(missing.exception, InputError)
    out = tmp_path / "diff.xlsx"
    result = CliRunner().invoke(
        app, ["diff", str(OLD), str(NEW), "--format", "xlsx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["概况", "压缩", "新增事项", "取消事项", "更名事项", "变更事项"]
    cuts = list(book["压缩"].iter_rows(values_only=True))
    flagged = sorted(str(r[0]) for r in cuts[1:] if r[-1] == "未达标")
    assert flagged == ["JS-001", "ZR-002"]


def test_cli_reports_bad_input_for_both_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("catalog: {id: x}\nitems: []\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["diff", str(bad), str(tmp_path / "missing.yaml")])
    assert isinstance(result.exception, InputError)
    files = {p.location.file for p in result.exception.problems}
    assert files == {str(bad), str(tmp_path / "missing.yaml")}


def test_demo_catalogs_show_the_reform() -> None:
    diff = compare_catalogs(load_catalog(DEMO_OLD), load_catalog(DEMO_NEW), TARGET)
    assert diff.cuts
    for cut in diff.cuts:
        assert cut.meets_target == (cut.new_days <= allowed_days(cut.old_days, TARGET))
    result = CliRunner().invoke(app, ["diff", str(DEMO_OLD), str(DEMO_NEW)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for cut in diff.cuts:
        assert cut.id in result.output
    assert result.output.count("✗ 未达标") >= len(diff.under_target)
