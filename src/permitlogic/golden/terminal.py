"""Print a test run the way pytest does: a line per case, the failures with their diff, a summary."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from permitlogic.golden.coverage import Coverage
from permitlogic.golden.outcome import CaseOutcome, Side, Status

_STATUS_STYLE = {Status.passed: "green", Status.failed: "bold red", Status.skipped: "yellow"}
_SIDE_ZH = {
    Side.raised: "触发",
    Side.silent: "静默",
    Side.met: "满足",
    Side.unmet: "不满足",
    Side.hit: "覆盖",
}
_AREA = {
    "check": ("检查", "checks"),
    "green_channel": ("绿色通道", "green channel"),
    "deferral": ("容缺受理", "deferral"),
    "row": ("判定表", "table row"),
}


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def print_header(console: Console, what: str, lang: str) -> None:
    console.rule(f"[bold]permitlogic test[/] · {escape(what)}", style="dim")


def print_outcomes(console: Console, outcomes: Sequence[CaseOutcome]) -> None:
    """One line per case: its id and PASSED / FAILED / SKIPPED (with the reason)."""
    for outcome in outcomes:
        style = _STATUS_STYLE[outcome.status]
        line = f"{escape(outcome.node_id)} [{style}]{outcome.status.value.upper()}[/]"
        if outcome.status is Status.skipped and outcome.skip_reason:
            line += f" [dim]({escape(outcome.skip_reason)})[/]"
        console.print(line, soft_wrap=True)


def print_failures(console: Console, outcomes: Sequence[CaseOutcome], lang: str) -> None:
    """Each failure: why, then ``-`` what the case expects and ``+`` what it got."""
    failed = [o for o in outcomes if o.status is Status.failed]
    if not failed:
        return
    console.rule(_t(lang, "[bold red]失败[/]", "[bold red]FAILURES[/]"), style="red")
    for outcome in failed:
        console.rule(f"[bold red]{escape(outcome.node_id)}[/]", style="red", characters="_")
        for reason in outcome.reasons:
            console.print(escape(reason), soft_wrap=True)
        if outcome.diff:
            console.print(_t(lang, "[dim]- 预期  + 实际[/]", "[dim]- expected  + actual[/]"))
            for line in outcome.diff:
                style = {"-": "red", "+": "green"}.get(line.sign, "dim")
                console.print(f"[{style}]{line.sign} {escape(line.text)}[/]", soft_wrap=True)


def print_coverage(console: Console, coverage: Coverage, lang: str) -> None:
    """The coverage table (every check, pack rule and table row) and the percentage."""
    table = Table(
        title=_t(lang, "覆盖率", "Coverage"),
        title_justify="left",
        show_lines=False,
        header_style="bold",
    )
    table.add_column(_t(lang, "类别", "kind"), no_wrap=True)
    table.add_column(_t(lang, "编号", "id"), no_wrap=True)
    table.add_column(_t(lang, "覆盖", "covered"), no_wrap=True)
    table.add_column(_t(lang, "名称", "name"), overflow="fold", ratio=1)
    for entry in coverage.entries:
        marks = "  ".join(
            f"[{'green' if hit else 'bold red'}]{'✓' if hit else '✗'}[/] "
            + (_SIDE_ZH[side] if lang == "zh" else side.value)
            for side, hit in entry.sides
        )
        area_zh, area_en = _AREA[entry.area]
        table.add_row(
            _t(lang, area_zh, area_en),
            escape(entry.id),
            marks,
            escape(entry.name_zh if lang == "zh" else entry.name_en),
        )
    if console.is_terminal:
        console.print(table)
    else:  # a CI log: wide enough for the row ids and names, whatever COLUMNS says
        wide = Console(file=console.file, width=max(console.width, 120), highlight=False)
        wide.print(table)
    style = "green" if coverage.covered == coverage.total else "bold red"
    console.print(
        f"[{style}]{_t(lang, '覆盖率', 'coverage')}: {coverage.covered}/{coverage.total} = "
        f"{coverage.percent:.1f}%[/]"
    )


def summary_line(outcomes: Sequence[CaseOutcome], seconds: float, lang: str) -> tuple[str, str]:
    """``2 failed, 89 passed, 1 skipped in 1.20s`` and the style to print it in."""
    counts = {status: sum(1 for o in outcomes if o.status is status) for status in Status}
    words = {
        Status.failed: _t(lang, "失败", "failed"),
        Status.passed: _t(lang, "通过", "passed"),
        Status.skipped: _t(lang, "跳过", "skipped"),
    }
    parts = [
        f"{counts[s]} {words[s]}"
        for s in (Status.failed, Status.passed, Status.skipped)
        if counts[s]
    ]
    text = ", ".join(parts) or _t(lang, "没有案例", "no cases")
    text += _t(lang, f"，用时 {seconds:.2f} 秒", f" in {seconds:.2f}s")
    if counts[Status.failed]:
        return text, "bold red"
    return text, "bold green" if counts[Status.passed] else "yellow"


def print_summary(
    console: Console, outcomes: Sequence[CaseOutcome], seconds: float, lang: str
) -> None:
    text, style = summary_line(outcomes, seconds, lang)
    console.rule(f"[{style}]{escape(text)}[/]", style=style.split()[-1])
