"""``permitlogic test``: golden cases with rule coverage, and the ready properties over rule packs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from permitlogic.cli.options import Lang, LangOption, bad_option
from permitlogic.errors import InputError
from permitlogic.golden.junit import write_junit
from permitlogic.golden.outcome import CaseOutcome, Status
from permitlogic.golden.suite import GoldenRun, run_golden
from permitlogic.golden.terminal import (
    print_coverage,
    print_failures,
    print_header,
    print_outcomes,
    print_summary,
)

DEFAULT_DIR = Path("cases")


def register(app: typer.Typer) -> None:
    app.command("test")(test_command)


# Long because: a Typer command declares its options (type, default, help in two languages) in its signature.
def test_command(
    directory: Annotated[
        Path | None,
        typer.Argument(
            metavar="DIR",
            help="案例目录或案例文件（默认 cases/）/ case directory or case file (default: cases/)",
            show_default=False,
        ),
    ] = None,
    coverage: Annotated[
        bool,
        typer.Option(
            "--coverage",
            help="列出每项检查、每条规则包规则和判定表每一行是否被案例覆盖 / "
            "show which checks, pack rules and decision-table rows the cases exercise",
        ),
    ] = False,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            metavar="PCT",
            help="覆盖率低于 PCT% 时以 1 退出（隐含 --coverage）/ "
            "exit 1 when coverage is under PCT% (implies --coverage)",
        ),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option(
            "--junit", metavar="FILE", help="写出 JUnit XML 结果 / write JUnit XML results to FILE"
        ),
    ] = None,
    properties: Annotated[
        bool,
        typer.Option(
            "--properties",
            help="对规则包运行内置性质测试（hypothesis）；未给 DIR 时只运行性质测试 / "
            "run the built-in property tests over the packs; without DIR, only them",
        ),
    ] = False,
    packs: Annotated[
        Path | None,
        typer.Option(
            "--packs",
            "--rules",
            metavar="DIR",
            file_okay=False,
            help="被测规则包目录（默认为内置 rules/）/ rule-pack directory under test "
            "(default: the bundled rules/)",
        ),
    ] = None,
    max_examples: Annotated[
        int | None,
        typer.Option(
            "--max-examples",
            metavar="N",
            help="每个性质测试的样例数（默认 100）/ examples per property (default 100)",
        ),
    ] = None,
    catalog: Annotated[
        Path | None,
        typer.Option(
            "--catalog",
            metavar="FILE",
            help="容缺受理性质测试使用的目录（默认随机生成）/ "
            "catalog the deferral properties draw applications for (default: drawn catalogs)",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            help="在 N 个进程中同时运行性质测试（默认 1）/ run the properties in N processes "
            "at once (default 1)",
        ),
    ] = 1,
    keyword: Annotated[
        str | None,
        typer.Option(
            "-k",
            metavar="NAME",
            help="只运行编号（文件::名称）含 NAME 的案例和性质 / "
            "run only the cases and properties whose id (file::name) contains NAME",
        ),
    ] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """运行黄金案例和性质测试 / Run golden cases and property tests.

    Exit codes: 0 everything passed (and coverage met --fail-under); 1 a case
    or property failed, or coverage is under --fail-under; 2 invalid cases,
    packs or command line.
    """
    try:
        code = _run(
            directory,
            coverage,
            fail_under,
            junit,
            properties,
            packs,
            max_examples,
            catalog,
            keyword,
            lang,
            jobs,
        )
    except InputError as error:
        from permitlogic.cli import report_input_error

        report_input_error(error, lang.value)
        raise typer.Exit(2) from None
    raise typer.Exit(code)


def _run(
    directory: Path | None,
    coverage: bool,
    fail_under: float | None,
    junit: Path | None,
    properties: bool,
    packs: Path | None,
    max_examples: int | None,
    catalog: Path | None,
    keyword: str | None,
    lang: Lang,
    jobs: int,
) -> int:
    """Run what was asked, print it; the exit code (0 or 1). InputError for bad input."""
    _validate(fail_under, max_examples, packs, catalog, jobs, properties)
    run_cases = directory is not None or not properties
    if (coverage or fail_under is not None) and not run_cases:
        raise bad_option(
            "--coverage",
            "覆盖率统计的是案例：请同时给出案例目录 DIR",
            "coverage measures the cases: give the case directory DIR as well",
        )
    console = Console(highlight=False)
    started = time.perf_counter()
    golden = None
    outcomes: list[CaseOutcome] = []
    if run_cases:
        golden = _run_cases(console, directory, packs, keyword, lang)
        outcomes.extend(golden.outcomes)
    if properties:
        outcomes.extend(_run_properties(console, packs, max_examples, keyword, catalog, lang, jobs))
    if not outcomes:
        raise bad_option(
            "-k",
            f"没有与 -k {keyword} 匹配的案例或性质",
            f"no case or property matches -k {keyword}",
        )
    print_failures(console, outcomes, lang.value)
    below = False
    if golden is not None and (coverage or fail_under is not None):
        below = _coverage_below(console, golden, fail_under, lang)
    if junit is not None:
        write_junit(outcomes, junit)
    print_summary(console, outcomes, time.perf_counter() - started, lang.value)
    failed = any(o.status is Status.failed for o in outcomes)
    return 1 if failed or below else 0


def _run_cases(
    console: Console, directory: Path | None, packs: Path | None, keyword: str | None, lang: Lang
) -> GoldenRun:
    """The golden cases of ``directory`` (the built-in ones by default), printed as they ran."""
    target = directory if directory is not None else DEFAULT_DIR
    golden = run_golden(target, packs=packs, keyword=keyword)
    print_header(console, _what(target, golden.files, len(golden.outcomes), lang.value), lang.value)
    print_outcomes(console, golden.outcomes)
    return golden


def _run_properties(
    console: Console,
    packs: Path | None,
    max_examples: int | None,
    keyword: str | None,
    catalog: Path | None,
    lang: Lang,
    jobs: int,
) -> list[CaseOutcome]:
    """The properties, each printed as it is found to hold or not."""
    from permitlogic.testing.property_runner import run_properties

    examples = max_examples if max_examples is not None else 100
    print_header(console, _properties_what(packs, examples, lang.value), lang.value)
    found = run_properties(
        packs, max_examples=examples, keyword=keyword, catalog=catalog, jobs=jobs
    )
    for outcome in found:
        print_outcomes(console, [outcome])
    return found


def _coverage_below(
    console: Console, golden: GoldenRun, fail_under: float | None, lang: Lang
) -> bool:
    """Print the cases' coverage; whether it is under ``--fail-under``."""
    measured = golden.coverage()
    print_coverage(console, measured, lang.value)
    if fail_under is not None and measured.covered * 100 < fail_under * measured.total:
        console.print(
            f"[bold red]覆盖率 {measured.percent:.1f}% 低于 --fail-under {fail_under:g}% / "
            f"coverage {measured.percent:.1f}% is under --fail-under {fail_under:g}%[/]"
        )
        return True
    return False


