"""Time to render the HTML report of a large catalog (target: under 10 s at 10,000 items).

``python bench/report_html.py [--items 10000]`` prints the figure; ``bench/run.py``
calls :func:`bench`. The catalog is the synthetic one of ``permitlogic.synth``
(12 departments, a prerequisite DAG, chains, 1% planted defects), checked by
every check; only the rendering is timed for the target, the check is shown
beside it. Past 400 nodes the page draws the graph by department.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from bench_support import items_main, loaded_synthetic
from permitlogic.check_runner import check
from permitlogic.packs.checks_pack import bundled_checks_pack
from permitlogic.report import html
from permitlogic.report.context import RenderInput
from permitlogic.synth import SynthOptions

TARGET_S = 10.0
TARGET_ITEMS = 10_000


def measure(items: int, seed: int = 7) -> dict[str, Any]:
    """Check a synthetic catalog of ``items`` items, then time rendering its HTML report."""
    catalog, source = loaded_synthetic(
        SynthOptions(items=items, seed=seed, small_cycles=max(items // 1000, 1))
    )
    started = time.perf_counter()
    report = check(catalog, source=source)
    checked = time.perf_counter()
    page = html.render([RenderInput(report, catalog, source, bundled_checks_pack(), "zh")])
    rendered = time.perf_counter()
    render_s = rendered - checked
    return {
        "section": "report_html",
        "size": f"{items:,} items",
        "findings": len(report.findings),
        "check s": round(checked - started, 2),
        "render s": round(render_s, 2),
        "page MB": round(len(page.encode("utf-8")) / 1_000_000, 1),
        "graph": "by department" if 'class="graph collapsed' in page else "by item",
        "target": f"render < {TARGET_S:g} s" if items == TARGET_ITEMS else "",
        "ratio": f"{render_s / TARGET_S:.2f} of target" if items == TARGET_ITEMS else "",
    }


def bench(quick: bool) -> list[dict[str, Any]]:
    """The rows ``bench/run.py`` prints."""
    sizes = [1_000] if quick else [1_000, TARGET_ITEMS]
    return [measure(size) for size in sizes]


def main(argv: list[str] | None = None) -> int:
    return items_main(__doc__, measure, TARGET_ITEMS, argv)


if __name__ == "__main__":
    sys.exit(main())
