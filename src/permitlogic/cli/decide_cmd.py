"""``permitlogic decide``: green-channel and 容缺受理 decisions for one input or a list."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console

from permitlogic.cli.options import Lang, LangOption, OutputOption, RulesOption
from permitlogic.decide.inputs import coerce_all, elements, location, read_document
from permitlogic.errors import InputError, Problem
from permitlogic.models.decision import Application, Project
from permitlogic.models.out import Out

decide_app = typer.Typer(
    name="decide",
    help=(
        "资格判定：绿色通道（1+3+2+1）与容缺受理。\n\n"
        "Eligibility decisions: the green channel (1+3+2+1) and deferred materials (容缺受理)."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
)


class Format(StrEnum):
    text = "text"
    json = "json"


FileArgument = Annotated[
    str,
    typer.Argument(
        help="YAML 或 JSON 文件（一个对象或列表），- 表示标准输入 / "
        "YAML or JSON file (one object or a list), - for stdin",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="输出格式 / output format: text | json")
]


def register(app: typer.Typer) -> None:
    app.add_typer(decide_app, name="decide")


@contextmanager
def _input_errors_exit_2() -> Iterator[None]:
    """Bad input, wherever found, is every problem listed and exit code 2."""
    try:
        yield
    except InputError as error:
        from permitlogic.cli import report_input_error

        report_input_error(error)
        raise typer.Exit(2) from None


@contextmanager
def _sink(output: Path | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8") as handle:
        yield handle


def _json(values: Sequence[Out | None], single: bool) -> str:
    def dump(value: Out | None) -> Any:
        if value is None:
            return None
        data = value.model_dump(mode="json")
        if data.get("decision_id", "") is None:
            del data["decision_id"]
        return data

    payload = dump(values[0]) if single else [dump(v) for v in values]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _console(handle: TextIO, output: Path | None) -> Console:
    if output is None:
        return Console(highlight=False, emoji=False)
    return Console(file=handle, width=160, highlight=False, emoji=False, no_color=True)


@decide_app.command("green-channel")
def green_channel_command(
    file: FileArgument,
    rules: RulesOption = None,
    format: FormatOption = Format.text,
    lang: LangOption = Lang.zh,
    output: OutputOption = None,
) -> None:
    """绿色通道判定 / May each project enter the green channel (1+3+2+1)?

    Input: a project (`project: {id, name, category, emergency_designated, urban,
    eia_approval, reviewed_drawings, contractor_selected, supervisor_selected,
    wage_deposit_paid, safety_deposit_paid, dust_deposit_paid, injury_insurance}`)
    or a list of them. Every field is required. Text lists each condition of the
    pack with its rule id and citation; JSON follows decisions.md.

    Exit codes: 0 decided (eligible or not); 2 invalid input or rule pack.
    """
    from permitlogic.decide.decision_table import render_green_channel
    from permitlogic.decide.green_api import decide_green_channel_batch
    from permitlogic.packs.green_channel import load_green_channel_pack

    with _input_errors_exit_2():
        pack = load_green_channel_pack(rules)
        sourced = read_document(file)
        values = elements(sourced)
        projects = coerce_all(Project, values, "project", sourced)
        decisions = decide_green_channel_batch(projects, pack)
    single = len(values) == 1 and values[0][1] == ()
    with _sink(output) as handle:
        if format is Format.json:
            handle.write(_json(decisions, single))
            return
        console = _console(handle, output)
        for decision in decisions:
            render_green_channel(decision, pack, console, lang.value)


# Long because: a Typer command declares its options (type, default, help in two languages) in its signature.
@decide_app.command("deferral")
def deferral_command(
    file: FileArgument,
    catalog: Annotated[
        Path,
        typer.Option(
            "--catalog",
            help="审批事项目录（.yaml .json .xlsx .csv）/ the catalog the items are in",
            show_default=False,
        ),
    ],
    rules: RulesOption = None,
    calendar: Annotated[
        list[Path] | None,
        typer.Option(
            "--calendar",
            help="节假日文件（某一年的放假与调休安排，可重复）/ a holiday file for a year "
            "(repeatable); see rules/calendars/",
        ),
    ] = None,
    format: FormatOption = Format.text,
    notice: Annotated[
        bool,
        typer.Option(
            "--notice",
            help="输出一次性告知书（列明全部缺少材料和期限）/ print the notice listing every "
            "missing material and its due date",
        ),
    ] = False,
    lang: LangOption = Lang.zh,
    output: OutputOption = None,
) -> None:
    """容缺受理判定 / May each application be accepted now, with materials to follow?

    Input: an application (`application: {id, item, applicant: {id, credit},
    received, submitted, commitment}`) or a list of them, decided against
    --catalog. First match wins: reject, notice (一次性告知), accept_with_deferral
    (容缺受理, deadline in working days), accept. With --notice, prints the
    notice itself (text, or JSON with --format json).

    Exit codes: 0 decided; 2 invalid input, catalog, rule pack or calendar
    (a date in a year without holiday data names the year).
    """
    from permitlogic.decide.deferral_api import decide_deferral_each
    from permitlogic.load.catalog import load_catalog
    from permitlogic.packs.deferral import load_deferral_pack
    from permitlogic.workdays.sources import load_calendar

    with _input_errors_exit_2():
        pack = load_deferral_pack(rules)
        days = load_calendar(rules, calendar or [])
        loaded = load_catalog(catalog)
        sourced = read_document(file)
        values = elements(sourced)
        applications = coerce_all(Application, values, "application", sourced)
        outcomes = decide_deferral_each(applications, loaded, pack, days)
        problems: list[Problem] = []
        for (_, path), outcome in zip(values, outcomes, strict=True):
            if isinstance(outcome, InputError):
                inner = (*path, "application") if _wrapped(sourced.data, path) else path
                where = location(sourced, (*inner, "received"))
                problems.extend(p.model_copy(update={"location": where}) for p in outcome.problems)
        if problems:
            raise InputError(problems)
    decisions = [o for o in outcomes if not isinstance(o, InputError)]
    single = len(values) == 1 and values[0][1] == ()
    with _sink(output) as handle:
        if notice:
            _emit_notices(decisions, pack, format, lang.value, single, handle, output)
            return
        if format is Format.json:
            handle.write(_json(decisions, single))
            return
        from permitlogic.decide.decision_table import render_deferral

        console = _console(handle, output)
        for decision in decisions:
            render_deferral(decision, pack, console, lang.value)


def _wrapped(data: Any, path: tuple[str | int, ...]) -> bool:
    value = data
    for key in path:
        value = value[key]
    return isinstance(value, dict) and len(value) == 1 and "application" in value


def _emit_notices(
    decisions: Sequence[Any],
    pack: Any,
    format: Format,
    lang: str,
    single: bool,
    handle: TextIO,
    output: Path | None,
) -> None:
    from permitlogic.decide.notice import notice_for, notice_text

    notices = [notice_for(decision, pack) for decision in decisions]
    if format is Format.json:
        handle.write(_json(notices, single))
        return
    say: Callable[[str], object] = handle.write
    for decision, notice in zip(decisions, notices, strict=True):
        if notice is None:
            if lang == "zh":
                say(f"申请 {decision.application}：{_no_notice_zh(decision.decision.value)}\n\n")
            else:
                say(f"application {decision.application}: {decision.decision.value}, no notice\n\n")
            continue
        say(notice_text(notice, lang) + "\n")


def _no_notice_zh(outcome: str) -> str:
    return "材料齐全，予以受理，无需告知" if outcome == "accept" else "不予受理，无一次性告知"