def _validate(
    fail_under: float | None,
    max_examples: int | None,
    packs: Path | None,
    catalog: Path | None,
    jobs: int,
    properties: bool,
) -> None:
    if fail_under is not None and not 0 <= fail_under <= 100:
        raise bad_option(
            "--fail-under", "应为 0 到 100 之间的百分数", "expected a percentage from 0 to 100"
        )
    if max_examples is not None and max_examples < 1:
        raise bad_option("--max-examples", "应为正整数", "expected a positive number")
    if jobs < 1:
        raise bad_option("--jobs", "应为正整数", "expected a positive number")
    if jobs != 1 and not properties:
        raise bad_option(
            "--jobs",
            "--jobs 只用于性质测试：请同时给出 --properties",
            "--jobs applies to the property tests: give --properties as well",
        )
    if packs is not None and not packs.is_dir():
        raise bad_option(
            "--packs", f"规则包目录不存在：{packs}", f"no such rules directory: {packs}"
        )
    if catalog is not None and not catalog.is_file():
        raise bad_option(
            "--catalog", f"目录文件不存在：{catalog}", f"no such catalog file: {catalog}"
        )


def _what(target: Path, files: int, cases: int, lang: str) -> str:
    if lang == "zh":
        return f"{target}：{files} 个案例文件，{cases} 个案例"
    return f"{target}: {files} case file{'s' * (files != 1)}, {cases} case{'s' * (cases != 1)}"


def _properties_what(packs: Path | None, examples: int, lang: str) -> str:
    where = str(packs) if packs is not None else ("内置规则包" if lang == "zh" else "bundled packs")
    if lang == "zh":
        return f"性质测试：{where}，每个 {examples} 个样例"
    return f"properties over {where}, {examples} examples each"
