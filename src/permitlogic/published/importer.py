"""``permitlogic import``: a published list or platform records → a catalog and its import log.

``import_published(path)`` reads XLSX/CSV as published (title rows, merged
cells, header synonyms) or JSON platform records, and returns the validated
Catalog (``published: true``), its data and the import log. ``sniff`` tells
``permitlogic check`` whether a file is in a published layout rather than the
catalog format.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from permitlogic.errors import InputError, Problem
from permitlogic.load.limits import LoadLimits
from permitlogic.load.yaml_source import Sourced
from permitlogic.models.catalog import ID_PATTERN, Catalog, DayUnit, Kind
from permitlogic.models.out import Location
from permitlogic.published.build import Record, build_catalog
from permitlogic.published.headers import SYNONYMS, find_header_row, normal_header
from permitlogic.published.kinds import read_kind
from permitlogic.published.log import ImportLog
from permitlogic.published.platform import looks_like_platform, platform_records
from permitlogic.published.sheets import csv_records, xlsx_records

_TEMPLATE_SHEETS = {"事项", "目录", "items", "catalog"}
_TEMPLATE_ONLY_HEADERS = {"原承诺时限", "审查层级", "即办件", "联合办理", "办理结果"}
"""Headers only the catalog format's sheet has: a CSV with one is the template (v1)."""


@dataclass
class Mapping:
    """``--map mapping.yaml``: header words, kind words/codes, unit codes, catalog id/jurisdiction."""

    columns: dict[str, str]
    kinds: dict[str, Kind]
    units: dict[str, DayUnit]
    catalog_id: str | None = None
    jurisdiction: str | None = None


@dataclass
class Imported:
    catalog: Catalog
    data: dict[str, Any]
    log: ImportLog
    sourced: Sourced


def load_mapping(path: Path | None) -> Mapping:
    if path is None:
        return Mapping({}, {}, {})
    name = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise InputError.single(
            name, f"无法读取映射文件：{error}", f"cannot read the mapping: {error}"
        ) from None
    if not isinstance(raw, dict):
        raise InputError.single(
            name, "映射文件应为键值对象", "the mapping must be a mapping", line=1
        )
    problems: list[Problem] = []
    columns: dict[str, str] = {}
    for header, key in (raw.get("columns") or {}).items():
        if key not in SYNONYMS:
            problems.append(
                _bad(
                    name,
                    f"columns.{header}",
                    f"不认识的列 {key}",
                    f"unknown column key {key!r} (one of {', '.join(SYNONYMS)})",
                )
            )
        else:
            columns[re.sub(r"\s+", "", str(header))] = key
    kinds: dict[str, Kind] = {}
    for word, value in (raw.get("kinds") or {}).items():
        kind = read_kind(str(value))
        if kind is None:
            problems.append(
                _bad(name, f"kinds.{word}", f"不认识的事项类型 {value}", f"unknown kind {value!r}")
            )
        else:
            kinds[str(word)] = kind
    units: dict[str, DayUnit] = {}
    for code, value in (raw.get("units") or {}).items():
        if value not in ("working", "calendar"):
            problems.append(
                _bad(
                    name,
                    f"units.{code}",
                    "单位应为 working 或 calendar",
                    "a unit is working or calendar",
                )
            )
        else:
            units[str(code)] = DayUnit(value)
    unknown = set(raw) - {"columns", "kinds", "units", "catalog"}
    for key in sorted(unknown):
        problems.append(_bad(name, key, "不认识的键", "unknown key"))
    if problems:
        raise InputError(problems)
    meta = raw.get("catalog") or {}
    return Mapping(columns, kinds, units, meta.get("id"), meta.get("jurisdiction"))


def _bad(file: str, key: str, zh: str, en: str) -> Problem:
    return Problem(location=Location(file=file, key=key), message_zh=zh, message_en=en)


def is_platform_data(data: object) -> bool:
    """Whether parsed JSON is a platform's records rather than a catalog (``items``)."""
    return not (isinstance(data, dict) and "items" in data) and looks_like_platform(data)


