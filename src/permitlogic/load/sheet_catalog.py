"""Assemble a catalog's plain data and source map from its sheets (XLSX or CSV).

The result is the same shape the YAML loader produces, so one validation step
(pydantic, errors mapped back to cells) serves every format. Problems found
while reading cells are reported together with the validation problems; a cell
already reported is not reported a second time by validation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from permitlogic.errors import InputError, Problem
from permitlogic.load.cells import CellError, is_blank, read_cell, text
from permitlogic.load.sheet_format import (
    CHAIN_COLUMNS,
    ITEM_COLUMNS,
    META_ROWS,
    STAGE_COLUMNS,
    Column,
    meta_index,
    normalize_header,
)
from permitlogic.load.sheet_table import RawSheet, Record, Row, read_table
from permitlogic.load.validate import problems_of
from permitlogic.load.yaml_source import Path, Sourced, key_path
from permitlogic.models.out import Location

M = TypeVar("M", bound=BaseModel)


CellRef = tuple[RawSheet, int, int | None, str | None]
"""(sheet, row, 0-based column or None for the whole row, header as typed)."""


@dataclass
class SheetSourced(Sourced):
    """Sourced spreadsheet data: rows and cells kept compact, made Locations when asked."""

    cells: dict[Path, CellRef] = field(default_factory=dict)
    records: dict[Path, tuple[RawSheet, int, dict[str, tuple[int, str]]]] = field(
        default_factory=dict
    )
    """Path of a record → its sheet, row and each key's (0-based column, header): the
    record's row and cells, without a map entry per cell."""

    def _cell(self, probe: Path) -> CellRef | None:
        found = self.cells.get(probe)
        if found is not None:
            return found
        record = self.records.get(probe)
        if record is not None:
            return (record[0], record[1], None, None)
        if not probe or not isinstance(probe[-1], str):
            return None
        record = self.records.get(probe[:-1])
        column = record[2].get(probe[-1]) if record is not None else None
        if record is None or column is None:
            return None
        return (record[0], record[1], *column)

    def locate(self, path: Path) -> Location:
        probe = tuple(path)
        while probe and probe not in self.locations and self._cell(probe) is None:
            probe = probe[:-1]
        found = self._cell(probe)
        if found is None:
            return super().locate(path)
        sheet, row, column, header = found
        return sheet.where(row, column, header).model_copy(update={"key": key_path(path) or None})


@dataclass
class Assembly:
    """Data and locations being built, the problems so far, and paths already reported."""

    sourced: SheetSourced
    problems: list[Problem] = field(default_factory=list)
    reported: set[Path] = field(default_factory=set)
    _reported_keys: set[str] | None = None

    def put_record(self, path: Path, record: Record) -> dict[str, Any]:
        """Locate ``record`` (row and each column's cell) under ``path``; its values."""
        self.sourced.records[path] = (record.sheet, record.row, record.columns)
        if record.bad:
            self.reported.update((*path, key) for key in record.bad)
        return dict(record.values)

    def validate(self, model: type[M]) -> M:
        """The model, or InputError with every problem (cells first, then validation)."""
        problems = list(self.problems)
        try:
            result = model.model_validate(self.sourced.data)
        except ValidationError as exc:
            problems.extend(p for p in problems_of(exc, self.sourced) if not self._known(p))
            raise InputError(problems) from None
        if problems:
            raise InputError(problems)
        return result

    def _known(self, problem: Problem) -> bool:
        """Whether the problem is at or under a path whose cell was already reported."""
        if self._reported_keys is None:
            self._reported_keys = {key_path(path) for path in self.reported}
        key = problem.location.key or ""
        ends = [i for i, char in enumerate(key) if char in ".["] + [len(key)]
        return any(key[:end] in self._reported_keys for end in ends)


def meta_rows(sheet: RawSheet) -> int:
    """How many leading rows of ``sheet`` are 目录 key–value rows (for CSV)."""
    keys = meta_index()
    count = 0
    for _, values in sheet.rows:
        first = values[0] if values else None
        if is_blank(first) or _normal(first) not in keys:
            break
        count += 1
    return count


def _normal(value: Any) -> str:
    try:
        return normalize_header(text(value))
    except CellError:
        return ""


