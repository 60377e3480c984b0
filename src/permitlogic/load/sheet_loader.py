"""Catalogs (and reference lists) from XLSX workbooks and CSV files.

XLSX: a sheet 事项 (or else the first sheet) of items, a sheet 目录 (or
目录信息) of key–value rows (目录编号, 辖区, 行政层级, 生效日期), and optional
sheets 流程 (chains) and 阶段 (their stages, in row order). A sheet 说明 is
notes for people and is not read; any other sheet must be empty.

CSV: one table of items. Above its header row, key–value rows give the
catalog fields (目录编号, 辖区, 行政层级, 生效日期). Chains cannot be written
in CSV: use XLSX or YAML for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from permitlogic.errors import InputError
from permitlogic.load.csv_source import decode, read_csv
from permitlogic.load.limits import LoadLimits
from permitlogic.load.raw import read_bytes
from permitlogic.load.sheet_catalog import (
    Assembly,
    SheetSourced,
    meta_rows,
    missing_meta,
    read_chains,
    read_items,
    read_meta,
)
from permitlogic.load.sheet_format import (
    CHAINS_SHEET,
    ITEMS_SHEET,
    META_ROWS,
    META_SHEETS,
    NOTES_SHEET,
    REFERENCE_COLUMNS,
    REFERENCE_SHEET,
    STAGES_SHEET,
)
from permitlogic.load.sheet_table import RawSheet, read_table
from permitlogic.load.xlsx_source import Workbook, open_workbook
from permitlogic.load.yaml_source import Sourced
from permitlogic.models.catalog import Catalog
from permitlogic.models.out import Location
from permitlogic.models.reference import ReferenceList

META_MAX_ROWS = 100
KNOWN_SHEETS = (ITEMS_SHEET, *META_SHEETS, CHAINS_SHEET, STAGES_SHEET, NOTES_SHEET)


def _named(book: Workbook, *wanted: str) -> str | None:
    for name in book.names:
        if name.strip() in wanted:
            return name
    return None


@dataclass(frozen=True)
class _SheetNames:
    """The workbook's sheet names for each part of a catalog (None: that sheet is absent)."""

    items: str
    meta: str | None
    chains: str | None
    stages: str | None


def catalog_from_xlsx(path: Path, limits: LoadLimits) -> tuple[Catalog, Sourced]:
    """The catalog in an XLSX workbook and where each value was (sheet, row, cell)."""
    name = str(path)
    assembly = Assembly(SheetSourced(data={}, file=name))
    read: list[RawSheet] = []
    with open_workbook(path, limits) as book:
        names = _sheet_names(book, name)
        _report_unknown_sheets(book, names, limits, assembly)
        items = book.sheet(names.items, limits.max_items, "事项", "items")
        read.append(items)
        read += _read_meta_sheet(book, names.meta, name, assembly)
        read_items(items, assembly)
        read += _read_chain_sheets(book, names, limits.max_items, assembly)
    return _validated(assembly, read), assembly.sourced


def _sheet_names(book: Workbook, file: str) -> _SheetNames:
    """Which sheet holds what; InputError when there is no items sheet."""
    items = _named(book, ITEMS_SHEET) or next(
        (n for n in book.names if n.strip() not in KNOWN_SHEETS), None
    )
    names = (
        _named(book, *META_SHEETS),
        _named(book, CHAINS_SHEET),
        _named(book, STAGES_SHEET),
    )
    if items is None:
        raise InputError.single(
            file,
            f"工作簿中没有事项工作表「{ITEMS_SHEET}」",
            f"the workbook has no items sheet {ITEMS_SHEET!r}",
        )
    return _SheetNames(items, *names)


def _report_unknown_sheets(
    book: Workbook, names: _SheetNames, limits: LoadLimits, assembly: Assembly
) -> None:
    """A problem for each sheet that is not a catalog part nor 说明, unless it is empty."""
    for other in book.names:
        if other in (names.items, names.meta, names.chains, names.stages) or (
            other.strip() == NOTES_SHEET
        ):
            continue
        extra = book.sheet(other, limits.max_items, "", "")
        if extra.rows:
            row, _ = extra.rows[0]
            assembly.problems.append(
                extra.problem(
                    f"不认识的工作表「{other}」：应为 {'、'.join(KNOWN_SHEETS)}（说明页不读取），"
                    "或删除它",
                    f"unknown sheet {other!r}: expected {', '.join(KNOWN_SHEETS)} "
                    "(说明 is not read), or delete it",
                    row,
                )
            )