def sniff(path: Path) -> bool:
    """Whether a spreadsheet is a published layout (not the catalog template).

    JSON is told apart after the loader has parsed it (``is_platform_data``), so a
    catalog's JSON is read once.
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            names = set(re.findall(r'<sheet[^>]*name="([^"]+)"', workbook))
            return bool(names) and not (names & _TEMPLATE_SHEETS)
        if suffix == ".csv":
            head = path.read_bytes()[:65536].decode("utf-8-sig", "replace").splitlines()[:15]
            if head and head[0].split(",")[0].strip() in ("目录编号", "id"):
                return False
            rows = [line.split(",") for line in head]
            found = find_header_row(rows)
            if found is None:
                return False
            headers = {normal_header(cell) for cell in rows[found]}
            return not (headers & _TEMPLATE_ONLY_HEADERS)
    except (OSError, ValueError, zipfile.BadZipFile, KeyError):
        return False
    return False


def import_published(
    path: Path, mapping: Mapping | None = None, limits: LoadLimits | None = None
) -> Imported:
    """A published list (XLSX, CSV or platform JSON) as a catalog, with its import log.

    InputError names the file, row or key of whatever cannot be read.
    """
    mapping = mapping or Mapping({}, {}, {})
    limits = limits if limits is not None else LoadLimits.from_env()
    log = ImportLog()
    records, title = _read_records(path, mapping, limits, log)
    if len(records) > limits.max_items:
        raise InputError.single(
            str(path),
            f"事项超过 {limits.max_items} 个（{len(records)} 个；上限可用环境变量 PERMITLOGIC_MAX_ITEMS 调整）",
            f"more than {limits.max_items} items ({len(records)}; set PERMITLOGIC_MAX_ITEMS)",
        )
    catalog_id = mapping.catalog_id or _id_from(path, log)
    jurisdiction = mapping.jurisdiction or title or path.stem
    if not mapping.jurisdiction:
        log.add(
            Location(file=str(path)),
            "defaulted",
            jurisdiction,
            "辖区取自" + ("标题行" if title else "文件名"),
        )
    built = build_catalog(
        records,
        catalog_id=catalog_id,
        jurisdiction=jurisdiction,
        source=path.name,
        kinds=mapping.kinds,
        log=log,
    )
    if built.problems:
        raise InputError(built.problems)
    if not built.data["items"]:
        raise InputError.single(str(path), "没有读到任何事项", "no items were read")
    catalog = _validated(built.data, path)
    locations: dict[tuple[str | int, ...], Location | tuple[int, int]] = {
        ("items", index): where for index, where in enumerate(built.wheres)
    }
    sourced = Sourced(data=built.data, file=str(path), locations=locations)
    return Imported(catalog=catalog, data=built.data, log=built.log, sourced=sourced)


def _read_records(
    path: Path, mapping: Mapping, limits: LoadLimits, log: ImportLog
) -> tuple[list[Record], str | None]:
    """The file's records by its type, and the title row of a sheet (if any)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return xlsx_records(path, limits, mapping.columns, log)
    if suffix == ".csv":
        return csv_records(path, limits, mapping.columns, log)
    if suffix == ".json":
        return platform_records(path, limits, mapping.units, log), None
    raise InputError.single(
        str(path),
        f"不支持的文件类型 {suffix or '（无扩展名）'}：应为 .xlsx、.csv 或 .json",
        f"unsupported file type {suffix or '(none)'}: expected .xlsx, .csv or .json",
    )


def _validated(data: dict[str, Any], path: Path) -> Catalog:
    """The built data as a catalog; each validation error at its key."""
    try:
        return Catalog.model_validate(data)
    except ValidationError as error:
        raise InputError(
            [
                Problem(
                    location=Location(file=str(path), key=".".join(str(p) for p in e["loc"])),
                    message_zh=e["msg"].split(" / ", 1)[-1],
                    message_en=e["msg"].split(" / ", 1)[0],
                )
                for e in error.errors(include_url=False)
            ]
        ) from None


def _id_from(path: Path, log: ImportLog) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-")
    value = stem if stem and re.match(ID_PATTERN, stem) else "published"
    log.add(Location(file=str(path)), "defaulted", path.name, f"目录编号取自文件名：{value}")
    return value


def catalog_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
