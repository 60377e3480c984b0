"""The ledger in words and tables for a terminal, Chinese by default."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from permitlogic.escaping import terminal_text
from permitlogic.ledger.model import (
    Case,
    CaseHistory,
    CaseState,
    DueCase,
    DueReport,
    EventKind,
    EventRecord,
    Outcome,
    VerifyReport,
)
from permitlogic.ledger.statechart import RULES_BY_ID

NO_DEPARTMENT = ("（未注明部门）", "(no department)")


def _plain(text: str) -> str:
    """Stored text for a markup string: escape sequences removed, rich markup escaped."""
    return escape(terminal_text(text))


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _state(lang: str, state: CaseState) -> str:
    return state.zh if lang == "zh" else state.value


def rule_text(rule: str | None, lang: str) -> str:
    if rule is None or rule not in RULES_BY_ID:
        return ""
    found = RULES_BY_ID[rule]
    return found.zh if lang == "zh" else found.en


def record_line(record: EventRecord, lang: str) -> str:
    """One event's result: what it did to its case, or why it was refused."""
    kind = record.kind.zh if lang == "zh" else record.kind.value
    head = f"#{record.id} {record.case_id} {kind} {record.payload.get('on', '')}"
    if record.duplicate:
        head += _t(lang, "（此前已记录，未重复执行）", " (recorded before: not applied again)")
        if record.outcome is Outcome.rejected:
            head += _t(lang, "（要重新提交请用新的 --key）", " (to ask again, pass a new --key)")
    if record.outcome is Outcome.rejected:
        reason = record.message_zh if lang == "zh" else record.message_en
        return f"{head} → {_t(lang, '未执行', 'rejected')}：{reason}"
    result = f"{head} → {_state(lang, record.state)}"
    if record.rule:
        result += f" [{record.rule}] {rule_text(record.rule, lang)}"
    if record.missing and record.state.value in ("open", "overdue"):
        result += _t(
            lang,
            f"；尚缺 {'、'.join(record.missing)}",
            f"; still missing {', '.join(record.missing)}",
        )
    return result


def print_records(records: list[EventRecord], lang: str, console: Console) -> None:
    for record in records:
        style = "red" if record.outcome is Outcome.rejected else None
        console.print(
            terminal_text(record_line(record, lang)), style=style, markup=False, highlight=False
        )


def print_due(report: DueReport, lang: str, console: Console) -> None:
    """One aligned block per department: a morning list may run to thousands of lines."""
    window = (
        report.on.isoformat()
        if report.until == report.on
        else f"{report.on.isoformat()} … {report.until.isoformat()}"
    )
    console.print(
        _t(
            lang,
            f"[bold]容缺后补到期清单[/] {window}：到期 {report.summary.due} 件，逾期 {report.summary.overdue} 件",
            f"[bold]Deferred materials due[/] {window}: {report.summary.due} due, {report.summary.overdue} overdue",
        ),
        highlight=False,
    )
    if not report.departments:
        console.print(
            _t(lang, "没有到期或逾期的案件。", "Nothing falls due and nothing is overdue.")
        )
        return
    header = [
        _t(lang, "情况", "Status"),
        _t(lang, "案件", "Case"),
        _t(lang, "事项", "Item"),
        _t(lang, "补齐期限", "Deadline"),
        _t(lang, "提醒", "Reminder"),
        _t(lang, "尚缺材料", "Still missing"),
    ]
    for group in report.departments:
        name = _plain(group.department or _t(lang, *NO_DEPARTMENT))
        console.print(
            _t(
                lang,
                f"\n[bold]{name}[/]（到期 {len(group.due)}，逾期 {len(group.overdue)}）",
                f"\n[bold]{name}[/] ({len(group.due)} due, {len(group.overdue)} overdue)",
            ),
            highlight=False,
        )
        rows = [header]
        for entry in group.due:
            when = _t(lang, "今日到期" if entry.deadline == report.on else "将到期", "due")
            rows.append([when, *_due_cells(entry, lang)])
        for entry in group.overdue:
            when = _t(lang, f"逾期 {entry.days_overdue} 天", f"{entry.days_overdue} d overdue")
            rows.append([when, *_due_cells(entry, lang)])
        lines = aligned(rows)
        rule = "─" * max(cell_len(line) for line in lines)
        console.out(terminal_text("\n".join([lines[0], rule, *lines[1:]])), highlight=False)


def aligned(rows: list[list[str]]) -> list[str]:
    """Rows as lines with columns aligned by display width (a CJK character is two)."""
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    ]


