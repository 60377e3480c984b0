"""Shared inputs for the loader tests: a small catalog and its workbook to edit."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.load.limits import LoadLimits
from permitlogic.load.sheet_writer import to_xlsx
from permitlogic.models.catalog import Catalog

from .load_support import example_with_filing, run_cli


def small_catalog_data() -> dict[str, Any]:
    """The template's example plus a filing and a one-stage chain."""
    data = example_with_filing()
    data["chains"] = [
        {
            "id": "gov-building",
            "name": "政府投资房屋建筑类项目",
            "bound_days": 90,
            "joint": True,
            "stages": [
                {"name": "立项用地规划许可", "bound_days": 20, "items": ["FG-001", "HB-001"]},
                {"name": "工程建设许可", "bound_days": 30, "joint": False, "items": ["HB-001"]},
            ],
        }
    ]
    return data


@pytest.fixture
def small_catalog() -> Catalog:
    return Catalog.model_validate(small_catalog_data())


@pytest.fixture
def small_book(small_catalog: Catalog) -> Workbook:
    """The small catalog's workbook, opened for editing."""
    return load_workbook(io.BytesIO(to_xlsx(small_catalog)))


@pytest.fixture
def load_book(tmp_path: Path) -> Callable[..., Catalog]:
    """Save a workbook and load it as a catalog."""

    def load(book: Workbook, limits: LoadLimits | None = None) -> Catalog:
        path = tmp_path / "catalog.xlsx"
        book.save(path)
        return load_catalog_sourced(path, limits)[0]

    return load


@pytest.fixture
def book_problems(tmp_path: Path) -> Callable[..., list[str]]:
    """Save a workbook and return how loading it fails, one line per problem."""

    def problems(book: Workbook, limits: LoadLimits | None = None) -> list[str]:
        path = tmp_path / "catalog.xlsx"
        book.save(path)
        return load_problems(path, limits)

    return problems


def load_problems(path: Path, limits: LoadLimits | None = None) -> list[str]:
    with pytest.raises(InputError) as raised:
        load_catalog_sourced(path, limits)
    return [
        p.describe("zh").removeprefix(str(path)) + " / " + p.message_en
        for p in raised.value.problems
    ]


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str]]:
    """Run ``permitlogic ARGS`` through its entry point; the exit code and all output."""

    def run(*args: str) -> tuple[int, str]:
        return run_cli(args, monkeypatch, capsys)

    return run


@pytest.fixture
def file_problems() -> Callable[..., list[str]]:
    """How loading a file fails, one line per problem (location without the path, zh / en)."""
    return load_problems
