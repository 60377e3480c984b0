"""``permitlogic bench``: run the benchmarks in bench/ (a source checkout is needed)."""

from __future__ import annotations

import runpy
import sys
from typing import Annotated

import typer

from permitlogic.cli.options import bad_option
from permitlogic.packs.location import default_rules_dir


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)


def bench_command(
    quick: Annotated[bool, typer.Option("--quick", help="较小规模 / smaller sizes")] = False,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            help="只运行这些部分 / run only these sections: load, startup, structure, time_proof, "
            "decisions, ledger, report_html, report_xlsx, service_load, workbench, scale, workers",
        ),
    ] = None,
) -> None:
    """运行性能基准（bench/run.py）/ Run the benchmarks in bench/run.py."""
    script = default_rules_dir().parent / "bench" / "run.py"
    if not script.is_file():
        raise bad_option(
            "bench",
            "找不到 bench/run.py：请在源码目录中运行（pip install -e .）",
            "bench/run.py not found: run from a source checkout (pip install -e .)",
        )
    argv = [str(script)] + (["--quick"] if quick else [])
    for name in only or []:
        argv += ["--only", name]
    sys.argv = argv
    runpy.run_path(str(script), run_name="__main__")
