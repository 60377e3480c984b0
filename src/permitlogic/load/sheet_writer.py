"""Write a catalog in its spreadsheet form (XLSX or CSV), the inverse of the sheet loaders.

Used by ``permitlogic template`` (an example catalog with drop-down lists, for
departments to fill in) and to turn a YAML catalog into the workbook a
department edits. What the spreadsheet form cannot carry is listed by
``losses``: material ids other than m1, m2, … in order; text with a ``｜`` or a
line break inside a field of a multi-line cell; an external prerequisite
spelled like an item of the catalog; and, in CSV, chains.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from permitlogic.escaping import is_formula_like, text_cell
from permitlogic.load.sheet_catalog import ITEM_CODE
from permitlogic.load.sheet_format import (
    ADMIN_LEVEL_ZH,
    CHAIN_COLUMNS,
    CHAINS_SHEET,
    DECISION_ZH,
    FIELD_SEPARATOR,
    ITEM_COLUMNS,
    ITEMS_SHEET,
    META_ROWS,
    META_SHEETS,
    NOTES_SHEET,
    STAGE_COLUMNS,
    STAGES_SHEET,
    Column,
)
from permitlogic.models.catalog import (
    KIND_ZH,
    LEVEL_ZH,
    Basis,
    Catalog,
    Item,
    Kind,
    Level,
)

VALIDATED_ROWS = 5000
"""Drop-down lists cover the rows a department will plausibly fill."""

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_WIDTHS = {
    "id": 12,
    "name": 30,
    "department": 18,
    "kind": 14,
    "basis": 48,
    "prerequisites": 48,
    "materials": 40,
    "chain": 16,
    "items": 30,
}


def yes_no(value: bool | None) -> str | None:
    return None if value is None else ("是" if value else "否")


def basis_line(basis: Basis) -> str:
    parts = [basis.level_zh, basis.title]
    if basis.article:
        parts.append(basis.article)
    return FIELD_SEPARATOR.join(parts)


def item_cells(item: Item) -> dict[str, Any]:
    """The cell values of an item's row, by key."""
    prerequisites = []
    for p in item.prerequisites:
        line = p.target
        if p.basis is not None:
            line += FIELD_SEPARATOR + basis_line(p.basis)
        prerequisites.append(line)
    materials = []
    for m in item.materials:
        parts = [m.name, "核心" if m.core else "非核心"]
        if m.issued_by:
            parts.append(m.issued_by)
        materials.append(FIELD_SEPARATOR.join(parts))
    return {
        "id": item.id,
        "name": item.name,
        "department": item.department,
        "kind": item.kind.zh,
        "parent": item.parent,
        "basis": "\n".join(basis_line(b) for b in item.basis) or None,
        "statutory_days": item.statutory_days,
        "promised_days": item.promised_days,
        "previous_promised_days": item.previous_promised_days,
        "review_levels": item.review_levels,
        "on_the_spot": yes_no(item.on_the_spot),
        "prerequisites": "\n".join(prerequisites) or None,
        "materials": "\n".join(materials) or None,
        "joint": yes_no(item.joint),
        "decision": DECISION_ZH[item.decision] if item.decision is not None else None,
    }


def meta_cells(catalog: Catalog) -> list[tuple[str, Any]]:
    meta = catalog.catalog
    values: dict[str, Any] = {
        "id": meta.id,
        "jurisdiction": meta.jurisdiction,
        "level": ADMIN_LEVEL_ZH[meta.level],
        "effective": meta.effective,
    }
    return [(c.header, values[c.key]) for c in META_ROWS if values[c.key] is not None]


def chain_rows(catalog: Catalog) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    chains = []
    stages = []
    for chain in catalog.chains:
        chains.append(
            {
                "id": chain.id,
                "name": chain.name,
                "bound_days": chain.bound_days,
                "joint": yes_no(chain.joint),
            }
        )
        for stage in chain.stages:
            stages.append(
                {
                    "chain": chain.id,
                    "name": stage.name,
                    "bound_days": stage.bound_days,
                    "items": "、".join(stage.items) or None,
                    "joint": yes_no(stage.joint),
                }
            )
    return chains, stages


