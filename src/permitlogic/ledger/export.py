"""The case table as a spreadsheet: CSV (UTF-8 with BOM, so Excel reads the Chinese) or XLSX.

No text cell ever becomes a formula (permitlogic/escaping.py): in XLSX it is
written as quote-prefixed text, in CSV it gets a leading ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from openpyxl import Workbook

from permitlogic.escaping import csv_value, safe_cell
from permitlogic.ledger.model import Case
from permitlogic.ledger.store import Store

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("case_id", "案件编号", "case"),
    ("application", "申请编号", "application"),
    ("item", "事项", "item"),
    ("item_name", "事项名称", "item name"),
    ("department", "部门", "department"),
    ("applicant", "申请人", "applicant"),
    ("received", "受理日期", "received"),
    ("deadline", "补齐期限", "deadline"),
    ("state", "状态", "state"),
    ("deferred", "容缺材料", "deferred materials"),
    ("missing", "尚缺材料", "still missing"),
    ("reminded_on", "逾期提醒日期", "reminded on"),
    ("ended_on", "办结/撤销日期", "closed/revoked on"),
    ("last_event", "最后事件", "last event"),
    ("updated", "更新时间（UTC）", "updated (UTC)"),
)


def header(lang: str) -> list[str]:
    return [zh if lang == "zh" else en for _, zh, en in COLUMNS]


def row(case: Case, lang: str) -> list[str | int]:
    def materials(ids: Iterable[str]) -> str:
        return "; ".join(f"{m} {case.material_name(m)}" for m in ids)

    return [
        case.case_id,
        case.application,
        case.item,
        case.item_name or "",
        case.department or "",
        case.applicant,
        case.received.isoformat(),
        case.deadline.isoformat(),
        case.state.zh if lang == "zh" else case.state.value,
        materials(m.id for m in case.deferred),
        materials(case.missing),
        case.reminded_on.isoformat() if case.reminded_on else "",
        case.ended_on.isoformat() if case.ended_on else "",
        case.last_event,
        case.updated.strftime("%Y-%m-%d %H:%M:%S") if case.updated else "",
    ]


def _rows(store: Store, lang: str) -> Iterator[list[str | int]]:
    with store.read() as conn:
        for case in store.all_cases(conn):
            yield row(case, lang)


def to_csv(store: Store, lang: str = "zh") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header(lang))
    writer.writerows([csv_value(value) for value in values] for values in _rows(store, lang))
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(store: Store, lang: str = "zh") -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("案件" if lang == "zh" else "cases")
    sheet.freeze_panes = "A2"
    sheet.append(header(lang))
    for values in _rows(store, lang):
        sheet.append([safe_cell(sheet, value) for value in values])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
