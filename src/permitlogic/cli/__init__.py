"""The ``permitlogic`` command: one Typer app; each command lives in its own module."""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

import typer

from permitlogic import __version__
from permitlogic.cli.lazy import LazyCommand, LazyGroup

if TYPE_CHECKING:
    from permitlogic.errors import InputError


class PermitlogicGroup(LazyGroup):
    """Every command, by the module that defines it; none is imported before it runs."""

    lazy_commands = (
        LazyCommand("check", "permitlogic.cli.check_cmd", "检查审批事项目录 / Check approval catalogs."),
        LazyCommand("rules", "permitlogic.cli.rules_cmd", "列出检查规则及其说明 / List the checks and their docs."),
        LazyCommand("template", "permitlogic.cli.template_cmd", "写出目录填报模板 / Write the catalog template a department fills in."),
        LazyCommand("import", "permitlogic.cli.import_cmd", "导入已公布的清单和办事指南数据 / Import a published list or platform records."),
        LazyCommand("graph", "permitlogic.cli.graph_cmd", "画出前置条件关系图 / Draw the prerequisite graph."),
        LazyCommand("diff", "permitlogic.cli.diff_cmd", "对比两份目录 / Compare two catalogs."),
        LazyCommand("decide", "permitlogic.cli.decide_cmd", "资格判定：绿色通道与容缺受理 / Green-channel and deferral decisions."),
        LazyCommand("cases", "permitlogic.cli.cases", "容缺后补案件台账 / The deferral ledger."),
        LazyCommand("test", "permitlogic.cli.test_cmd", "运行黄金案例和性质测试 / Run golden cases and property tests."),
        LazyCommand("serve", "permitlogic.cli.serve_cmd", "启动判定服务（HTTP）/ Run the decision service (HTTP)."),
        LazyCommand("replay", "permitlogic.cli.serve_cmd", "用当前规则包重放决定日志 / Replay the decision log."),
        LazyCommand("bench", "permitlogic.cli.bench_cmd", "运行性能基准 / Run the benchmarks."),
        LazyCommand("users", "permitlogic.cli.users_cmd", "工作台账户与 API 令牌 / Workbench accounts and API tokens."),
    )  # fmt: skip


app = typer.Typer(
    name="permitlogic",
    help=(
        "审批事项目录的规则引擎：检查目录、证明时限、判定绿色通道与容缺受理。\n\n"
        "Rules-as-code for approval catalogs: check a catalog, prove its time "
        "limits, decide green-channel and deferral (容缺受理) eligibility.\n\n"
        "permitlogic --version 显示版本 / prints the version."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=PermitlogicGroup,
)


@app.callback()
def _group() -> None:
    # No options of its own: `--version` is answered before Typer loads (main, entry).
    pass


def main() -> None:
    """Entry point: an InputError anywhere becomes its message and exit code 2."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        typer.echo(f"permitlogic {__version__}")
        return
    try:
        app()
    except Exception as error:
        from permitlogic.errors import InputError  # not before: it loads pydantic

        if not isinstance(error, InputError):
            raise
        report_input_error(error)
        sys.exit(2)


QUICK_EXIT = frozenset({"check"})
"""Commands whose process may end without freeing its objects one by one (nothing to close)."""


def run_as_process() -> None:
    """:func:`main` as a process of its own (the console script, ``python -m permitlogic.cli``).

    After ``check`` the process ends at once, output flushed: freeing the
    million objects of a large catalog one by one costs more than reading it
    took; and its cyclic collector never runs (nothing it makes is cyclic garbage).
    Other commands end as usual (they may have files or connections to close).
    """
    quick = len(sys.argv) > 1 and sys.argv[1] in QUICK_EXIT
    if quick:
        # Each step already holds the cyclic collector off (gc_pause); it stays off to
        # the end too, or its first pass after the report walks every object made since.
        gc.disable()
    try:
        main()
    except SystemExit as stop:
        if quick and (stop.code is None or isinstance(stop.code, int)):
            _exit_now(stop.code or 0)
        raise
    if quick:
        _exit_now(0)


def _exit_now(code: int) -> None:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: as Python itself would, exit 120
        os._exit(120)
    os._exit(code)


def report_input_error(error: InputError, lang: str = "zh") -> None:
    from rich.console import Console

    # emoji=False: ":100:" in "file.yaml:100:3" is a location, not an emoji code.
    console = Console(stderr=True, highlight=False, emoji=False, soft_wrap=True)
    console.print(f"[bold red]输入无效 / invalid input[/] ({len(error.problems)})")
    for problem in error.problems:
        console.print(f"  {problem.describe('zh')}\n    {problem.message_en}", markup=False)