def losses(catalog: Catalog, *, csv_form: bool = False) -> list[str]:
    """What would not survive a round trip through the spreadsheet form (empty: nothing)."""
    out = []
    ids = {item.id for item in catalog.items}
    names = {item.name for item in catalog.items}
    for item in catalog.items:
        for n, material in enumerate(item.materials, 1):
            if material.id != f"m{n}":
                out.append(f"{item.id}: material id {material.id} is written as m{n}")
        texts = [m.name for m in item.materials] + [m.issued_by or "" for m in item.materials]
        texts += [b.title for b in item.basis] + [b.article or "" for b in item.basis]
        for p in item.prerequisites:
            texts.append(p.target)
            if p.basis is not None:
                texts += [p.basis.title, p.basis.article or ""]
            if p.external is not None and (
                p.external in ids or p.external in names or ITEM_CODE.match(p.external)
            ):
                out.append(f"{item.id}: external prerequisite {p.external} reads back as an item")
        out += [
            f"{item.id}: {t!r} holds a separator or a line break"
            for t in texts
            if "|" in t or FIELD_SEPARATOR in t or "\n" in t
        ]
    if csv_form and catalog.chains:
        out.append("chains cannot be written in CSV")
    return out


def _write_table(sheet: Any, columns: Sequence[Column], rows: list[dict[str, Any]]) -> None:
    """Header and rows into a write-only sheet (widths and panes first, as streaming needs)."""
    for index, column in enumerate(columns, 1):
        width = _WIDTHS.get(column.key, max(10, len(column.title) + 4))
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    # Streaming sheets carry no <dimension>; readers then scan the whole sheet to size it.
    dimension = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    sheet.calculate_dimension = lambda: dimension
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
        header.append(cell)
    sheet.append(header)
    for values in rows:
        sheet.append([_cell(sheet, values.get(c.key)) for c in columns])


def _cell(sheet: Any, value: Any) -> Any:
    """The value, or a cell where it needs one: wrapped lines, text that looks like a formula."""
    if not isinstance(value, str) or not (is_formula_like(value) or "\n" in value):
        return value
    cell = text_cell(sheet, value)
    if "\n" in value:
        cell.alignment = _WRAP
    return cell


def _drop_down(sheet: Any, columns: Sequence[Column], key: str, words: Sequence[str]) -> None:
    index = next(i for i, c in enumerate(columns, 1) if c.key == key)
    letter = get_column_letter(index)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(words) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="取值无效 / invalid value",
        error="请从下拉列表中选择：" + "、".join(words),
    )
    validation.add(f"{letter}2:{letter}{VALIDATED_ROWS}")
    sheet.data_validations.append(validation)


def _prompt(sheet: Any, columns: Sequence[Column], key: str, title: str, text: str) -> None:
    index = next(i for i, c in enumerate(columns, 1) if c.key == key)
    letter = get_column_letter(index)
    validation = DataValidation(showInputMessage=True, promptTitle=title, prompt=text[:255])
    validation.add(f"{letter}2:{letter}{VALIDATED_ROWS}")
    sheet.data_validations.append(validation)


def _notes(sheet: Any) -> None:
    levels = "/".join(LEVEL_ZH[v] for v in Level)
    rows: list[tuple[str, str]] = [
        ("填写说明 / how to fill in", ""),
        ("事项", "每行一个审批事项；列标题不要修改（括号中的提示可删）。"),
        ("目录", "逐行填写 目录编号、辖区、行政层级（县/区/市/省）、生效日期（YYYY-MM-DD）。"),
        (
            "流程 / 阶段",
            "可选：工程建设项目审批流程；阶段按行的先后排列，事项编码以、分隔或每行一个。",
        ),
        (
            "多行单元格",
            "设定依据、前置条件、申请材料每行一条，字段之间用全角竖线｜分隔（Alt+Enter 换行）。",
        ),
        ("设定依据", "层级｜名称｜条款，例如 法律｜中华人民共和国城乡规划法｜第四十条"),
        (
            "前置条件",
            "事项编码或名称｜层级｜依据名称｜条款；本目录中的事项写编码（或名称），"
            "其他前置条件写名称；形如事项编码的文字（字母、数字、-）按事项编码读取；无依据可只写第一段。",
        ),
        ("申请材料", "材料名称｜核心/非核心｜出具部门（出具部门可空）"),
        ("时限", "工作日天数，只填整数，例如 20；不要写「个工作日」。"),
        ("不支持", "公式、合并单元格：请改为直接填写的值，并取消合并。"),
        ("", ""),
        ("层级 / level", "可以设定行政许可 / may set a license"),
    ]
    may_set = {
        Level.law: "是",
        Level.administrative_regulation: "是",
        Level.state_council_decision: "是",
        Level.local_regulation: "是",
        Level.provincial_rule: "是（临时性，一年）",
    }
    rows += [(LEVEL_ZH[v], may_set.get(v, "否")) for v in Level]
    rows += [("", ""), ("事项类型 / kind", "")]
    rows += [(KIND_ZH[k], k.value) for k in Kind]
    rows += [("", ""), ("层级取值", levels)]
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 90
    for n, (first, second) in enumerate(rows):
        cell = WriteOnlyCell(sheet, value=first)
        if n == 0:
            cell.font = _BOLD
        sheet.append([cell, _cell(sheet, second)])


