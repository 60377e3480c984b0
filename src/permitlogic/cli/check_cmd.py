"""``permitlogic check``: check catalogs and report every finding with the law it breaks."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated

import typer

from permitlogic.check_runner import build_context, run_checks
from permitlogic.checks.registry import split_codes, unknown_codes
from permitlogic.cli.options import (
    Lang,
    LangOption,
    OutputOption,
    RulesOption,
    bad_option,
)
from permitlogic.cli.output import write_rendered
from permitlogic.errors import InputError, Problem
from permitlogic.gc_pause import collector_paused
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.load.reference import load_reference
from permitlogic.models.reference import ReferenceList
from permitlogic.models.report import Severity
from permitlogic.packs.checks_pack import ChecksPack, load_checks_pack
from permitlogic.report.context import RenderInput
from permitlogic.report.formats import FORMATS, Destination
from permitlogic.report.formats import FormatName as Format


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)


# Long because: a Typer command declares its options (type, default, help in two languages) in its signature.
def check_command(
    catalogs: Annotated[
        list[str],
        typer.Argument(
            help="目录文件：.yaml .yml .json .xlsx .csv，或 - 表示标准输入 / catalog files, or - for stdin",
            show_default=False,
        ),
    ],
    rules: RulesOption = None,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="输出格式 / output format")
    ] = Format.text,
    output: OutputOption = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            help="只运行这些规则（前缀，逗号分隔）/ run only these check ids (prefixes), e.g. PL1,PL301"
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="跳过这些规则（前缀）/ skip these check ids (prefixes), e.g. PL305"),
    ] = None,
    fail_on: Annotated[
        Severity,
        typer.Option(
            "--fail-on", help="达到该级别即以 1 退出 / exit 1 on findings at or above this severity"
        ),
    ] = Severity.error,
    reference: Annotated[
        Path | None,
        typer.Option(
            "--reference",
            help="上级取消/下放事项清单（YAML 或 XLSX），启用 PL204/PL205 / the upper level's list (YAML or XLSX)",
        ),
    ] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """检查审批事项目录 / Check approval catalogs.

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;
    2 invalid input or command line.
    """
    selected = split_codes(select)
    ignored = split_codes(ignore)
    for option, codes in (("--select", selected), ("--ignore", ignored)):
        unknown = unknown_codes(codes or [])
        if unknown:
            raise bad_option(
                option,
                f"没有这样的规则：{', '.join(unknown)}（用 permitlogic rules 查看全部）",
                f"no such check: {', '.join(unknown)} (see `permitlogic rules`)",
            )
    pack = load_checks_pack(rules)
    reference_list = load_reference(reference) if reference is not None else None
    # Nothing the check and the report build is cyclic garbage; the periodic scans
    # of the whole live heap cost more than a third of a large catalog's run.
    with collector_paused():
        inputs, problems = _checked(catalogs, pack, reference_list, selected, ignored, lang)
        if problems:
            if format is Format.json:
                from permitlogic.report.json_report import render_invalid

                write_rendered(render_invalid(problems), output)
            raise InputError(problems)
        _emit(format, inputs, output)
    if output is not None:
        _say_written(output, inputs, lang)
    failing = sum(len(i.report.at_or_above(fail_on)) for i in inputs)
    raise typer.Exit(1 if failing else 0)


def _checked(
    catalogs: list[str],
    pack: ChecksPack,
    reference_list: ReferenceList | None,
    selected: list[str] | None,
    ignored: list[str] | None,
    lang: Lang,
) -> tuple[list[RenderInput], list[Problem]]:
    """Each catalog loaded and checked; the problems of those that would not load."""
    inputs: list[RenderInput] = []
    problems: list[Problem] = []
    for path in catalogs:
        try:
            catalog, sourced = load_catalog_sourced(path)
        except InputError as error:
            problems.extend(error.problems)
            continue
        source = sourced.locations_only()  # the parsed tree is not needed again: free its memory
        del sourced
        gc.freeze()  # the catalog lives to the end: the cycle collector need not scan it again
        context = build_context(catalog, pack, reference_list)
        report = run_checks(context, select=selected, ignore=ignored, source=source)
        inputs.append(RenderInput(report, catalog, source, pack, lang.value, context.graph))
    return inputs, problems


def _emit(format: Format, inputs: list[RenderInput], output: Path | None) -> None:
    chosen = FORMATS[format]
    if chosen.needs_file and output is None:
        raise bad_option(
            "--output",
            f"{format.value} 输出需要 --output 文件名",
            f"{format.value} output needs --output FILE",
        )
    destination = Destination.stdout if output is None else Destination.file
    write_rendered(chosen.render(inputs, destination), output)


def _say_written(output: Path, inputs: list[RenderInput], lang: Lang) -> None:
    """With -o the report is in the file: say so on stderr, with the totals the exit code reflects."""
    error = sum(i.report.summary.error for i in inputs)
    warning = sum(i.report.summary.warning for i in inputs)
    info = sum(i.report.summary.info for i in inputs)
    if lang is Lang.zh:
        line = f"已写出 {output}：错误 {error}，警告 {warning}，提示 {info}"
    else:
        line = f"wrote {output}: {error} errors, {warning} warnings, {info} info"
    sys.stderr.write(line + "\n")
