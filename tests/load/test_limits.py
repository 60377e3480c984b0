"""Limits against hostile files: size, items, cell length, zip bombs, XML entities, aliases."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.load.limits import LoadLimits
from permitlogic.load.sheet_writer import to_csv, to_xlsx
from permitlogic.load.yaml_source import parse_yaml
from permitlogic.models.catalog import Catalog

Problems = Callable[..., list[str]]
CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"


def test_defaults_and_environment() -> None:
    assert LoadLimits.from_env({}) == LoadLimits(
        max_file_mb=50, max_items=100_000, max_cell_chars=10_000
    )
    limits = LoadLimits.from_env(
        {
            "PERMITLOGIC_MAX_FILE_MB": "5",
            "PERMITLOGIC_MAX_ITEMS": " 7 ",
            "PERMITLOGIC_MAX_CELL_CHARS": "",
        }
    )
    assert (limits.max_file_mb, limits.max_items, limits.max_cell_chars) == (5, 7, 10_000)


@pytest.mark.parametrize("value", ["many", "0", "-3", "1.5"])
def test_a_bad_environment_value_is_an_input_error(value: str) -> None:
    with pytest.raises(InputError) as raised:
        LoadLimits.from_env({"PERMITLOGIC_MAX_ITEMS": value})
    (problem,) = raised.value.problems
    assert problem.location.key == "PERMITLOGIC_MAX_ITEMS"
    assert "应为正整数" in problem.message_zh


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv", ".xlsx"])
def test_a_file_over_the_size_limit_is_refused_unread(
    suffix: str, tmp_path: Path, file_problems: Problems
) -> None:
    path = tmp_path / f"big{suffix}"
    with path.open("wb") as handle:
        handle.truncate(1024 * 1024 + 1)
    (problem,) = file_problems(path, LoadLimits(max_file_mb=1))
    assert problem.startswith(": 文件太大（1.0 MB，上限 1 MB")


def test_too_many_items_in_yaml(tmp_path: Path, file_problems: Problems) -> None:
    items = "".join(
        f"  - {{id: S-{n}, name: 服务{n}, department: 县局, kind: service}}\n" for n in range(6)
    )
    path = tmp_path / "c.yaml"
    path.write_text(f"catalog: {{id: c, jurisdiction: 县}}\nitems:\n{items}", encoding="utf-8")
    catalog, _ = load_catalog_sourced(path, LoadLimits(max_items=6))
    assert len(catalog.items) == 6
    (problem,) = file_problems(path, LoadLimits(max_items=5))
    assert problem.startswith(":2:1 [items]: 事项超过 5 个（6 个")


def test_long_text_in_yaml_and_csv(
    small_catalog: Catalog, tmp_path: Path, file_problems: Problems
) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "catalog: {id: c, jurisdiction: 县}\n"
        "items:\n  - {id: S-1, name: " + "长" * 50 + ", department: 县局, kind: service}\n",
        encoding="utf-8",
    )
    (problem,) = file_problems(path, LoadLimits(max_cell_chars=40))
    assert problem.startswith(":3:15 [items[0].name]: 文本太长（50 字，上限 40")
    path = tmp_path / "c.csv"
    path.write_text(to_csv(small_catalog).replace("企业投资项目备案", "长" * 50), encoding="utf-8")
    (problem,) = file_problems(path, LoadLimits(max_cell_chars=40))
    assert problem.startswith("!B7 (事项名称): 单元格内容太长（50 字，上限 40")


def test_long_text_in_json_in_any_item_or_the_catalog(
    tmp_path: Path, file_problems: Problems
) -> None:
    """Short items are skipped by their length in the file; a long text anywhere is found."""
    items = [
        {"id": f"S-{n}", "name": f"服务{n}", "department": "县局", "kind": "service"}
        for n in range(30)
    ]
    items[17]["name"] = "长" * 50
    items[29]["department"] = "局" * 45  # the last item: its span runs to the file's end
    catalog = {"catalog": {"id": "c", "jurisdiction": "县" * 41}, "items": items}
    path = tmp_path / "c.json"
    path.write_text(json.dumps(catalog, ensure_ascii=False, indent=1), encoding="utf-8")
    problems = file_problems(path, LoadLimits(max_cell_chars=40))
    assert [p.split(" [", 1)[1].split("]: ", 1)[0] for p in problems] == [
        "catalog.jurisdiction",
        "items[17].name",
        "items[29].department",
    ]
    assert all("]: 文本太长（" in p for p in problems)


def test_zip_bomb_is_refused_by_compression_ratio(
    small_catalog: Catalog, tmp_path: Path, file_problems: Problems
) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(to_xlsx(small_catalog))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", b"\0" * (20 * 1024 * 1024))
    (problem,) = file_problems(path)
    assert problem.startswith(": XLSX 中的 xl/media/zeros.bin 压缩比异常")
    assert "zip bomb" in problem


def test_zip_bomb_is_refused_by_unpacked_size(
    small_catalog: Catalog, tmp_path: Path, file_problems: Problems
) -> None:
    path = tmp_path / "big.xlsx"
    path.write_bytes(to_xlsx(small_catalog))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/noise.bin", os.urandom(3 * 1024 * 1024))
    (problem,) = file_problems(path, LoadLimits(max_unzipped_mb=2))
    assert problem.startswith(": XLSX 解压后过大（3 MB，上限 2 MB）")


def test_openpyxl_parses_through_defusedxml_and_entities_are_refused(
    file_problems: Problems,
) -> None:
    assert openpyxl.DEFUSEDXML is True
    (problem,) = file_problems(CORPUS / "xml-entities.xlsx")
    assert problem.startswith(": XLSX 中的 XML 含有实体声明（可能是 XML 炸弹），拒绝读取")


def test_xlsx_is_refused_when_the_xml_protection_is_switched_off(
    small_catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "c.xlsx"
    path.write_bytes(to_xlsx(small_catalog))
    script = (
        "import sys\n"
        "from permitlogic.errors import InputError\n"
        "from permitlogic.load.catalog import load_catalog\n"
        "try:\n"
        f"    load_catalog({str(path)!r})\n"
        "except InputError as error:\n"
        "    print(error.describe('en'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "OPENPYXL_DEFUSEDXML": "False"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "XML protection (defusedxml) is off" in done.stdout, done.stdout + done.stderr


def test_yaml_alias_bomb_is_refused_without_expanding() -> None:
    text = (CORPUS / "alias-bomb.yaml").read_text(encoding="utf-8")
    with pytest.raises(InputError) as raised:
        parse_yaml(text, "bomb.yaml")
    # nine levels of nine aliases would be 9**9 strings; each of the 8 aliased values is refused once
    assert len(raised.value.problems) == 8
    assert all("anchors and aliases" in p.message_en for p in raised.value.problems)


def test_stdin_is_bounded_too(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "from permitlogic.cli import main; main()", "check", "-"]
    done = subprocess.run(
        command,
        input=b"# x\n" * 300_000,
        env={**os.environ, "PERMITLOGIC_MAX_FILE_MB": "1"},
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "<stdin>: 文件太大" in done.stderr.decode()


@pytest.mark.parametrize(
    "command",
    [["decide", "green-channel", "-"], ["cases", "open", "-", "--store", "sqlite:///x.db"]],
    ids=["decide", "cases-open"],
)
def test_stdin_inputs_other_than_catalogs_are_bounded(
    command: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from permitlogic.cli import app

    monkeypatch.setenv("PERMITLOGIC_MAX_FILE_MB", "1")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, command, input=b"# x\n" * 300_000)
    assert done.exit_code == 2, done.output
    assert "<stdin>: 文件太大" in done.output


def test_workbook_in_memory_is_not_needed_to_check_the_zip(small_catalog: Catalog) -> None:
    data = to_xlsx(small_catalog)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        ratios = [i.file_size / max(i.compress_size, 1) for i in archive.infolist()]
    assert max(ratios) < LoadLimits().max_zip_ratio  # a real workbook is far from the limit