def _due_cells(entry: DueCase, lang: str) -> list[str]:
    missing = "、".join(f"{m.id} {m.name}" for m in entry.missing) or _t(
        lang, "（已补齐，待办结）", "(all in: to close)"
    )
    if entry.reminded_on:
        reminder = entry.reminded_on.isoformat()
    elif entry.state is CaseState.open and entry.days_overdue:
        reminder = _t(lang, "待发出（cases tick）", "pending (cases tick)")
    else:
        reminder = ""
    item = f"{entry.item} {entry.item_name}" if entry.item_name else entry.item
    return [entry.case_id, item, entry.deadline.isoformat(), reminder, missing]


def print_case(case: Case, lang: str, console: Console) -> None:
    department = _plain(case.department or _t(lang, *NO_DEPARTMENT))
    console.print(
        f"[bold]{_plain(case.case_id)}[/] {_plain(case.item)} {_plain(case.item_name or '')} · "
        f"{department} · "
        + _t(lang, f"申请人 {_plain(case.applicant)}", f"applicant {_plain(case.applicant)}"),
        highlight=False,
    )
    deferred = "、".join(f"{m.id} {m.name}" for m in case.deferred)
    missing = "、".join(f"{m} {case.material_name(m)}" for m in case.missing) or _t(
        lang, "无", "none"
    )
    lines = [
        (_t(lang, "状态", "state"), _state(lang, case.state)),
        (_t(lang, "受理日期", "received"), case.received.isoformat()),
        (_t(lang, "补齐期限", "deadline"), case.deadline.isoformat()),
        (_t(lang, "容缺材料", "deferred"), deferred),
        (_t(lang, "尚缺材料", "still missing"), missing),
    ]
    if case.reminded_on:
        lines.append((_t(lang, "逾期提醒", "reminded"), case.reminded_on.isoformat()))
    if case.ended_on:
        lines.append((_t(lang, "结束日期", "ended"), case.ended_on.isoformat()))
    for label, value in lines:
        console.print(f"  {label}: {terminal_text(value)}", markup=False, highlight=False)


def print_history(history: CaseHistory, lang: str, console: Console) -> None:
    print_case(history.case, lang, console)
    table = Table(title=_t(lang, "事件", "Events"), title_justify="left", expand=True)
    for header in (
        "#",
        _t(lang, "日期", "On"),
        _t(lang, "事件", "Event"),
        _t(lang, "内容", "Details"),
        _t(lang, "结果", "Result"),
        _t(lang, "规则", "Rule"),
        _t(lang, "记录时间（UTC）", "Recorded (UTC)"),
    ):
        table.add_column(header)
    for record in history.events:
        kind = record.kind.zh if lang == "zh" else record.kind.value
        if record.outcome is Outcome.rejected:
            reason = record.message_zh if lang == "zh" else record.message_en
            result = f"[red]{_t(lang, '未执行', 'rejected')}[/]: {_plain(reason or '')}"
        else:
            result = _state(lang, record.state)
        table.add_row(
            str(record.id),
            str(record.payload.get("on", "")),
            kind,
            _plain(_details(record, history.case, lang)),
            result,
            record.rule or "",
            record.at.strftime("%Y-%m-%d %H:%M:%S"),
        )
    console.print(table)


def _details(record: EventRecord, case: Case, lang: str) -> str:
    if record.kind is EventKind.supplement:
        return "、".join(
            f"{m} {case.material_name(m)}" for m in record.payload.get("materials", [])
        )
    if record.kind is EventKind.revoke:
        return str(record.payload.get("reason") or "")
    if record.kind is EventKind.open:
        return _t(lang, f"期限 {case.deadline}", f"deadline {case.deadline}")
    return ""


def print_verify(report: VerifyReport, lang: str, console: Console) -> None:
    if report.clean:
        console.print(
            _t(
                lang,
                f"台账一致：{report.cases} 个案件、{report.events} 个事件与重放结果相同。",
                f"Ledger verified: {report.cases} cases and {report.events} events match a clean replay.",
            ),
            highlight=False,
        )
        return
    console.print(
        _t(
            lang,
            f"[bold red]台账不一致[/]：{len(report.mismatches)} 处与重放结果不同",
            f"[bold red]Ledger mismatch[/]: {len(report.mismatches)} differences from a clean replay",
        ),
        highlight=False,
    )
    table = Table(expand=True)
    for header in (
        _t(lang, "案件", "Case"),
        _t(lang, "事件", "Event"),
        _t(lang, "字段", "Field"),
        _t(lang, "库中", "Stored"),
        _t(lang, "重放", "Replayed"),
    ):
        table.add_column(header)
    for mismatch in report.mismatches:
        table.add_row(
            _plain(mismatch.case_id),
            str(mismatch.event or ""),
            mismatch.field,
            _plain(str(mismatch.stored)),
            _plain(str(mismatch.replayed)),
        )
    console.print(table)
