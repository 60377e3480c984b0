"""What the ``permitlogic cases`` commands share: options, dates, the store, printing, errors.

The ledger (SQLAlchemy, durable-rules) is imported inside each command, so that
`permitlogic --help` and every other command start without it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from permitlogic.cli.options import Lang, bad_option
from permitlogic.errors import InputError

if TYPE_CHECKING:
    from permitlogic.ledger.model import EventRecord
    from permitlogic.ledger.store import Store


class TextOrJson(StrEnum):
    text = "text"
    json = "json"


class SheetFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        help=(
            "案件库：SQLite 文件路径或 sqlite:///…、postgresql://user:pass@host/db 地址"
            "（默认 ./permitlogic.db，或环境变量 PERMITLOGIC_STORE）/ the ledger store: a "
            "SQLite file or URL, or postgresql://… (default ./permitlogic.db or $PERMITLOGIC_STORE)"
        ),
        show_default=False,
    ),
]
OnOption = Annotated[
    str | None,
    typer.Option(
        "--on",
        help="事件日期 YYYY-MM-DD（默认今天）/ the date of the event (default: today)",
        show_default=False,
    ),
]
DayOption = Annotated[
    str | None,
    typer.Option(
        "--on",
        help="以哪一天为准 YYYY-MM-DD（默认今天）/ the day it is, YYYY-MM-DD (default: today)",
        show_default=False,
    ),
]
KeyOption = Annotated[
    str | None,
    typer.Option(
        "--key",
        help=(
            "幂等键：同一键只记录一次（默认由案件、事件和日期生成）/ idempotency key: "
            "one event per key (default: built from case, event and date)"
        ),
        show_default=False,
    ),
]
FormatOption = Annotated[
    TextOrJson, typer.Option("--format", "-f", help="输出格式 / output format")
]
CaseArgument = Annotated[
    str, typer.Argument(help="案件编号（即申请编号）/ the case id (the application id)")
]


@contextmanager
def guarded(lang: Lang) -> Iterator[None]:
    """Bad input and an unreachable store become a message and exit 2, never a traceback."""
    try:
        yield
    except InputError as error:
        report_error(error, lang)
        raise typer.Exit(2) from None
    except Exception as error:
        from sqlalchemy.exc import DataError, OperationalError

        if isinstance(error, DataError):
            # A value the store's column refuses (a ledger made by an older version
            # with narrower columns): named, not a traceback.
            report_error(
                bad_option(
                    "--store",
                    f"案件库拒绝了一个取值（列宽不足？）：{error.orig}",
                    f"the ledger store refused a value (column too narrow?): {error.orig}",
                ),
                lang,
            )
            raise typer.Exit(2) from None
        if not isinstance(error, OperationalError):
            raise
        report_error(
            bad_option(
                "--store",
                f"案件库无法访问：{error.orig}",
                f"the ledger store is not reachable: {error.orig}",
            ),
            lang,
        )
        raise typer.Exit(2) from None


def report_error(error: InputError, lang: Lang) -> None:
    """The error's problems on stderr, in ``lang``."""
    from permitlogic.cli import report_input_error

    report_input_error(error, lang.value)


def parse_day(value: str | None, option: str = "--on") -> date:
    """The day ``option`` names (YYYY-MM-DD), today when not given."""
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad_option(
            option,
            f"日期格式错误：{value}（应为 YYYY-MM-DD）",
            f"not a date: {value} (expected YYYY-MM-DD)",
        ) from None


def console() -> Console:
    """Standard output, no highlighting; 160 columns when piped."""
    out = Console(highlight=False, emoji=False, soft_wrap=True)
    if not out.is_terminal:
        # Piped or redirected: wide enough that a case's history is not cut short.
        out.width = 160
    return out


def emit_records(
    records: list[EventRecord], format: TextOrJson, lang: Lang, *, many: bool = False
) -> None:
    """Print what the events did (JSON: a list when ``many``); exit 1 if any was rejected."""
    from permitlogic.ledger.model import Outcome

    if format is TextOrJson.json:
        sys.stdout.write(
            "[" + ",".join(r.model_dump_json() for r in records) + "]\n"
            if many
            else records[0].model_dump_json() + "\n"
        )
    else:
        from permitlogic.ledger.ledger_tables import print_records

        print_records(records, lang.value, console())
    if any(record.outcome is Outcome.rejected for record in records):
        raise typer.Exit(1)


@contextmanager
def open_ledger(value: str | None, must_exist: bool = False) -> Iterator[Store]:
    """The store ``--store`` names, closed afterwards."""
    from permitlogic.ledger.store import open_store

    store = open_store(value, must_exist=must_exist)
    try:
        yield store
    finally:
        store.close()
