"""``permitlogic cases``: the 容缺后补 ledger, from the decision to the case's end."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import RootModel
from rich.console import Console

from permitlogic.cli.options import Lang, LangOption, bad_option
from permitlogic.errors import InputError, Problem
from permitlogic.models.decision import DeferralDecision, DeferralOutcome

if TYPE_CHECKING:
    from permitlogic.ledger.model import EventRecord
    from permitlogic.ledger.store import Store

# The ledger (SQLAlchemy, durable-rules) is imported inside each command, so that
# `permitlogic --help` and every other command start without it.

cases_app = typer.Typer(
    name="cases",
    help=(
        "容缺后补案件台账：受理后跟踪每个案件直到办结或撤销。\n\n"
        "The deferral ledger (容缺后补): follow every accepted-with-deferral case "
        "until it is closed or revoked. Every event is recorded once, in the store "
        "named by --store (default ./permitlogic.db, or $PERMITLOGIC_STORE)."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
)


def register(app: typer.Typer) -> None:
    app.add_typer(cases_app, name="cases")


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
def _command(lang: Lang) -> Iterator[None]:
    """Bad input and an unreachable store become a message and exit 2, never a traceback."""
    try:
        yield
    except InputError as error:
        _report(error, lang)
        raise typer.Exit(2) from None
    except Exception as error:
        from sqlalchemy.exc import DataError, OperationalError

        if isinstance(error, DataError):
            # A value the store's column refuses (a ledger made by an older version
            # with narrower columns): named, not a traceback.
            _report(
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
        _report(
            bad_option(
                "--store",
                f"案件库无法访问：{error.orig}",
                f"the ledger store is not reachable: {error.orig}",
            ),
            lang,
        )
        raise typer.Exit(2) from None


def _report(error: InputError, lang: Lang) -> None:
    from permitlogic.cli import report_input_error

    report_input_error(error, lang.value)


def _date(value: str | None, option: str = "--on") -> date:
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


def _console() -> Console:
    console = Console(highlight=False, emoji=False, soft_wrap=True)
    if not console.is_terminal:
        # Piped or redirected: wide enough that a case's history is not cut short.
        console.width = 160
    return console


def _emit_records(
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

        print_records(records, lang.value, _console())
    if any(record.outcome is Outcome.rejected for record in records):
        raise typer.Exit(1)


class _DecisionList(RootModel[list[DeferralDecision]]):
    pass


def _read_decisions(
    path: str, skipped: list[DeferralDecision] | None = None
) -> list[DeferralDecision]:
    """One decision or a list (JSON or YAML, ``-`` for stdin), each able to open a case.

    With ``skipped``, decisions other than accept_with_deferral go there instead of
    being an error.
    """
    from permitlogic.ledger.step import check_opens_case
    from permitlogic.load.validate import validate
    from permitlogic.load.yaml_source import parse_yaml

    if path == "-":
        text, file = sys.stdin.read(), "<stdin>"
    else:
        try:
            text, file = Path(path).read_text(encoding="utf-8"), path
        except (OSError, UnicodeDecodeError) as error:
            raise InputError.single(
                path, f"无法读取文件：{error}", f"cannot read the file: {error}"
            ) from None
    sourced = parse_yaml(text, file)
    if sourced.data is None:
        raise InputError.single(file, "文件为空", "the file is empty")
    is_list = isinstance(sourced.data, list)
    decisions = (
        validate(_DecisionList, sourced).root if is_list else [validate(DeferralDecision, sourced)]
    )
    problems: list[Problem] = []
    kept = []
    for index, decision in enumerate(decisions):
        if skipped is not None and decision.decision is not DeferralOutcome.accept_with_deferral:
            skipped.append(decision)
            continue
        kept.append(decision)
        prefix: tuple[str | int, ...] = (index,) if is_list else ()
        try:
            check_opens_case(decision, file)
        except InputError as error:
            for problem in error.problems:
                key = problem.location.key or "decision"
                where = sourced.locate((*prefix, key))
                problems.append(problem.model_copy(update={"location": where}))
    if problems:
        raise InputError(problems)
    return kept


@contextmanager
def _store(value: str | None, must_exist: bool = False) -> Iterator[Store]:
    from permitlogic.ledger.store import open_store

    store = open_store(value, must_exist=must_exist)
    try:
        yield store
    finally:
        store.close()


@cases_app.command("open")
def open_command(
    decisions: Annotated[
        list[str],
        typer.Argument(
            help=(
                "容缺受理决定（permitlogic decide deferral 的 JSON 输出，一个或一组；- 表示标准输入）"
                " / accept_with_deferral decisions (the JSON of `permitlogic decide deferral`, "
                "one or a list; - for stdin)"
            ),
            show_default=False,
        ),
    ],
    skip_others: Annotated[
        bool,
        typer.Option(
            "--skip-others",
            help=(
                "跳过非容缺受理的决定（列在标准错误中），而不是报错 / skip decisions that are "
                "not accept_with_deferral (listed on stderr) instead of refusing the input"
            ),
        ),
    ] = False,
    key: KeyOption = None,
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """受理容缺案件：每个容缺受理决定建立一个案件 / Open a case per accept_with_deferral decision.

    Any decision that is not accept_with_deferral is an input error (exit 2) and
    nothing is opened, unless --skip-others. Opening the same decision again
    changes nothing.
    """
    from permitlogic.ledger import service

    with _command(lang):
        loaded: list[DeferralDecision] = []
        skipped: list[DeferralDecision] | None = [] if skip_others else None
        problems: list[Problem] = []
        for path in decisions:
            try:
                loaded.extend(_read_decisions(path, skipped))
            except InputError as error:
                problems.extend(error.problems)
        if problems:
            raise InputError(problems)
        if skipped:
            listed = ", ".join(f"{d.application} ({d.decision.value})" for d in skipped)
            Console(stderr=True, highlight=False, emoji=False).print(
                f"跳过 {len(skipped)} 个非容缺受理的决定：{listed}"
                if lang is Lang.zh
                else f"skipped {len(skipped)} decisions that are not accept_with_deferral: {listed}",
                markup=False,
            )
        with _store(store) as ledger:
            records = service.open_cases(ledger, loaded, key)
        _emit_records(records, format, lang, many=True)


@cases_app.command("supplement")
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

    with _command(lang):
        when = _date(on)
        with _store(store, must_exist=True) as ledger:
            record = service.supplement(ledger, case, materials, when, key)
        _emit_records([record], format, lang)


@cases_app.command("tick")
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

    with _command(lang):
        when = _date(on)
        with _store(store, must_exist=True) as ledger:
            records = service.tick(ledger, when)
        if format is TextOrJson.text and not records:
            _console().print(
                "没有新逾期的案件。" if lang is Lang.zh else "No case fell overdue.",
            )
            return
        _emit_records(records, format, lang, many=True)


@cases_app.command("revoke")
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

    with _command(lang):
        when = _date(on)
        with _store(store, must_exist=True) as ledger:
            record = service.revoke(ledger, case, when, reason, key)
        _emit_records([record], format, lang)


@cases_app.command("close")
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

    with _command(lang):
        when = _date(on)
        with _store(store, must_exist=True) as ledger:
            record = service.close(ledger, case, when, key)
        _emit_records([record], format, lang)


@cases_app.command("due")
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

    with _command(lang):
        when = _date(on)
        with _store(store, must_exist=True) as ledger:
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
            print_due(report, lang.value, _console())
        else:
            with output.open("w", encoding="utf-8") as handle:
                print_due(
                    report, lang.value, Console(file=handle, width=160, no_color=True, emoji=False)
                )


@cases_app.command("show")
def show_command(
    case: CaseArgument,
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """案件及其全部事件 / A case and its whole history, event by event."""
    from permitlogic.ledger import service

    with _command(lang), _store(store, must_exist=True) as ledger:
        history = service.history(ledger, case)
        if format is TextOrJson.json:
            sys.stdout.write(history.model_dump_json(indent=2) + "\n")
            return
        from permitlogic.ledger.ledger_tables import print_history

        print_history(history, lang.value, _console())


@cases_app.command("export")
def export_command(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="输出文件 / the file to write", show_default=False),
    ],
    format: Annotated[
        SheetFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="csv 或 xlsx（默认按文件扩展名）/ csv or xlsx (default: by FILE's suffix)",
        ),
    ] = None,
    store: StoreOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """导出全部案件为 CSV 或 XLSX / Export every case as CSV or XLSX."""
    from permitlogic.ledger.export import to_csv, to_xlsx

    with _command(lang):
        chosen = format
        if chosen is None:
            suffix = output.suffix.lower().lstrip(".")
            if suffix not in ("csv", "xlsx"):
                raise bad_option(
                    "--format",
                    "请用 --format csv|xlsx 指定格式（文件扩展名无法判断）",
                    "name the format with --format csv|xlsx (the file suffix does not say)",
                )
            chosen = SheetFormat(suffix)
        with _store(store, must_exist=True) as ledger:
            data = (
                to_csv(ledger, lang.value)
                if chosen is SheetFormat.csv
                else to_xlsx(ledger, lang.value)
            )
        output.write_bytes(data)


@cases_app.command("verify")
def verify_command(
    store: StoreOption = None,
    format: FormatOption = TextOrJson.text,
    lang: LangOption = Lang.zh,
) -> None:
    """从事件表重算全部案件并与库中比对 / Recompute every case from the event table and compare.

    Exit 0 when the ledger matches a clean replay; exit 1 listing every difference.
    """
    from permitlogic.ledger.rebuild import verify

    with _command(lang), _store(store, must_exist=True) as ledger:
        report = verify(ledger)
    if format is TextOrJson.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        from permitlogic.ledger.ledger_tables import print_verify

        print_verify(report, lang.value, _console())
    raise typer.Exit(0 if report.clean else 1)
