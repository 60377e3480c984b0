"""``permitlogic rules [ID]``: the checks, and one check's full doc."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from permitlogic.checks.base import CheckMeta
from permitlogic.checks.registry import documented_rules, rule_as_json
from permitlogic.cli.options import Lang, LangOption, bad_option
from permitlogic.law.quotes import law_quotes, quote_line
from permitlogic.models.report import Severity


def register(app: typer.Typer) -> None:
    app.command("rules")(rules_command)


def rules_command(
    rule_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID | lint]",
            help="规则编号，如 PL101、RL001；lint 检查规则包 / a check or lint id, e.g. PL101, RL001; "
            "lint: lint rule packs",
        ),
    ] = None,
    targets: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[DIR|FILE]...",
            help="lint：规则目录或规则包文件（默认内置 rules/）/ lint: rules directories or pack files",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON / print JSON")] = False,
    fail_on: Annotated[
        Severity,
        typer.Option(
            "--fail-on",
            help="lint：达到该级别即以 1 退出 / lint: exit 1 on findings at or above this severity",
        ),
    ] = Severity.error,
    lang: LangOption = Lang.zh,
) -> None:
    """列出检查规则及其说明；rules lint 检查规则包的法律依据 / List the checks and their docs; `rules lint` lints rule packs.

    rules lint exit codes: 0 no finding at or above --fail-on; 1 findings at or
    above it; 2 invalid input or command line.
    """
    if rule_id is not None and rule_id.lower() == "lint":
        from permitlogic.cli.lint_cmd import run_lint

        run_lint(targets or [], as_json, lang, fail_on)
        return
    if targets:
        raise bad_option(
            "[DIR|FILE]",
            "只有 rules lint 接受路径",
            "only `rules lint` takes paths (see `permitlogic rules --help`)",
        )
    rules = documented_rules()
    if rule_id is not None:
        _show_rule(rules, rule_id, as_json, lang)
    else:
        _list_rules(rules, as_json, lang)


def _show_rule(rules: dict[str, CheckMeta], rule_id: str, as_json: bool, lang: Lang) -> None:
    """One check's (or lint rule's) doc, its citation and the law it quotes."""
    key = rule_id.upper()
    if key.startswith("RL"):
        from permitlogic.cli.lint_cmd import LINT_RULES, lint_rule_doc

        if key in LINT_RULES:
            lint_rule_doc(LINT_RULES[key].meta, as_json, lang)
            return
    if key not in rules:
        raise bad_option(
            "ID", f"没有规则 {rule_id}", f"no check {rule_id} (see `permitlogic rules`)"
        )
    meta = rules[key]
    if as_json:
        typer.echo(json.dumps(rule_as_json(meta), ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    console.print(f"[bold]{meta.id} {meta.name}[/] {meta.name_zh} · {meta.severity.value}")
    console.print(Markdown(meta.doc_zh if lang is Lang.zh else meta.doc_en))
    console.print(f"[dim]{meta.citation}[/]")
    for quote in law_quotes(meta.law):
        console.print(f"  {quote_line(quote)}", markup=False)


def _list_rules(rules: dict[str, CheckMeta], as_json: bool, lang: Lang) -> None:
    """Every check: as JSON, or a table of id, name and summary."""
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
    Console(highlight=False).print(table)
