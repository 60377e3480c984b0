"""Load a catalog from .yaml/.yml/.json/.xlsx/.csv (or ``-``): a Catalog and where each key was."""

from __future__ import annotations

import sys
from pathlib import Path

from permitlogic.errors import InputError
from permitlogic.load.validate import validate
from permitlogic.load.yaml_source import Sourced, parse_yaml
from permitlogic.models.catalog import Catalog

SUFFIXES = (".yaml", ".yml", ".json", ".xlsx", ".csv")


def load_catalog_sourced(path: str | Path) -> tuple[Catalog, Sourced]:
    """The catalog in ``path`` and its source map; InputError with every problem otherwise."""
    name = str(path)
    if name == "-":
        text = sys.stdin.read()
        sourced = parse_yaml(text, "<stdin>")
        return validate(Catalog, sourced), sourced
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError.single(
            name,
            f"不支持的文件类型 {suffix or '（无扩展名）'}：应为 .yaml、.yml、.json、.xlsx 或 .csv",
            f"unsupported file type {suffix or '(none)'}: expected .yaml, .yml, .json, .xlsx or .csv",
        )
    if not file.is_file():
        raise InputError.single(name, "文件不存在", "file not found")
    text = file.read_text(encoding="utf-8")
    sourced = parse_yaml(text, name)
    return validate(Catalog, sourced), sourced


def load_catalog(path: str | Path) -> Catalog:
    """The catalog in ``path`` (see load_catalog_sourced)."""
    return load_catalog_sourced(path)[0]
