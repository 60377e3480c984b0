"""``--format text``: findings grouped by department, then chain timelines, then the summary.

On a terminal the findings are tables; otherwise (a pipe, a file, ``-o``)
plain lines, one block per finding, which cost no more than JSON for a large
report and read well in logs and with grep::

    县卫生健康局（2）
      错误 PL102 piggyback-prerequisite · WJ-000368 · line 1234
        WJ-000368「…」的前置条件…
        依据：《…》第…条
        修改：…
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from permitlogic.escaping import terminal_text
from permitlogic.models.report import Finding, Severity, Timeline
from permitlogic.report.context import RenderInput

STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}
WHOLE_CATALOG = ("（全目录）", "(whole catalog)")


def _plain(text: str) -> str:
    """Data for a markup string: escape sequences removed, rich markup escaped."""
    return escape(terminal_text(text))


def render(inp: RenderInput, console: Console) -> None:
    report = inp.report
    title = inp.text("审批事项目录检查", "Catalog check")
    source = report.catalog.source or report.catalog.id
    console.print(
        f"[bold]{title}[/] {_plain(report.catalog.id)} · {_plain(source)} · "
        + inp.text(f"{report.catalog.items} 个事项", f"{report.catalog.items} items"),
        highlight=False,
    )
    by_department: dict[str, list[Finding]] = defaultdict(list)
    whole = inp.text(*WHOLE_CATALOG)
    for finding in report.findings:
        by_department[finding.department or whole].append(finding)
    departments = sorted(by_department, key=lambda d: (d == whole, d))
    if console.is_terminal:
        for department in departments:
            console.print(_department_table(inp, department, by_department[department]))
    else:
        lines: list[str] = []
        for department in departments:
            _department_lines(inp, department, by_department[department], lines)
        console.file.write("".join(lines))
    for timeline in report.timelines:
        _timeline(inp, timeline, console)
    _summary(inp, console)


def _department_table(inp: RenderInput, department: str, findings: list[Finding]) -> Table:
    table = Table(
        title=f"{_plain(department)}（{len(findings)}）"
        if inp.lang == "zh"
        else f"{_plain(department)} ({len(findings)})",
        title_justify="left",
        show_lines=False,
        expand=True,
    )
    table.add_column(inp.text("级别", "Severity"), no_wrap=True)
    table.add_column(inp.text("规则", "Rule"), no_wrap=True)
    # Chinese has no spaces to wrap at: fold long runs rather than cut them off with "…".
    table.add_column(inp.text("事项", "Items"), overflow="fold", max_width=18)
    table.add_column(inp.text("问题", "Finding"), ratio=3, overflow="fold")
    table.add_column(inp.text("位置", "Where"), no_wrap=True)
    for finding in findings:
        severity = Text(
            finding.severity.zh if inp.lang == "zh" else finding.severity.value,
            style=STYLE[finding.severity],
        )
        message = finding.message_zh if inp.lang == "zh" else finding.message_en
        detail = Text(terminal_text(finding.name) + "  ", style="bold")
        detail.append(terminal_text(message))
        detail.append(f"\n{terminal_text(finding.citation)}", style="dim")
        if finding.fix is not None:
            fix = finding.fix.message_zh if inp.lang == "zh" else finding.fix.message_en
            detail.append(inp.text("\n修改：", "\nFix: ") + terminal_text(fix), style="green")
        where = Text(terminal_text(_where(finding)))
        table.add_row(severity, finding.rule, Text(terminal_text(_items(finding))), detail, where)
    return table


def _department_lines(
    inp: RenderInput, department: str, findings: list[Finding], lines: list[str]
) -> None:
    """The department's findings as plain lines (no table), appended to ``lines``."""
    zh = inp.lang == "zh"
    lines.append(
        f"\n{department}（{len(findings)}）\n" if zh else f"\n{department} ({len(findings)})\n"
    )
    basis = "    依据：" if zh else "    Basis: "
    fix_label = "    修改：" if zh else "    Fix: "
    for finding in findings:
        severity = finding.severity.zh if zh else finding.severity.value
        head = f"  {severity} {finding.rule} {finding.name} · {_items(finding)}"
        where = _where(finding)
        lines.append(f"{head} · {where}\n" if where else f"{head}\n")
        lines.append(f"    {finding.message_zh if zh else finding.message_en}\n")
        if finding.citation:
            lines.append(f"{basis}{finding.citation}\n")
        if finding.fix is not None:
            lines.append(f"{fix_label}{finding.fix.message_zh if zh else finding.fix.message_en}\n")


def _items(finding: Finding) -> str:
    """A cycle or path in its order with arrows; otherwise the items, unordered by meaning."""
    if finding.witness:
        for key in ("cycle", "path"):
            value = finding.witness.get(key)
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return " → ".join(value)
    return ", ".join(finding.items)


def _where(finding: Finding) -> str:
    location = finding.location
    if location is None:
        return ""
    if location.cell:
        return f"{location.sheet}!{location.cell}"
    if location.row is not None:
        return f"{location.sheet or ''} row {location.row}"
    return f"line {location.line}" if location.line else ""


OTHER_ITEMS_SHOWN = 8
"""Non-critical items listed per stage in the text timeline before "… and N more"."""


