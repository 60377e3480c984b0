"""``permitlogic diff --format text``: the comparison as tables in the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from permitlogic.diff.labels import change_lines, labels, matched_by_text, overview_lines, percent
from permitlogic.diff.model import CatalogDiff, CutTotal


def render(diff: CatalogDiff, console: Console, lang: str = "zh") -> None:
    t = labels(lang)
    target = percent(diff.target)
    console.print(
        f"[bold]{t['title']}[/] {diff.old.id} → {diff.new.id}"
        f"  ({diff.old.source or '-'} → {diff.new.source or '-'})",
        highlight=False,
    )
    for line in overview_lines(diff, t):
        console.print(line, highlight=False)
    _cuts(diff, console, t, target)
    _departments(diff, console, t)
    _lists(diff, console, t)
    under = diff.under_target
    if under:
        console.print(Text(t["under_target"].format(n=len(under), target=target), style="bold red"))
    elif diff.cuts:
        console.print(Text(t["all_meet"], style="green"))


def _verdict(meets: bool, t: dict[str, str]) -> Text:
    return (
        Text(f"✓ {t['meets']}", style="green")
        if meets
        else Text(f"✗ {t['misses']}", style="bold red")
    )


def _cuts(diff: CatalogDiff, console: Console, t: dict[str, str], target: str) -> None:
    table = Table(title=t["cuts"].format(target=target), title_justify="left", expand=True)
    table.add_column(t["id"], no_wrap=True)
    table.add_column(t["name"], ratio=3, overflow="fold")
    table.add_column(t["department"], ratio=2, overflow="fold")
    for header in ("old_short", "new_short", "cut", "limit_short"):
        table.add_column(t[header], justify="right", no_wrap=True)
    table.add_column(t["verdict_short"], no_wrap=True)
    for cut in diff.cuts:
        style = None if cut.meets_target else "red"
        table.add_row(
            cut.id if cut.id == cut.old_id else f"{cut.old_id}→{cut.id}",
            cut.name,
            cut.department,
            str(cut.old_days),
            str(cut.new_days),
            Text(percent(cut.cut), style=style or ""),
            str(cut.allowed_days),
            _verdict(cut.meets_target, t),
        )
    if not diff.cuts:
        console.print(t["cuts_none"])
        return
    console.print(table)


def _total_row(table: Table, name: str, total: CutTotal, t: dict[str, str]) -> None:
    table.add_row(
        name,
        str(total.items),
        str(total.old_days),
        str(total.new_days),
        percent(total.cut),
        str(total.items_under_target),
        _verdict(total.meets_target, t),
    )


def _departments(diff: CatalogDiff, console: Console, t: dict[str, str]) -> None:
    if not diff.cuts:
        return
    table = Table(title=t["departments"], title_justify="left", expand=True)
    table.add_column(t["department"], ratio=1, overflow="fold")
    for header in ("items", "old_short", "new_short", "cut", "under_short"):
        table.add_column(t[header], justify="right", no_wrap=True)
    table.add_column(t["verdict_short"], no_wrap=True)
    for total in diff.departments:
        _total_row(table, total.department or "", total, t)
    table.add_section()
    _total_row(table, t["overall"], diff.overall, t)
    console.print(table)


def _lists(diff: CatalogDiff, console: Console, t: dict[str, str]) -> None:
    def paren(value: object) -> str:
        return t["paren"].format(value)

    if diff.added:
        console.print(f"[bold]{t['added']}[/]" + paren(len(diff.added)), highlight=False)
        for ref in diff.added:
            console.print(f"  + {ref.id} {ref.name}" + paren(ref.department), highlight=False)
    if diff.removed:
        console.print(f"[bold]{t['removed']}[/]" + paren(len(diff.removed)), highlight=False)
        for ref in diff.removed:
            console.print(f"  - {ref.id} {ref.name}" + paren(ref.department), highlight=False)
    if diff.renamed:
        console.print(f"[bold]{t['renamed']}[/]" + paren(len(diff.renamed)), highlight=False)
        for rename in diff.renamed:
            console.print(
                f"  ~ {rename.old_id} {rename.old_name} → {rename.new_id} {rename.new_name}"
                + paren(matched_by_text(rename, t)),
                highlight=False,
            )
    if diff.changed:
        console.print(f"[bold]{t['changed']}[/]" + paren(len(diff.changed)), highlight=False)
        for change in diff.changed:
            console.print(
                f"  * {change.id} {change.name}" + paren(change.department), highlight=False
            )
            for line in change_lines(change, t):
                console.print("      " + line, highlight=False)
