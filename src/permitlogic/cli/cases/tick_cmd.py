"""``permitlogic cases tick``: the cases past their deadline fall overdue."""

from __future__ import annotations

from permitlogic.cli.cases.common import (
    DayOption,
    FormatOption,
    StoreOption,
    TextOrJson,
    console,
    emit_records,
    guarded,
    open_ledger,
    parse_day,
)
from permitlogic.cli.options import Lang, LangOption


def tick_command(
    on: DayOption = None,
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """推进日期：期限已过仍未补齐的案件转为逾期并发出提醒 / Move the date on.

    Every open case whose deadline is before --on falls overdue, with a reminder.
    Run it every morning (and again after an interruption: nothing is done twice).
    """
    from permitlogic.ledger import service

    with guarded(lang):
        when = parse_day(on)
        with open_ledger(store, must_exist=True) as ledger:
            records = service.tick(ledger, when)
        if format is TextOrJson.text and not records:
            console().print(
                "没有新逾期的案件。" if lang is Lang.zh else "No case fell overdue.",
            )
            return
        emit_records(records, format, lang, many=True)
