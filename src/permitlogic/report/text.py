"""``--format text``: findings grouped by department, then chain timelines, then the summary."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from permitlogic.models.report import Finding, Severity, Timeline
from permitlogic.report.context import RenderInput

STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}
WHOLE_CATALOG = ("（全目录）", "(whole catalog)")


def render(inp: RenderInput, console: Console) -> None:
    report = inp.report
    title = inp.text("审批事项目录检查", "Catalog check")
    source = report.catalog.source or report.catalog.id
    console.print(
        f"[bold]{title}[/] {report.catalog.id} · {source} · "
        + inp.text(f"{report.catalog.items} 个事项", f"{report.catalog.items} items"),
        highlight=False,
    )
    by_department: dict[str, list[Finding]] = defaultdict(list)
    whole = inp.text(*WHOLE_CATALOG)
    for finding in report.findings:
        by_department[finding.department or whole].append(finding)
    for department in sorted(by_department, key=lambda d: (d == whole, d)):
        console.print(_department_table(inp, department, by_department[department]))
    for timeline in report.timelines:
        _timeline(inp, timeline, console)
    _summary(inp, console)


def _department_table(inp: RenderInput, department: str, findings: list[Finding]) -> Table:
    table = Table(
        title=f"{department}（{len(findings)}）"
        if inp.lang == "zh"
        else f"{department} ({len(findings)})",
        title_justify="left",
        show_lines=False,
        expand=True,
    )
    table.add_column(inp.text("级别", "Severity"), no_wrap=True)
    table.add_column(inp.text("规则", "Rule"), no_wrap=True)
    table.add_column(inp.text("事项", "Items"))
    table.add_column(inp.text("问题", "Finding"), ratio=3)
    table.add_column(inp.text("位置", "Where"), no_wrap=True)
    for finding in findings:
        severity = Text(
            finding.severity.zh if inp.lang == "zh" else finding.severity.value,
            style=STYLE[finding.severity],
        )
        message = finding.message_zh if inp.lang == "zh" else finding.message_en
        detail = Text(message)
        detail.append(f"\n{finding.citation}", style="dim")
        if finding.fix is not None:
            fix = finding.fix.message_zh if inp.lang == "zh" else finding.fix.message_en
            detail.append(inp.text("\n修改：", "\nFix: ") + fix, style="green")
        where = _where(finding)
        table.add_row(
            severity, f"{finding.rule}\n{finding.name}", " → ".join(_items(finding)), detail, where
        )
    return table


def _items(finding: Finding) -> list[str]:
    if finding.witness:
        for key in ("cycle", "path"):
            value = finding.witness.get(key)
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return value
    return finding.items


def _where(finding: Finding) -> str:
    location = finding.location
    if location is None:
        return ""
    if location.cell:
        return f"{location.sheet}!{location.cell}"
    if location.row is not None:
        return f"{location.sheet or ''} row {location.row}"
    return f"line {location.line}" if location.line else ""


def _timeline(inp: RenderInput, timeline: Timeline, console: Console) -> None:
    if not timeline.schedulable:
        note = timeline.note_zh if inp.lang == "zh" else timeline.note_en
        console.print(
            f"[bold]{timeline.chain}[/] {timeline.name}: "
            + inp.text("无法排期（前置条件成环）", "cannot be scheduled (prerequisite cycle)")
            + (f" — {note}" if note else ""),
            highlight=False,
        )
        return
    verdict = (
        inp.text("[green]成立[/]", "[green]holds[/]")
        if timeline.holds
        else inp.text("[red]不成立[/]", "[red]violated[/]")
    )
    bound = "—" if timeline.bound_days is None else str(timeline.bound_days)
    table = Table(
        title=(
            f"{timeline.chain} {timeline.name}："
            + inp.text(
                f"最坏 {timeline.total_days} 日 / 上限 {bound} 日，",
                f"worst case {timeline.total_days} days / bound {bound}, ",
            )
            + verdict
        ),
        title_justify="left",
        expand=True,
    )
    table.add_column(inp.text("阶段", "Stage"))
    table.add_column(inp.text("起始日", "Starts"), justify="right")
    table.add_column(inp.text("最坏工作日", "Worst days"), justify="right")
    table.add_column(inp.text("上限", "Bound"), justify="right")
    table.add_column(inp.text("关键路径（★）", "Critical path (★)"), ratio=3)
    for stage in timeline.stages:
        days = {entry.item: entry.days for entry in stage.items}
        path = " → ".join(
            f"{'★' if item in timeline.critical_path else ''}{item}({days.get(item, '?')})"
            for item in stage.critical_path
        )
        ok = "" if stage.holds is None else (" ✓" if stage.holds else " ✗")
        table.add_row(
            stage.name,
            str(stage.start),
            f"{stage.worst_case_days}{ok}",
            "—" if stage.bound_days is None else str(stage.bound_days),
            path,
        )
    console.print(table)


def _summary(inp: RenderInput, console: Console) -> None:
    summary = inp.report.summary
    if not inp.report.findings:
        console.print(inp.text("[green]未发现问题。[/]", "[green]No findings.[/]"))
    console.print(
        inp.text(
            f"合计：错误 {summary.error}，警告 {summary.warning}，提示 {summary.info}",
            f"Total: {summary.error} errors, {summary.warning} warnings, {summary.info} info",
        ),
        highlight=False,
    )
