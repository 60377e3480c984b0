"""Time to write the XLSX report of many findings (the legal office's workbook).

``python bench/report_xlsx.py [--items 20000]`` prints the figure; ``bench/run.py``
calls :func:`bench`. The catalog is the synthetic one of ``permitlogic.synth``
with a high defect rate, so that a 20,000-item catalog has over 5,000
findings; only the rendering is timed (wall and CPU seconds).

Goal: the XLSX report of 5,000 findings in under 10 s.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from bench_support import items_main, loaded_synthetic
from permitlogic.check_runner import check
from permitlogic.packs.checks_pack import bundled_checks_pack
from permitlogic.report import xlsx
from permitlogic.report.context import RenderInput
from permitlogic.synth import SynthOptions

ITEMS = 20_000
GOAL_S = 10.0


def measure(items: int, seed: int = 7) -> dict[str, Any]:
    """Check a synthetic catalog of ``items`` items, then time writing its XLSX report."""
    catalog, source = loaded_synthetic(SynthOptions(items=items, seed=seed, defect_rate=0.4))
    report = check(catalog, source=source)
    started, cpu = time.perf_counter(), time.process_time()
    book = xlsx.render([RenderInput(report, catalog, source, bundled_checks_pack(), "zh")])
    render_s = time.perf_counter() - started
    cpu_s = time.process_time() - cpu
    return {
        "section": "report_xlsx",
        "size": f"{items:,} items",
        "findings": len(report.findings),
        "render s": round(render_s, 2),
        "render CPU s": round(cpu_s, 2),
        "goal": f"< {GOAL_S:g} s at 5,000 findings",
        "findings/s": round(len(report.findings) / render_s) if render_s else "",
        "file MB": round(len(book) / 1_000_000, 1),
    }


def bench(quick: bool) -> list[dict[str, Any]]:
    """The rows ``bench/run.py`` prints."""
    sizes = [1_000] if quick else [1_000, ITEMS]
    return [measure(size) for size in sizes]


def main(argv: list[str] | None = None) -> int:
    return items_main(__doc__, measure, ITEMS, argv)


if __name__ == "__main__":
    sys.exit(main())
