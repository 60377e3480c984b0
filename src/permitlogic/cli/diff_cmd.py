"""``permitlogic diff OLD NEW``: last year's catalog against this year's, and the cuts."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from permitlogic.cli.options import Lang, LangOption, OutputOption, RulesOption, bad_option
from permitlogic.cli.output import write_rendered
from permitlogic.diff import diff_tables, json_diff, xlsx
from permitlogic.diff import html as diff_html
from permitlogic.diff.compare import compare_catalogs
from permitlogic.errors import InputError, Problem
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.models.catalog import Catalog
from permitlogic.packs.checks_pack import load_checks_pack


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    xlsx = "xlsx"


def register(app: typer.Typer) -> None:
    app.command("diff")(diff_command)


def diff_command(
    old: Annotated[
        str, typer.Argument(help="原目录（上一年）/ last year's catalog", show_default=False)
    ],
    new: Annotated[str, typer.Argument(help="新目录 / this year's catalog", show_default=False)],
    format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="输出格式 / output format")
    ] = DiffFormat.text,
    output: OutputOption = None,
    rules: RulesOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """对比两份目录：新增、取消、更名、变更的事项，以及承诺时限的压缩 / Compare two catalogs.

    Items added, removed, renamed (same id, or same name under a new id) and
    changed (kind, basis, days, prerequisites, materials); the cut in promised
    working days per item, per department and overall against the rule
    pack's reduction target (30% by default), flagging every item cut by less.
    Exit codes: 0 compared; 2 invalid input or command line.
    """
    if format is DiffFormat.xlsx and output is None:
        raise bad_option(
            "--output", "xlsx 输出需要 --output 文件名", "xlsx output needs --output FILE"
        )
    target = load_checks_pack(rules).thresholds.reduction_target
    problems: list[Problem] = []
    loaded: list[Catalog] = []
    for path in (old, new):
        try:
            loaded.append(load_catalog_sourced(path)[0])
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    diff = compare_catalogs(loaded[0], loaded[1], target, old_source=old, new_source=new)
    if format is DiffFormat.text:
        if output is None:
            diff_tables.render(diff, Console(highlight=False, emoji=False), lang.value)
        else:
            with output.open("w", encoding="utf-8") as handle:
                console = Console(
                    file=handle, width=160, highlight=False, emoji=False, no_color=True
                )
                diff_tables.render(diff, console, lang.value)
        return
    rendered: str | bytes
    if format is DiffFormat.json:
        rendered = json_diff.render(diff)
    elif format is DiffFormat.html:
        rendered = diff_html.render(diff, lang.value)
    else:
        rendered = xlsx.render(diff, lang.value)
    write_rendered(rendered, output)
