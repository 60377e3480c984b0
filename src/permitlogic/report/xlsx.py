"""``--format xlsx``: a workbook the legal office sends back to the departments.

The first sheet sums up the review (by severity, by department, by check);
then one sheet per department lists its findings, each beside the item's row
written under the catalog's own Chinese headers (事项编码, 事项名称, 设定依据,
…) so the department can correct its rows where they stand. Severity cells,
the finding's row and the offending cell are coloured by severity.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from functools import cache
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from permitlogic.escaping import is_formula_like, sheet_text
from permitlogic.load.sheet_format import (
    DECISION_ZH,
    FIELD_SEPARATOR,
    ITEM_COLUMNS,
    Column,
    normalize_header,
)
from permitlogic.load.xlsx_source import set_style
from permitlogic.models.catalog import Basis, Item
from permitlogic.models.report import Finding, Severity
from permitlogic.report.context import RenderInput
from permitlogic.report.findings import (
    RULE_FIELD,
    by_department,
    item_index,
    precise_location,
    rule_title,
    where,
)
from permitlogic.report.labels import labels, severity_label

SEVERITIES = (Severity.error, Severity.warning, Severity.info)
STRONG = {Severity.error: "C62828", Severity.warning: "EF6C00", Severity.info: "1565C0"}
TINT = {Severity.error: "FDECEA", Severity.warning: "FFF3E0", Severity.info: "E3F2FD"}
CELL = {Severity.error: "F5B7B1", Severity.warning: "FFCC80", Severity.info: "90CAF9"}
HEADER_FILL = PatternFill("solid", fgColor="24292F")
HEADER_FONT = Font(bold=True, color="FFFFFF")
THIN = Side(style="thin", color="D0D7DE")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
OFFENDING = Border(
    left=Side(style="medium", color="000000"),
    right=Side(style="medium", color="000000"),
    top=Side(style="medium", color="000000"),
    bottom=Side(style="medium", color="000000"),
)
WRAP = Alignment(wrap_text=True, vertical="top")
WHITE_BOLD = Font(bold=True, color="FFFFFF")


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def render(inputs: list[RenderInput]) -> bytes:
    """The workbook as bytes (``--output`` is required for this format).

    Written in openpyxl's write-only mode (rows stream to disk, styles go with each
    cell): thousands of findings take seconds, not minutes. No text cell is ever a
    formula (permitlogic/escaping.py).
    """
    lang = inputs[0].lang if inputs else "zh"
    t = labels(lang)
    book = Workbook(write_only=True)
    summary = book.create_sheet("汇总" if lang == "zh" else "Summary")
    many = len(inputs) > 1
    sheets: dict[str, Any] = {}
    rows: list[tuple[str, str, int, Counter[Severity]]] = []
    for inp in inputs:
        items = inp.catalog.item_map()
        positions = item_index(inp)
        order = list(dict.fromkeys(item.department for item in inp.catalog.items))
        grouped = by_department(inp.report.findings, t["whole_catalog"], order)
        per_department = Counter(item.department for item in inp.catalog.items)
        for department, findings in grouped.items():
            sheet = sheets.get(department)
            if sheet is None:
                sheet = book.create_sheet(_sheet_name(department, set(book.sheetnames)))
                _department_header(sheet, t, many)
                sheets[department] = sheet
            for finding in findings:
                _finding_row(sheet, inp, finding, items, positions, t, many)
            rows.append(
                (
                    inp.report.catalog.id,
                    department,
                    per_department.get(department, 0),
                    Counter(f.severity for f in findings),
                )
            )
    _summary(summary, inputs, rows, sheets, t, lang)
    for sheet in sheets.values():
        _finish(sheet)
    book.properties.creator = "permitlogic"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(sheet: Any, value: Any, **style: Any) -> Any:
    """A write-only cell with ``style`` (font, fill, border, alignment) and safe text.

    Styles are set once per combination and workbook, then copied (``set_style``).
    """
    text = sheet_text(value) if isinstance(value, str) else None
    cell = WriteOnlyCell(sheet, value if text is None else text)
    if style:
        set_style(cell, style, sheet.parent.__dict__.setdefault("_permitlogic_styles", {}))
    if text is not None and is_formula_like(text):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _sheet_name(department: str, taken: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of []:*?/\\)."""
    base = _SHEET_FORBIDDEN.sub("_", department).strip("'") or "_"
    name = base[:31]
    number = 2
    while name in taken:
        suffix = f"({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    return name


