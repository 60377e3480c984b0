"""``permitlogic cases due``: the morning list, what falls due and what is overdue."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from permitlogic.cli.cases.common import (
    DayOption,
    FormatOption,
    StoreOption,
    TextOrJson,
    console,
    guarded,
    open_ledger,
    parse_day,
)
from permitlogic.cli.options import Lang, LangOption


def due_command(
    on: DayOption = None,
    within: Annotated[
        int,
        typer.Option(
            "--within",
            min=0,
            help="同时列出此后 N 天内到期的案件 / also list what falls due in the next N days",
        ),
    ] = 0,
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="写入文件而非标准输出 / write to FILE instead of stdout"
        ),
    ] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """今日到期与逾期清单，按部门 / What falls due on --on and what is overdue, by department.

    A case still open past its deadline is listed as overdue with its reminder
    pending until `cases tick` records it.
    """
    from permitlogic.ledger.due import due

    with guarded(lang):
        when = parse_day(on)
        with open_ledger(store, must_exist=True) as ledger:
            report = due(ledger, when, within)
        if format is TextOrJson.json:
            text = report.model_dump_json(indent=2) + "\n"
            if output is None:
                sys.stdout.write(text)
            else:
                output.write_text(text, encoding="utf-8")
            return
        from permitlogic.ledger.ledger_tables import print_due

        if output is None:
            print_due(report, lang.value, console())
        else:
            with output.open("w", encoding="utf-8") as handle:
                print_due(
                    report, lang.value, Console(file=handle, width=160, no_color=True, emoji=False)
                )