def _shown(value: object) -> str:
    """A field-name cell as the message shows it (a date or number is not text: named as is)."""
    try:
        return text(value)
    except CellError:
        return str(value)


def read_meta(sheet: RawSheet, rows: list[Row], assembly: Assembly) -> None:
    """The catalog's id, jurisdiction, level and effective date from key–value rows."""
    keys = meta_index()
    meta: dict[str, Any] = {}
    seen: dict[str, int] = {}
    locations = assembly.sourced.locations
    locations[("catalog",)] = sheet.where(rows[0][0] if rows else 1)
    for row, values in rows:
        raw_key = _shown(values[0]) if values and not is_blank(values[0]) else ""
        column = _meta_field(sheet, row, values, raw_key, keys, seen, assembly)
        if column is None:
            continue
        path = ("catalog", column.key)
        seen[column.key] = row
        locations[path] = sheet.where(row, 1, raw_key)
        _report_extra_cells(sheet, row, values, assembly)
        _read_meta_value(sheet, row, values, column, raw_key, meta, assembly)
    assembly.sourced.data["catalog"] = meta


def _meta_field(
    sheet: RawSheet,
    row: int,
    values: tuple[Any, ...],
    raw_key: str,
    keys: dict[str, Column],
    seen: dict[str, int],
    assembly: Assembly,
) -> Column | None:
    """The field a key–value row names; None (and a problem) if unusable, unknown or repeated."""
    typed = _normal(values[0]) if values else ""
    flag = sheet.flag_at(row, 0)
    column = keys.get(typed)
    if flag is not None:
        assembly.problems.append(sheet.problem(flag[0], flag[1], row, 0))
        return None
    if column is None:
        expected = "、".join(c.header for c in META_ROWS)
        assembly.problems.append(
            sheet.problem(
                f"不认识的目录信息「{raw_key}」：应为 {expected}",
                f"unknown catalog field {raw_key!r}: expected one of {expected}",
                row,
                0,
            )
        )
        return None
    if column.key in seen:
        earlier = seen[column.key]
        assembly.problems.append(
            sheet.problem(
                f"目录信息「{raw_key}」重复（第 {earlier} 行已填写）",
                f"catalog field {raw_key!r} repeated (already in row {earlier})",
                row,
                0,
                raw_key,
            )
        )
        return None
    return column


def _report_extra_cells(
    sheet: RawSheet, row: int, values: tuple[Any, ...], assembly: Assembly
) -> None:
    """A problem for each filled cell of a key–value row past its first two."""
    for extra, value in enumerate(values[2:], 2):
        if not is_blank(value):
            assembly.problems.append(
                sheet.problem(
                    "目录信息每行只填两格：名称和值",
                    "a catalog field row has two cells only: the field and its value",
                    row,
                    extra,
                )
            )


def _read_meta_value(
    sheet: RawSheet,
    row: int,
    values: tuple[Any, ...],
    column: Column,
    raw_key: str,
    meta: dict[str, Any],
    assembly: Assembly,
) -> None:
    """Read the value cell of a key–value row into ``meta``, or report it as unusable."""
    path = ("catalog", column.key)
    value = values[1] if len(values) > 1 else None
    flag = sheet.flag_at(row, 1)
    if flag is not None:
        assembly.problems.append(sheet.problem(flag[0], flag[1], row, 1, raw_key))
        assembly.reported.add(path)
        return
    if is_blank(value):
        return
    try:
        meta[column.key] = read_cell(value, column.type)
    except CellError as exc:
        assembly.problems.append(sheet.problem(exc.zh, exc.en, row, 1, raw_key))
        assembly.reported.add(path)


def missing_meta(assembly: Assembly, where: Location, zh: str, en: str) -> None:
    assembly.problems.append(Problem(location=where, message_zh=zh, message_en=en))
    assembly.reported.add(("catalog",))
    assembly.sourced.data["catalog"] = {}


def read_items(sheet: RawSheet, assembly: Assembly, start: int = 0) -> None:
    """Every row of the items sheet (from row index ``start``) as an item."""
    table = read_table(sheet, ITEM_COLUMNS, assembly.problems, start)
    if start < len(sheet.rows):
        assembly.sourced.locations[("items",)] = sheet.where(sheet.rows[start][0])
    items: list[dict[str, Any]] = []
    for index, record in enumerate(table.records):
        path: Path = ("items", index)
        items.append(assembly.put_record(path, record))
        assembly.reported.update((*path, key) for key in table.missing)
    _resolve_prerequisites(items, assembly)
    assembly.sourced.data["items"] = items


