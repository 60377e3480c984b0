"""XLSX edge cases: non-text field names, too many shared strings, damaged parts named."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog_sourced

DEMO = Path(__file__).resolve().parents[2] / "cases" / "demo-county.xlsx"


def problems(path: Path) -> list[tuple[str | None, str | None, str]]:
    with pytest.raises(InputError) as error:
        load_catalog_sourced(str(path))
    return [(p.location.cell, p.location.key, p.message_en) for p in error.value.problems]


def test_a_date_or_number_as_a_catalog_field_name_is_located(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(DEMO)
    book["目录"]["A2"] = date(2026, 1, 1)
    book["目录"]["A3"] = 42
    path = tmp_path / "meta.xlsx"
    book.save(path)
    found = problems(path)
    assert ("A2", None) in [(cell, key) for cell, key, _ in found]
    assert ("A3", None) in [(cell, key) for cell, key, _ in found]


def rewrite(source: Path, target: Path, parts: dict[str, bytes]) -> Path:
    """``source`` with ``parts`` replaced or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for member in old.namelist():
            if member not in parts:
                new.writestr(member, old.read(member))
        for member, data in parts.items():
            new.writestr(member, data)
    return target


def test_too_many_shared_strings_are_refused_before_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    strings = b"".join(b"<si><t>%d</t></si>" % n for n in range(301))
    part = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="301">'
        + strings
        + b"</sst>"
    )
    path = rewrite(DEMO, tmp_path / "strings.xlsx", {"xl/sharedStrings.xml": part})
    monkeypatch.setenv("PERMITLOGIC_MAX_SHARED_STRINGS", "300")
    [(_, key, message)] = problems(path)
    assert key == "xl/sharedStrings.xml" and "300" in message
    monkeypatch.setenv("PERMITLOGIC_MAX_SHARED_STRINGS", "301")
    catalog, _ = load_catalog_sourced(str(path))
    assert catalog.catalog.id == "demo-county-2026"


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"])
def test_a_damaged_part_is_named(tmp_path: Path, part: str) -> None:
    with zipfile.ZipFile(DEMO) as archive:
        whole = archive.read(part)
    path = rewrite(DEMO, tmp_path / "damaged.xlsx", {part: whole[: len(whole) // 2]})
    found = problems(path)
    assert len(found) == 1
    _, key, message = found[0]
    assert key == part and part in message


def test_the_original_still_loads(tmp_path: Path) -> None:
    copy = shutil.copy(DEMO, tmp_path / "demo.xlsx")
    catalog, _ = load_catalog_sourced(str(copy))
    assert len(catalog.items) > 10
