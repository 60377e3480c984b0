"""``permitlogic cases supplement | revoke | close``: an event on one case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from permitlogic.cli.cases.common import (
    CaseArgument,
    FormatOption,
    KeyOption,
    OnOption,
    StoreOption,
    TextOrJson,
    emit_records,
    guarded,
    open_ledger,
    parse_day,
)
from permitlogic.cli.options import Lang, LangOption

if TYPE_CHECKING:
    from permitlogic.ledger.model import EventRecord
    from permitlogic.ledger.store import Store


def supplement_command(
    case: CaseArgument,
    materials: Annotated[
        list[str],
        typer.Argument(
            help="补交的材料编号 / the ids of the materials brought in", show_default=False
        ),
    ],
    on: OnOption = None,
    key: KeyOption = None,
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """记录补交的容缺材料 / Record deferred materials brought in.

    All in by the deadline: supplemented. Some still missing: stays open. After the
    deadline: overdue. Exit 1 if the case no longer takes materials (closed, revoked).
    """
    from permitlogic.ledger import service

    _record_event(
        lambda ledger, when: service.supplement(ledger, case, materials, when, key),
        on,
        store,
        format,
        lang,
    )


def revoke_command(
    case: CaseArgument,
    on: OnOption = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="撤销理由 / why it is revoked")
    ] = None,
    key: KeyOption = None,
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """撤销容缺受理 / Revoke the acceptance (overdue, or the commitment was false).

    Exit 1 if the case is already closed or revoked.
    """
    from permitlogic.ledger import service

    _record_event(
        lambda ledger, when: service.revoke(ledger, case, when, reason, key),
        on,
        store,
        format,
        lang,
    )


def close_command(
    case: CaseArgument,
    on: OnOption = None,
    key: KeyOption = None,
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """办结：容缺材料已全部补齐 / Close a case whose deferred materials are all in.

    Exit 1 (and the refusal recorded) while materials are still missing.
    """
    from permitlogic.ledger import service

    _record_event(
        lambda ledger, when: service.close(ledger, case, when, key),
        on,
        store,
        format,
        lang,
    )


def _record_event(
    event: Callable[[Store, date], EventRecord],
    on: str | None,
    store: str | None,
    format: TextOrJson,
    lang: Lang,
) -> None:
    """Record one event on the day ``--on`` names, in the store, and print what it did."""
    with guarded(lang):
        when = parse_day(on)
        with open_ledger(store, must_exist=True) as ledger:
            record = event(ledger, when)
        emit_records([record], format, lang)
