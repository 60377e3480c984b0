"""The ``permitlogic`` command: one Typer app; each command lives in its own module."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from permitlogic.cli import (
    bench_cmd,
    cases_cmd,
    check_cmd,
    decide_cmd,
    diff_cmd,
    graph_cmd,
    import_cmd,
    rules_cmd,
    serve_cmd,
    template_cmd,
    test_cmd,
)
from permitlogic.errors import InputError

app = typer.Typer(
    name="permitlogic",
    help=(
        "审批事项目录的规则引擎：检查目录、证明时限、判定绿色通道与容缺受理。\n\n"
        "Rules-as-code for approval catalogs: check a catalog, prove its time "
        "limits, decide green-channel and deferral (容缺受理) eligibility."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

for module in (
    check_cmd,
    rules_cmd,
    template_cmd,
    import_cmd,
    graph_cmd,
    diff_cmd,
    decide_cmd,
    cases_cmd,
    test_cmd,
    serve_cmd,
    bench_cmd,
):
    module.register(app)


def main() -> None:
    """Entry point: an InputError anywhere becomes its message and exit code 2."""
    try:
        app()
    except InputError as error:
        report_input_error(error)
        sys.exit(2)


def report_input_error(error: InputError, lang: str = "zh") -> None:
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    console.print(f"[bold red]输入无效 / invalid input[/] ({len(error.problems)})")
    for problem in error.problems:
        console.print(f"  {problem.describe('zh')}\n    {problem.message_en}", markup=False)