ITEM_CODE = re.compile(r"^(?=.*\d)[A-Za-z0-9._-]+$")
"""Text shaped like an item code (ASCII letters, digits, . _ -, with a digit)."""


def _resolve_prerequisites(items: list[dict[str, Any]], assembly: Assembly) -> None:
    """``事项编码或名称`` → ``item: id``, else ``external: text``.

    The id or the name of an item of this catalog is that item. Text shaped like
    an item code (``XX-001``) is an item too, even if the catalog lacks it: an
    unlisted item that PL107 reports. Anything else is an external prerequisite.
    """
    ids = {item["id"] for item in items if isinstance(item.get("id"), str)}
    by_name: dict[str, list[str]] = {}
    for item in items:
        if isinstance(item.get("name"), str) and isinstance(item.get("id"), str):
            by_name.setdefault(item["name"], []).append(item["id"])
    for index, item in enumerate(items):
        if "prerequisites" not in item:
            continue
        resolved = []
        for target, basis in item["prerequisites"]:
            entry: dict[str, Any]
            named = by_name.get(target, [])
            if target in ids or (not named and ITEM_CODE.match(target)):
                entry = {"item": target}
            elif len(named) == 1:
                entry = {"item": named[0]}
            elif len(named) > 1:
                path: Path = ("items", index, "prerequisites")
                where = assembly.sourced.locate(path).model_copy(update={"key": None})
                assembly.problems.append(
                    Problem(
                        location=where,
                        message_zh=f"前置条件「{target}」与多个事项同名（{'、'.join(named)}），请改填事项编码",
                        message_en=f"prerequisite {target!r} is the name of several items "
                        f"({', '.join(named)}): write the item code instead",
                    )
                )
                assembly.reported.add(path)
                entry = {"item": named[0]}
            else:
                entry = {"external": target}
            if basis is not None:
                entry["basis"] = basis
            resolved.append(entry)
        item["prerequisites"] = resolved


def read_chains(chains: RawSheet, stages: RawSheet | None, assembly: Assembly) -> None:
    """Chains from the 流程 sheet, their stages (in row order) from the 阶段 sheet."""
    table = read_table(chains, CHAIN_COLUMNS, assembly.problems)
    out: list[dict[str, Any]] = []
    by_id: dict[str, int] = {}
    for index, record in enumerate(table.records):
        path: Path = ("chains", index)
        chain = assembly.put_record(path, record)
        assembly.sourced.cells[(*path, "stages")] = (record.sheet, record.row, None, None)
        chain["stages"] = []
        chain_id = chain.get("id")
        if isinstance(chain_id, str) and chain_id not in by_id:
            by_id[chain_id] = index
        out.append(chain)
    if stages is not None:
        _read_stages(stages, out, by_id, assembly)
    assembly.sourced.data["chains"] = out


def _read_stages(
    sheet: RawSheet, chains: list[dict[str, Any]], by_id: dict[str, int], assembly: Assembly
) -> None:
    table = read_table(sheet, STAGE_COLUMNS, assembly.problems)
    for record in table.records:
        chain_id = record.values.get("chain")
        if chain_id is None:
            if "chain" not in record.bad and "chain" not in table.missing:
                where = record.where("chain")
                assembly.problems.append(
                    Problem(
                        location=where,
                        message_zh="缺少流程编号",
                        message_en="the chain id (流程编号) is missing",
                    )
                )
            continue
        if chain_id not in by_id:
            assembly.problems.append(
                Problem(
                    location=record.where("chain"),
                    message_zh=f"流程编号 {chain_id} 不在「流程」工作表中",
                    message_en=f"chain {chain_id} is not in the 流程 (chains) sheet",
                )
            )
            continue
        c = by_id[chain_id]
        stage_list = chains[c]["stages"]
        path: Path = ("chains", c, "stages", len(stage_list))
        stage = assembly.put_record(path, record)
        stage.pop("chain")
        stage_list.append(stage)
