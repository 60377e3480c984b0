"""permitlogic benchmarks: run with ``python bench/run.py`` or ``permitlogic bench``.

Each section prints numbers and ratios against the targets the project set;
nothing here is a pass/fail test. ``--quick`` runs smaller sizes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from permitlogic.check_runner import check
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.synth import SynthOptions, synth_catalog

HERE = Path(__file__).resolve().parent
Row = dict[str, Any]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_load_and_check(sizes: list[int]) -> list[Row]:
    """Load (JSON) + the two foundation checks (PL107, PL202), as `permitlogic check` does."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"synthetic-{size}.json"
            data = synth_catalog(SynthOptions(items=size, seed=7))
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            start = time.perf_counter()
            catalog, source = load_catalog_sourced(path)
            loaded = time.perf_counter()
            report = check(catalog, select=["PL107", "PL202"], source=source)
            done = time.perf_counter()
            rows.append(
                {
                    "section": "load + check (PL107, PL202)",
                    "size": f"{size:,} items",
                    "load s": round(loaded - start, 2),
                    "check s": round(done - loaded, 2),
                    "total s": round(done - start, 2),
                    "target": "< 5 s at 50,000" if size == 50_000 else "",
                    "findings": len(report.findings),
                }
            )
    return rows


def _section(name: str) -> Callable[[bool], list[Row]] | None:
    """The ``bench(quick)`` function of bench/<name>.py, if that benchmark exists."""
    path = HERE / f"{name}.py"
    if not path.exists():
        return None
    if (
        str(HERE) not in sys.path
    ):  # sections import bench_support (``permitlogic bench`` runs us by path)
        sys.path.insert(0, str(HERE))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    function = getattr(module, "bench", None)
    return function if callable(function) else None


SECTIONS = [
    "startup",
    "structure",
    "time_proof",
    "decisions",
    "ledger",
    "report_html",
    "report_xlsx",
    "service_load",
    "import_published",
    "workbench",
    "scale",
    "workers",
]


def print_rows(console: Console, title: str, rows: list[Row]) -> None:
    if not rows:
        return
    table = Table(title=title, title_justify="left")
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns and k != "section")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(row.get(c, "")) for c in columns))
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="permitlogic benchmarks")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a quick look")
    parser.add_argument(
        "--only", action="append", help=f"run only these sections: load, {', '.join(SECTIONS)}"
    )
    args = parser.parse_args(argv)
    # Wide tables stay readable when the output goes to a file or a CI log.
    console = Console() if sys.stdout.isatty() else Console(width=220)
    chosen = args.only or ["load", *SECTIONS]
    if "load" in chosen:
        sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 50_000]
        print_rows(console, "load + check", bench_load_and_check(sizes))
    for name in SECTIONS:
        if name not in chosen:
            continue
        function = _section(name)
        if function is None:
            console.print(f"[dim]{name}: not available[/]")
            continue
        print_rows(console, name, function(args.quick))
    console.print(f"peak RSS of this process: {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