def _read_meta_sheet(
    book: Workbook, meta_name: str | None, file: str, assembly: Assembly
) -> list[RawSheet]:
    """Read the catalog fields from the 目录 sheet (a problem if it is absent); the sheet read."""
    if meta_name is None:
        missing_meta(
            assembly,
            Location(file=file),
            f"缺少「{META_SHEETS[0]}」工作表：应逐行填写 "
            f"{'、'.join(c.header for c in META_ROWS)} 及其值",
            f"the workbook has no {META_SHEETS[0]!r} sheet (catalog fields: "
            f"{', '.join(c.header for c in META_ROWS)}, one per row with its value)",
        )
        return []
    meta = book.sheet(meta_name, META_MAX_ROWS, "目录信息", "catalog fields")
    read_meta(meta, meta.rows, assembly)
    return [meta]


def _read_chain_sheets(
    book: Workbook, names: _SheetNames, max_rows: int, assembly: Assembly
) -> list[RawSheet]:
    """Read the chains and their stages; a stages sheet without chains is a problem if filled.

    The sheets whose rows went into the catalog.
    """
    if names.chains is not None:
        chains = book.sheet(names.chains, max_rows, "流程", "chains")
        stages = (
            book.sheet(names.stages, max_rows, "阶段", "stages")
            if names.stages is not None
            else None
        )
        read_chains(chains, stages, assembly)
        return [chains] if stages is None else [chains, stages]
    if names.stages is not None:
        stages = book.sheet(names.stages, max_rows, "阶段", "stages")
        if stages.rows:
            assembly.problems.append(
                stages.problem(
                    f"有「{STAGES_SHEET}」工作表但没有「{CHAINS_SHEET}」工作表",
                    f"a {STAGES_SHEET!r} (stages) sheet without a {CHAINS_SHEET!r} (chains) sheet",
                    stages.rows[0][0],
                )
            )
    return []


def _validated(assembly: Assembly, sheets: list[RawSheet]) -> Catalog:
    """The catalog; the sheets' cell values are dropped either way (locations keep no rows)."""
    try:
        return assembly.validate(Catalog)
    finally:
        for sheet in sheets:
            sheet.rows = []
            sheet.flags = {}


def catalog_from_csv(path: Path, limits: LoadLimits) -> tuple[Catalog, Sourced]:
    """The catalog in a CSV file (UTF-8 or GB18030) and where each value was (row, cell)."""
    name = str(path)
    text = decode(read_bytes(path, limits), name)
    sheet = read_csv(text, name, limits, header_rows=1 + len(META_ROWS))
    assembly = Assembly(SheetSourced(data={}, file=name))
    count = meta_rows(sheet)
    if count == 0:
        missing_meta(
            assembly,
            sheet.where(sheet.rows[0][0] if sheet.rows else 1),
            f"CSV 表头之上应有目录信息行：{'、'.join(c.header for c in META_ROWS)}（每行一项：名称,值）",
            f"the CSV needs catalog rows above its header: "
            f"{', '.join(c.header for c in META_ROWS)} (one per row: field,value)",
        )
    else:
        read_meta(sheet, sheet.rows[:count], assembly)
    read_items(sheet, assembly, start=count)
    return _validated(assembly, [sheet]), assembly.sourced


def reference_from_xlsx(path: Path, limits: LoadLimits) -> ReferenceList:
    """The upper level's list (事项名称｜状态｜文件｜日期) from sheet 清单 or the first sheet."""
    name = str(path)
    assembly = Assembly(SheetSourced(data={}, file=name))
    with open_workbook(path, limits) as book:
        sheet_name = _named(book, REFERENCE_SHEET) or (book.names[0] if book.names else None)
        if sheet_name is None:
            raise InputError.single(name, "工作簿中没有工作表", "the workbook has no sheet")
        sheet = book.sheet(sheet_name, limits.max_items, "清单", "entries")
    table = read_table(sheet, REFERENCE_COLUMNS, assembly.problems)
    entries = []
    for index, record in enumerate(table.records):
        path_: tuple[str | int, ...] = ("entries", index)
        entries.append(assembly.put_record(path_, record))
        assembly.reported.update((*path_, key) for key in table.missing)
    assembly.sourced.data["entries"] = entries
    assembly.sourced.locations[("entries",)] = Location(file=name, sheet=sheet.name, row=1)
    return assembly.validate(ReferenceList)