def _finding_titles(t: dict[str, str], many: bool) -> list[str]:
    titles = [t["severity"], t["rule"], t["rule_name"], t["message"], t["fix"], t["citation"]]
    titles += [t["involved_items"], t["where"]]
    return ([t["catalog"]] if many else []) + titles


FINDING_WIDTHS = [8, 8, 16, 48, 40, 36, 16, 24]
ITEM_WIDTH = {"id": 12, "name": 28, "department": 18, "basis": 40, "prerequisites": 36}


def _department_header(sheet: Any, t: dict[str, str], many: bool) -> None:
    titles = _finding_titles(t, many) + [c.title for c in ITEM_COLUMNS]
    widths = ([14] if many else []) + FINDING_WIDTHS
    widths += [ITEM_WIDTH.get(c.key, 12) for c in ITEM_COLUMNS]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(
        [
            _cell(sheet, title, fill=HEADER_FILL, font=HEADER_FONT, alignment=WRAP, border=BORDER)
            for title in titles
        ]
    )
    sheet.written_rows = 1


def _finding_row(
    sheet: Any,
    inp: RenderInput,
    finding: Finding,
    items: dict[str, Item],
    positions: dict[str, int],
    t: dict[str, str],
    many: bool,
) -> None:
    lang = inp.lang
    fix = finding.fix
    fix_text = (fix.message_zh if lang == "zh" else fix.message_en) if fix else ""
    if fix is not None and fix.changes:
        fix_text += "\n" + "\n".join(
            f"{c.item}.{c.field}: {'' if c.old is None else c.old} → {'' if c.new is None else c.new}"
            for c in fix.changes
        )
    values: list[Any] = [inp.report.catalog.id] if many else []
    values += [
        severity_label(finding.severity, lang),
        finding.rule,
        rule_title(finding.rule, finding.name, lang),
        finding.message_zh if lang == "zh" else finding.message_en,
        fix_text,
        finding.citation,
        "、".join(finding.items) if lang == "zh" else ", ".join(finding.items),
        where(precise_location(finding, inp, positions)),
    ]
    first = len(values)
    item = next((items[i] for i in finding.items if i in items), None)
    values += [_cell_value(item, column) if item else None for column in ITEM_COLUMNS]
    tint = _fill(TINT[finding.severity])
    severity_at = 1 if many else 0
    offending_at = None
    field = _offending_field(finding, inp, positions)
    if item is not None and field is not None:
        position = next(i for i, c in enumerate(ITEM_COLUMNS) if c.key == field)
        offending_at = first + position
    cells = []
    for index, value in enumerate(values):
        style: dict[str, Any] = {"alignment": WRAP, "border": BORDER}
        if index < first:
            style["fill"] = tint
        if index == severity_at:
            style["fill"] = _fill(STRONG[finding.severity])
            style["font"] = WHITE_BOLD
        if index == offending_at:
            style["fill"] = _fill(CELL[finding.severity])
            style["border"] = OFFENDING
        cells.append(_cell(sheet, value, **style))
    sheet.append(cells)
    sheet.written_rows += 1


def _offending_field(finding: Finding, inp: RenderInput, positions: dict[str, int]) -> str | None:
    """The field to mark: the spreadsheet header the finding points at, else the check's field."""
    location = precise_location(finding, inp, positions)
    header = location.header if location else None
    if header:
        wanted = normalize_header(header)
        for column in ITEM_COLUMNS:
            if normalize_header(column.header) == wanted or column.key == wanted:
                return column.key
    return RULE_FIELD.get(finding.rule)


def _basis_line(basis: Basis | None) -> list[str]:
    if basis is None:
        return []
    return [basis.level_zh, basis.title, basis.article or ""]


