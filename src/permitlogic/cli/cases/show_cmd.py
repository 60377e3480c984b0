"""``permitlogic cases show``: one case and its history."""

from __future__ import annotations

import sys

from permitlogic.cli.cases.common import (
    CaseArgument,
    FormatOption,
    StoreOption,
    TextOrJson,
    console,
    guarded,
    open_ledger,
)
from permitlogic.cli.options import Lang, LangOption


def show_command(
    case: CaseArgument,
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """案件及其全部事件 / A case and its whole history, event by event."""
    from permitlogic.ledger import service

    with guarded(lang), open_ledger(store, must_exist=True) as ledger:
        history = service.history(ledger, case)
        if format is TextOrJson.json:
            sys.stdout.write(history.model_dump_json(indent=2) + "\n")
            return
        from permitlogic.ledger.ledger_tables import print_history

        print_history(history, lang.value, console())