def _timeline(inp: RenderInput, timeline: Timeline, console: Console) -> None:
    """One chain: stage by stage its worst case, bound and verdict, the critical path marked ★."""
    heading = f"[bold]{_plain(timeline.chain)}[/] {_plain(timeline.name)}" + (
        inp.text("（联合办理）", " (joint)") if timeline.joint else ""
    )
    if not timeline.schedulable:
        note = timeline.note_zh if inp.lang == "zh" else timeline.note_en
        console.print(
            heading
            + inp.text("：[red]无法排期[/]", ": [red]cannot be scheduled[/]")
            + (f" — {_plain(note)}" if note else ""),
            highlight=False,
        )
        return
    bound = "—" if timeline.bound_days is None else str(timeline.bound_days)
    table = Table(
        title=heading
        + inp.text(
            f"：最坏 {timeline.total_days} 个工作日，全流程上限 {bound} 日",
            f": worst case {timeline.total_days} working days, chain bound {bound}",
        ),
        title_justify="left",
        expand=True,
    )
    table.add_column(inp.text("阶段", "Stage"))
    table.add_column(inp.text("起止日", "Days"), justify="right", no_wrap=True)
    table.add_column(inp.text("最坏", "Worst"), justify="right", no_wrap=True)
    table.add_column(inp.text("上限", "Bound"), justify="right", no_wrap=True)
    table.add_column(inp.text("结论", "Verdict"), no_wrap=True)
    table.add_column(
        inp.text("关键路径（★，日数）；其余事项", "Critical path (★, days); others"),
        overflow="fold",
    )
    for stage in timeline.stages:
        days = {entry.item: entry.days for entry in stage.items}
        cell = Text(
            " → ".join(
                f"★{terminal_text(item)}({days.get(item, '?')})" for item in stage.critical_path
            )
            or inp.text("（无事项）", "(no items)")
        )
        others = [e for e in stage.items if e.item not in stage.critical_path]
        if others:
            shown = inp.text("、", ", ").join(
                f"{terminal_text(e.item)}({e.days})" for e in others[:OTHER_ITEMS_SHOWN]
            )
            if len(others) > OTHER_ITEMS_SHOWN:
                shown += inp.text(
                    f" 等另 {len(others) - OTHER_ITEMS_SHOWN} 项",
                    f" and {len(others) - OTHER_ITEMS_SHOWN} more",
                )
            cell.append(inp.text("\n其余：", "\nothers: ") + shown, style="dim")
        table.add_row(
            Text(terminal_text(stage.name)),
            f"{stage.start}–{stage.start + stage.worst_case_days}",
            str(stage.worst_case_days),
            "—" if stage.bound_days is None else str(stage.bound_days),
            _stage_verdict(inp, stage.worst_case_days, stage.bound_days, stage.holds),
            cell,
        )
    table.add_row(
        inp.text("[bold]全流程[/]", "[bold]Whole path[/]"),
        f"0–{timeline.total_days}",
        f"[bold]{timeline.total_days}[/]",
        bound,
        _stage_verdict(inp, timeline.total_days or 0, timeline.bound_days, _chain_bound(timeline)),
        inp.text(
            f"关键路径共 {len(timeline.critical_path)} 项",
            f"{len(timeline.critical_path)} items on the critical path",
        ),
    )
    console.print(table)
    per_stage = inp.text("、", ", ").join(str(s.worst_case_days) for s in timeline.stages)
    if timeline.holds:
        console.print(
            inp.text(
                f"[green]✓ 全部时限成立（z3 证明）[/]：各阶段最坏 {per_stage} 个工作日，"
                f"全流程最坏 {timeline.total_days} 个工作日（上限 {bound} 日）。",
                f"[green]✓ every bound holds (proved by z3)[/]: worst case per stage {per_stage} "
                f"working days; {timeline.total_days} for the whole path (bound {bound}).",
            ),
            highlight=False,
        )
    elif timeline.holds is False:
        broken = [
            inp.text(f"阶段「{_plain(s.name)}」（PL310）", f"stage {_plain(s.name)} (PL310)")
            for s in timeline.stages
            if s.holds is False
        ]
        if _chain_bound(timeline) is False:
            broken.append(inp.text("全流程（PL311）", "the whole path (PL311)"))
        console.print(
            inp.text(
                f"[red]✗ 时限不成立（z3 证明）[/]：{'、'.join(broken)}；修改方案见相应问题。",
                f"[red]✗ bounds violated (proved by z3)[/]: {', '.join(broken)}; "
                "the fixes are with those findings.",
            ),
            highlight=False,
        )
    note = timeline.note_zh if inp.lang == "zh" else timeline.note_en
    if note:
        console.print(f"[dim]{_plain(note)}[/]", highlight=False)


def _chain_bound(timeline: Timeline) -> bool | None:
    if timeline.bound_days is None or timeline.total_days is None:
        return None
    return timeline.total_days <= timeline.bound_days


def _stage_verdict(inp: RenderInput, days: int, bound: int | None, holds: bool | None) -> str:
    if holds is None or bound is None:
        return "—"
    if holds:
        return inp.text("[green]✓ 成立[/]", "[green]✓ holds[/]")
    return inp.text(f"[red]✗ 超 {days - bound} 日[/]", f"[red]✗ {days - bound} over[/]")


def _summary(inp: RenderInput, console: Console) -> None:
    summary = inp.report.summary
    if inp.report.not_judged:
        console.print(
            inp.text(
                "[bold]未能判断（目录未给出所需信息）：[/]",
                "[bold]Not judged (the catalog does not give what the check needs):[/]",
            )
        )
        for unjudged in inp.report.not_judged:
            console.print(
                "  " + inp.text(unjudged.message_zh, unjudged.message_en),
                markup=False,
                highlight=False,
            )
    if not inp.report.findings:
        console.print(inp.text("[green]未发现问题。[/]", "[green]No findings.[/]"))
    console.print(
        inp.text(
            f"合计：错误 {summary.error}，警告 {summary.warning}，提示 {summary.info}",
            f"Total: {summary.error} errors, {summary.warning} warnings, {summary.info} info",
        ),
        highlight=False,
    )
