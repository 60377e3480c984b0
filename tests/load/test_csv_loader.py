"""CSV catalogs: UTF-8 with or without BOM and GB18030, rows as a spreadsheet numbers them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.load.limits import LoadLimits
from permitlogic.load.sheet_writer import to_csv
from permitlogic.models.catalog import Catalog

Problems = Callable[..., list[str]]


def without_chains(catalog: Catalog) -> Catalog:
    return catalog.model_copy(update={"chains": []})


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_each_encoding_loads_the_same_catalog(
    encoding: str, small_catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(to_csv(small_catalog).encode(encoding))
    catalog, _ = load_catalog_sourced(path)
    assert catalog == without_chains(small_catalog)


def test_rows_count_records_not_lines(small_catalog: Catalog, tmp_path: Path) -> None:
    text = to_csv(small_catalog)  # the HB-001 row holds a two-line materials cell
    path = tmp_path / "c.csv"
    path.write_text(text.replace("FG-001,", "FG 001,"), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_catalog_sourced(path)
    (problem,) = raised.value.problems
    assert (problem.location.row, problem.location.cell) == (7, "A7")
    assert problem.location.header == "事项编码"
    assert problem.location.sheet is None


def test_locations_of_catalog_rows_and_items(small_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(to_csv(small_catalog), encoding="utf-8")
    _, sourced = load_catalog_sourced(path)
    assert sourced.locate(("catalog", "jurisdiction")).cell == "B2"
    assert sourced.locate(("items", 1)).row == 7
    assert sourced.locate(("items", 0, "promised_days")).describe() == f"{path}!G6 (承诺时限)"


def test_five_bad_rows_are_five_problems(
    small_catalog: Catalog, tmp_path: Path, file_problems: Problems
) -> None:
    lines = to_csv(small_catalog).split("\r\n")
    header = next(n for n, line in enumerate(lines) if line.startswith("事项编码"))
    bad = [
        "A-1,甲,县局,行政许可,,,二十,,1,否,,,否,准予或不予",
        "A-2,乙,县局,行政许可,,,20,,1,大概,,,否,准予或不予",
        "A-3,丙,县局,行政审批,,,20,,1,否,,,否,准予或不予",
        "A-4,丁,县局,行政许可,规章｜某办法,,20,,1,否,,,否,准予或不予",
        "A-5,戊,县局,行政许可,,,20,,1,否,,甲｜必要,否,准予或不予",
    ]
    path = tmp_path / "c.csv"
    path.write_text("\r\n".join([*lines[: header + 1], *bad, ""]), encoding="utf-8")
    found = file_problems(path)
    assert [p.split(" (")[0] for p in found] == ["!G6", "!J7", "!D8", "!E9", "!L10"]


def test_catalog_rows_are_required_above_the_header(
    small_catalog: Catalog, tmp_path: Path, file_problems: Problems
) -> None:
    lines = to_csv(small_catalog).split("\r\n")
    path = tmp_path / "c.csv"
    path.write_text("\r\n".join(lines[2:]), encoding="utf-8")  # 目录编号 and 辖区 dropped
    assert file_problems(path) == [
        " row 1 [catalog.id]: 缺少必填项 / Field required",
        " row 1 [catalog.jurisdiction]: 缺少必填项 / Field required",
    ]


def test_item_rows_over_the_limit_stop_the_read(
    small_catalog: Catalog, tmp_path: Path, file_problems: Problems
) -> None:
    text = to_csv(small_catalog) + "".join(f"X-{n},事项,部门,公共服务\r\n" for n in range(5))
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    (problem,) = file_problems(path, LoadLimits(max_items=4))
    assert problem.startswith(" row 10: CSV 超过 4 行事项")  # the fifth item row


def test_chains_cannot_be_written_in_csv(small_catalog: Catalog) -> None:
    from permitlogic.load.sheet_writer import losses

    assert losses(small_catalog, csv_form=True) == ["chains cannot be written in CSV"]
    assert losses(small_catalog) == []
