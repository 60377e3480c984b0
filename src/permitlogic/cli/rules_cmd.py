"""``permitlogic rules [ID]``: the checks, and one check's full doc."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from permitlogic.checks.registry import documented_rules, rule_as_json
from permitlogic.cli.options import Lang, LangOption, bad_option
from permitlogic.law.quotes import law_quotes, quote_line


def register(app: typer.Typer) -> None:
    app.command("rules")(rules_command)


def rules_command(
    rule_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="规则编号，如 PL101 / a check id, e.g. PL101"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON / print JSON")] = False,
    lang: LangOption = Lang.zh,
) -> None:
    """列出检查规则及其说明 / List the checks and their docs."""
    rules = documented_rules()
    console = Console(highlight=False)
    if rule_id is not None:
        key = rule_id.upper()
        if key not in rules:
            raise bad_option(
                "ID", f"没有规则 {rule_id}", f"no check {rule_id} (see `permitlogic rules`)"
            )
        meta = rules[key]
        if as_json:
            typer.echo(json.dumps(rule_as_json(meta), ensure_ascii=False, indent=2))
            return
        console.print(f"[bold]{meta.id} {meta.name}[/] {meta.name_zh} · {meta.severity.value}")
        console.print(Markdown(meta.doc_zh if lang is Lang.zh else meta.doc_en))
        console.print(f"[dim]{meta.citation}[/]")
        for quote in law_quotes(meta.law):
            console.print(f"  {quote_line(quote)}", markup=False)
        return
    if as_json:
        typer.echo(
            json.dumps(
                [rule_as_json(meta) for meta in rules.values()], ensure_ascii=False, indent=2
            )
        )
        return
    table = Table(title="permitlogic " + ("检查规则" if lang is Lang.zh else "checks"))
    for column in (
        "ID",
        "name",
        "名称" if lang is Lang.zh else "severity",
        "说明" if lang is Lang.zh else "summary",
    ):
        table.add_column(column)
    for meta in rules.values():
        table.add_row(
            meta.id,
            meta.name,
            meta.name_zh if lang is Lang.zh else meta.severity.value,
            meta.summary_zh if lang is Lang.zh else meta.summary_en,
        )
    console.print(table)