def to_xlsx(catalog: Catalog) -> bytes:
    """The catalog as an XLSX workbook: 事项, 目录, 流程, 阶段 and 说明, with drop-down lists."""
    book = Workbook(write_only=True)
    items = book.create_sheet(ITEMS_SHEET)
    _write_table(items, ITEM_COLUMNS, [item_cells(i) for i in catalog.items])
    _drop_down(items, ITEM_COLUMNS, "kind", [KIND_ZH[k] for k in Kind])
    for key in ("on_the_spot", "joint"):
        _drop_down(items, ITEM_COLUMNS, key, ["是", "否"])
    _drop_down(items, ITEM_COLUMNS, "decision", list(DECISION_ZH.values()))
    levels = "/".join(LEVEL_ZH[v] for v in Level)
    _prompt(items, ITEM_COLUMNS, "basis", "设定依据", f"每行一条：层级｜名称｜条款。层级：{levels}")
    _prompt(
        items,
        ITEM_COLUMNS,
        "prerequisites",
        "前置条件",
        f"每行一条：事项编码或名称｜层级｜依据名称｜条款。层级：{levels}",
    )
    meta = book.create_sheet(META_SHEETS[0])
    meta.column_dimensions["A"].width = 14
    meta.column_dimensions["B"].width = 30
    for header, value in meta_cells(catalog):
        cell = (
            text_cell(meta, value) if isinstance(value, str) else WriteOnlyCell(meta, value=value)
        )
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
        meta.append([header, cell])
    level_row = next(
        (n for n, (h, _) in enumerate(meta_cells(catalog), 1) if h == "行政层级"), None
    )
    if level_row is not None:
        validation = DataValidation(
            type="list", formula1='"' + ",".join(ADMIN_LEVEL_ZH.values()) + '"', allow_blank=True
        )
        validation.add(f"B{level_row}")
        meta.data_validations.append(validation)
    chains, stages = chain_rows(catalog)
    _write_table(book.create_sheet(CHAINS_SHEET), CHAIN_COLUMNS, chains)
    _write_table(book.create_sheet(STAGES_SHEET), STAGE_COLUMNS, stages)
    _notes(book.create_sheet(NOTES_SHEET))
    book.properties.created = _EPOCH
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_xlsx(buffer.getvalue())


_EPOCH = datetime(2026, 1, 1)
_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")


def stable_xlsx(data: bytes) -> bytes:
    """The same bytes for the same catalog: fixed part dates, no save-time stamp."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as saved,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as stable,
    ):
        for info in saved.infolist():
            content = saved.read(info)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(b"", content)
            part = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            stable.writestr(part, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def to_csv(catalog: Catalog) -> str:
    """The catalog as CSV text: 目录 rows, the header row, one row per item (no chains)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    for header, value in meta_cells(catalog):
        writer.writerow([header, value.isoformat() if isinstance(value, date) else value])
    writer.writerow([c.title for c in ITEM_COLUMNS])
    for item in catalog.items:
        cells = item_cells(item)
        writer.writerow(["" if cells[c.key] is None else cells[c.key] for c in ITEM_COLUMNS])
    return buffer.getvalue()


def write_sheet(catalog: Catalog, path: Path, encoding: str = "utf-8-sig") -> None:
    """Write ``catalog`` to ``path`` as .xlsx, or as .csv (UTF-8 with BOM, as Excel opens it)."""
    if path.suffix.lower() == ".csv":
        path.write_text(to_csv(catalog), encoding=encoding, newline="")
    else:
        path.write_bytes(to_xlsx(catalog))


def example_catalog() -> Catalog:
    """The one-item catalog the template shows as the row to copy."""
    return Catalog.model_validate(
        {
            "catalog": {
                "id": "example-county-2026",
                "jurisdiction": "示范县",
                "level": "county",
                "effective": date(2026, 1, 1),
            },
            "items": [
                {
                    "id": "HB-001",
                    "name": "建设项目环境影响报告书审批",
                    "department": "县生态环境局",
                    "kind": "license",
                    "basis": [
                        {
                            "level": "law",
                            "title": "中华人民共和国环境影响评价法",
                            "article": "第二十二条",
                        }
                    ],
                    "statutory_days": 60,
                    "promised_days": 20,
                    "previous_promised_days": 30,
                    "review_levels": 2,
                    "prerequisites": [
                        {
                            "external": "建设项目用地预审与选址意见书",
                            "basis": {
                                "level": "law",
                                "title": "中华人民共和国城乡规划法",
                                "article": "第三十六条",
                            },
                        }
                    ],
                    "materials": [
                        {"id": "m1", "name": "建设项目环境影响报告书", "core": True},
                        {"id": "m2", "name": "营业执照复印件", "core": False},
                    ],
                }
            ],
        }
    )
