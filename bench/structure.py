"""Structure checks (PL101–PL109) on a large synthetic catalog: time and peak memory.

The catalog (``permitlogic.synth``) has 50,000 items, one 10,000-item
prerequisite cycle and 1,000 small (2–3 item) cycles. The target: all
structure checks, graph included, under 10 s and under 2 GiB. Wall-clock
seconds and CPU seconds of this process are both shown: on a shared machine
the CPU time is the steadier figure.

    python bench/structure.py [--quick]

``bench(quick)`` is what ``bench/run.py`` calls. Times are measured without
tracing; the peak memory of the checks is a second run under ``tracemalloc``
(Python allocations, the graph included), and the process's peak RSS is
printed too.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from typing import Any

from permitlogic.check_context import CheckContext
from permitlogic.check_runner import build_context, check
from permitlogic.check_support.prerequisite_edges import material_edges
from permitlogic.checks.registry import selected
from permitlogic.models.catalog import Catalog
from permitlogic.synth import SynthOptions, synth_catalog

Row = dict[str, Any]
TARGET_SECONDS = 10.0
TARGET_MIB = 2048.0


def options(quick: bool) -> SynthOptions:
    if quick:
        return SynthOptions(items=5_000, seed=7, cycle=1_000, small_cycles=100)
    return SynthOptions(items=50_000, seed=7, cycle=10_000, small_cycles=1_000)


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(quick: bool = False) -> list[Row]:
    """One row per structure check, then the whole run (graph + every check)."""
    chosen = options(quick)
    data = synth_catalog(chosen)
    catalog = Catalog.model_validate(data)
    size = f"{len(catalog.items):,} items"
    rows: list[Row] = []

    start, cpu = time.perf_counter(), time.process_time()
    ctx = build_context(catalog)
    graph_s, graph_cpu = time.perf_counter() - start, time.process_time() - cpu
    rows.append(
        {
            "check": "graph (build_context)",
            "size": size,
            "seconds": round(graph_s, 2),
            "cpu s": round(graph_cpu, 2),
            "findings": "",
            "note": f"{ctx.graph.number_of_nodes():,} nodes, {ctx.graph.number_of_edges():,} edges",
        }
    )
    check_rows, checks_s, checks_cpu = _check_rows(ctx, size)
    rows.extend(check_rows)
    structure_s = graph_s + checks_s
    rows.append(
        {
            "check": "graph + all structure checks",
            "size": size,
            "seconds": round(structure_s, 2),
            "cpu s": round(graph_cpu + checks_cpu, 2),
            "findings": "",
            "note": f"{structure_s / TARGET_SECONDS:.0%} of the {TARGET_SECONDS:.0f} s target",
        }
    )
    rows.append(_runner_row(catalog, chosen, size))
    rows.append(_materials_row(data, size))
    rows.append(
        {
            "check": "process peak RSS",
            "size": size,
            "seconds": "",
            "cpu s": "",
            "findings": "",
            "note": f"{_peak_rss_mib():,.0f} MiB (synthetic data and catalog included)",
        }
    )
    return rows


def _check_rows(ctx: CheckContext, size: str) -> tuple[list[Row], float, float]:
    """One row per structure check; their total seconds and CPU seconds."""
    rows: list[Row] = []
    checks_s = checks_cpu = 0.0
    for found in selected(["PL1"], None):
        start, cpu = time.perf_counter(), time.process_time()
        count = sum(1 for _ in found.run(ctx))
        elapsed, used = time.perf_counter() - start, time.process_time() - cpu
        checks_s += elapsed
        checks_cpu += used
        rows.append(
            {
                "check": f"{found.meta.id} {found.meta.name}",
                "size": size,
                "seconds": round(elapsed, 2),
                "cpu s": round(used, 2),
                "findings": count,
                "note": "",
            }
        )
    return rows, checks_s, checks_cpu


def _runner_row(catalog: Catalog, chosen: SynthOptions, size: str) -> Row:
    """``check --select PL1`` as the command runs it, timed, then again under tracemalloc."""
    start, cpu = time.perf_counter(), time.process_time()
    report = check(catalog, select=["PL1"])
    total_s, total_cpu = time.perf_counter() - start, time.process_time() - cpu

    tracemalloc.start()
    check(catalog, select=["PL1"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_mib = peak / 2**20
    cycles = sum(1 for f in report.findings if f.rule == "PL101")
    return {
        "check": "check --select PL1 (runner, with chain timelines)",
        "size": size,
        "seconds": round(total_s, 2),
        "cpu s": round(total_cpu, 2),
        "findings": len(report.findings),
        "note": (
            f"peak traced {peak_mib:,.0f} MiB ({peak_mib / TARGET_MIB:.0%} of 2 GiB); "
            f"{cycles:,} PL101 findings "
            f"(planted: 1 ring of {chosen.cycle:,} and {chosen.small_cycles:,} small)"
        ),
    }


def _materials_row(data: dict[str, Any], size: str) -> Row:
    """Prerequisites found among the materials when every item asks for a document."""
    for index, item in enumerate(data["items"]):
        item["materials"] = [*item["materials"], {"id": "mx", "name": f"第{index % 97}号审查意见"}]
    ctx = build_context(Catalog.model_validate(data))
    start, cpu = time.perf_counter(), time.process_time()
    found = material_edges(ctx)
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    return {
        "check": "prerequisites found among the materials",
        "size": size,
        "seconds": round(elapsed, 2),
        "cpu s": round(used, 2),
        "findings": len(found),
        "note": "every item given one material naming an opinion (worst case: none matches an item)",
    }


def bench(quick: bool) -> list[Row]:
    """What bench/run.py calls."""
    return measure(quick)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="5,000 items instead of 50,000")
    args = parser.parse_args(argv)
    from rich.console import Console
    from rich.table import Table

    rows = measure(args.quick)
    table = Table(title="structure checks", title_justify="left")
    for column in rows[0]:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