def _cell_value(item: Item, column: Column) -> Any:
    """The item's value as the catalog's spreadsheet writes it under ``column``."""
    key = column.key
    if key == "kind":
        return item.kind.zh
    if key == "basis":
        return "\n".join(FIELD_SEPARATOR.join(_basis_line(b)).rstrip("｜") for b in item.basis)
    if key == "prerequisites":
        return "\n".join(
            FIELD_SEPARATOR.join([p.target, *_basis_line(p.basis)]).rstrip("｜")
            for p in item.prerequisites
        )
    if key == "materials":
        return "\n".join(
            FIELD_SEPARATOR.join(
                [m.name, "核心" if m.core else "非核心", m.issued_by or ""]
            ).rstrip("｜")
            for m in item.materials
        )
    if key == "decision":
        return DECISION_ZH[item.decision] if item.decision is not None else None
    value = getattr(item, key, None)
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def _summary(
    sheet: Any,
    inputs: list[RenderInput],
    rows: list[tuple[str, str, int, Counter[Severity]]],
    sheets: dict[str, Any],
    t: dict[str, str],
    lang: str,
) -> None:
    """The summary sheet: each catalog's counts, then by department, then by check."""
    for letter, width in zip("ABCDEF", (22, 34, 10, 10, 10, 10), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append([_cell(sheet, t["title"], font=Font(bold=True, size=14))])
    for inp in inputs:
        _catalog_counts(sheet, inp, t, lang)
    sheet.append([])
    sheet.append([_cell(sheet, t["by_department"], font=Font(bold=True, size=12))])
    _department_rows(sheet, len(inputs) > 1, rows, sheets, t, lang)
    sheet.append([])
    sheet.append([_cell(sheet, t["by_rule"], font=Font(bold=True, size=12))])
    _rule_rows(sheet, inputs, t, lang)


def _catalog_counts(sheet: Any, inp: RenderInput, t: dict[str, str], lang: str) -> None:
    report = inp.report
    sheet.append([])
    for label, value in (
        (t["catalog"], report.catalog.id),
        (t["jurisdiction"], inp.catalog.catalog.jurisdiction),
        (t["source"], report.catalog.source or ""),
        (t["items_count"], report.catalog.items),
    ):
        sheet.append([_cell(sheet, label), _cell(sheet, value)])
    for severity in SEVERITIES:
        label = _cell(
            sheet,
            severity_label(severity, lang),
            fill=_fill(STRONG[severity]),
            font=WHITE_BOLD,
        )
        sheet.append([label, getattr(report.summary, severity.value)])


def _department_rows(
    sheet: Any,
    many: bool,
    rows: list[tuple[str, str, int, Counter[Severity]]],
    sheets: dict[str, Any],
    t: dict[str, str],
    lang: str,
) -> None:
    """One row per department (and catalog, when ``many``), linked to its sheet."""
    header = ([t["catalog"]] if many else []) + [t["department"], t["items_count"]]
    header += [severity_label(s, lang) for s in SEVERITIES]
    _header_row(sheet, header)
    for catalog_id, department, count, counts in rows:
        values: list[Any] = [_cell(sheet, catalog_id)] if many else []
        target = sheets.get(department)
        name = _cell(sheet, department)
        if target is not None:
            name.hyperlink = f"#'{target.title}'!A1"
            name.font = Font(color="0969DA", underline="single")
        values += [name, count]
        for severity in SEVERITIES:
            number = counts.get(severity, 0)
            if number:
                values.append(
                    _cell(
                        sheet,
                        number,
                        fill=_fill(TINT[severity]),
                        font=Font(bold=True, color=STRONG[severity]),
                    )
                )
            else:
                values.append(number)
        sheet.append(values)


def _rule_rows(sheet: Any, inputs: list[RenderInput], t: dict[str, str], lang: str) -> None:
    """The number of findings of each check and severity."""
    _header_row(sheet, [t["rule"], t["rule_name"], t["severity"], t["count"]])
    counts_by_rule = Counter(
        (f.rule, f.name, f.severity) for inp in inputs for f in inp.report.findings
    )
    for (rule, name, severity), count in sorted(
        counts_by_rule.items(), key=lambda e: (e[0][0], -e[0][2].rank)
    ):
        sheet.append(
            [
                _cell(sheet, rule),
                _cell(sheet, rule_title(rule, name, lang)),
                _cell(sheet, severity_label(severity, lang), fill=_fill(TINT[severity])),
                count,
            ]
        )


def _header_row(sheet: Any, values: list[str]) -> None:
    sheet.append([_cell(sheet, v, fill=HEADER_FILL, font=HEADER_FONT) for v in values])


def _finish(sheet: Any) -> None:
    last = get_column_letter(len(sheet.column_dimensions) or 1)
    sheet.auto_filter.ref = f"A1:{last}{sheet.written_rows}"


@cache
def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)
