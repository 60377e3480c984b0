"""``permitlogic cases verify``: the ledger against a clean replay of its events."""

from __future__ import annotations

import sys

import typer

from permitlogic.cli.cases.common import (
    FormatOption,
    StoreOption,
    TextOrJson,
    console,
    guarded,
    open_ledger,
)
from permitlogic.cli.options import Lang, LangOption


def verify_command(
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """从事件表重算全部案件并与库中比对 / Recompute every case from the event table and compare.

    Exit 0 when the ledger matches a clean replay; exit 1 listing every difference.
    """
    from permitlogic.ledger.rebuild import verify

    with guarded(lang), open_ledger(store, must_exist=True) as ledger:
        report = verify(ledger)
    if format is TextOrJson.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        from permitlogic.ledger.ledger_tables import print_verify

        print_verify(report, lang.value, console())
    raise typer.Exit(0 if report.clean else 1)
