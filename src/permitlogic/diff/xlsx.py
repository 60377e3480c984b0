"""``permitlogic diff --format xlsx``: the comparison as a workbook.

Sheets: the summary with each department's cut, every item's cut (rows under
the target in red), then the added, removed, renamed and changed items.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from permitlogic.diff.labels import change_lines, labels, matched_by_text, overview_lines, percent
from permitlogic.diff.model import CatalogDiff, CutTotal
from permitlogic.escaping import append_safe

HEADER_FILL = PatternFill("solid", fgColor="24292F")
HEADER_FONT = Font(bold=True, color="FFFFFF")
MISS_FILL = PatternFill("solid", fgColor="FDECEA")
MISS_FONT = Font(bold=True, color="C62828")
MEET_FONT = Font(color="2E7D32")
WRAP = Alignment(wrap_text=True, vertical="top")


def render(diff: CatalogDiff, lang: str = "zh") -> bytes:
    t = labels(lang)
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = t["summary"]
    _summary(summary, diff, t)
    _cuts(book.create_sheet(t["cut"]), diff, t)
    _refs(book.create_sheet(t["added"]), diff.added, t, t["new_days"])
    _refs(book.create_sheet(t["removed"]), diff.removed, t, t["old_days"])
    renamed = book.create_sheet(t["renamed"])
    _table(
        renamed,
        [t["old_id"], t["old_name"], t["new_id"], t["new_name"], t["department"], t["matched_by"]],
        [
            [
                r.old_id,
                r.old_name,
                r.new_id,
                r.new_name,
                r.department,
                matched_by_text(r, t),
            ]
            for r in diff.renamed
        ],
        [12, 30, 12, 30, 20, 12],
    )
    changed = book.create_sheet(t["changed"])
    rows: list[list[Any]] = []
    for change in diff.changed:
        rows.append([change.id, change.name, change.department, "\n".join(change_lines(change, t))])
    _table(changed, [t["id"], t["name"], t["department"], t["changes"]], rows, [12, 30, 20, 70])
    book.properties.creator = "permitlogic"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table(sheet: Worksheet, header: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    append_safe(sheet, header)
    for cell in sheet[sheet.max_row]:
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
    for row in rows:
        append_safe(sheet, row)
        for cell in sheet[sheet.max_row]:
            cell.alignment = WRAP
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _summary(sheet: Worksheet, diff: CatalogDiff, t: dict[str, str]) -> None:
    append_safe(sheet, [t["title"]])
    sheet["A1"].font = Font(bold=True, size=14)
    append_safe(sheet, [t["old"], diff.old.id, diff.old.source or ""])
    append_safe(sheet, [t["new"], diff.new.id, diff.new.source or ""])
    append_safe(sheet, [t["target_line"], percent(diff.target)])
    for line in overview_lines(diff, t):
        append_safe(sheet, [line])
    append_safe(sheet, [])
    header = [t["department"], t["items"], t["old_days"], t["new_days"], t["cut"]]
    header += [t["items_under_target"], t["verdict"]]
    append_safe(sheet, header)
    for cell in sheet[sheet.max_row]:
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
    for total in [*diff.departments, diff.overall]:
        _total_row(sheet, total, t)
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    for letter, width in zip("ABCDEFG", (26, 10, 14, 14, 10, 14, 12), strict=True):
        sheet.column_dimensions[letter].width = width


def _total_row(sheet: Worksheet, total: CutTotal, t: dict[str, str]) -> None:
    append_safe(
        sheet,
        [
            total.department or t["overall"],
            total.items,
            total.old_days,
            total.new_days,
            percent(total.cut),
            total.items_under_target,
            t["meets"] if total.meets_target else t["misses"],
        ],
    )
    _verdict_style(sheet, total.meets_target, 7)


def _verdict_style(sheet: Worksheet, meets: bool, columns: int) -> None:
    row = sheet.max_row
    if meets:
        sheet.cell(row=row, column=columns).font = MEET_FONT
        return
    for column in range(1, columns + 1):
        sheet.cell(row=row, column=column).fill = MISS_FILL
    sheet.cell(row=row, column=columns).font = MISS_FONT


def _cuts(sheet: Worksheet, diff: CatalogDiff, t: dict[str, str]) -> None:
    header = [t["id"], t["name"], t["department"], t["old_days"], t["new_days"], t["cut"]]
    header += [t["allowed_days"], t["verdict"]]
    _table(sheet, header, [], [12, 30, 20, 12, 12, 10, 12, 10])
    for cut in diff.cuts:
        append_safe(
            sheet,
            [
                cut.id,
                cut.name,
                cut.department,
                cut.old_days,
                cut.new_days,
                percent(cut.cut),
                cut.allowed_days,
                t["meets"] if cut.meets_target else t["misses"],
            ],
        )
        _verdict_style(sheet, cut.meets_target, 8)
    sheet.auto_filter.ref = sheet.dimensions


def _refs(sheet: Worksheet, refs: list[Any], t: dict[str, str], days: str) -> None:
    _table(
        sheet,
        [t["id"], t["name"], t["department"], days],
        [[r.id, r.name, r.department, r.promised_days] for r in refs],
        [12, 30, 20, 12],
    )
