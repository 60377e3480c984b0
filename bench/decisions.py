"""Decisions per second in one process, for both packs, and memory over a million decisions.

    python bench/decisions.py [--n N] [--batch B] [--singles S]

For each pack (green channel, 容缺受理): N decisions in lists of B (as the
HTTP service receives them), timed by the wall clock and by the process's CPU
time (the CPU figure is what one core does when the machine is shared); RSS
after the first 10,000 decisions and after all N; and S decisions made one
call at a time. Goals: ≥ 100,000 decisions/s, RSS growth < 50 MB.

The engine sees each distinct fact once per pack version; the other inputs
reuse its firings (see permitlogic.decide.compiled_ruleset).

``bench(quick)`` gives the rows for bench/run.py; ``run(n, batch, singles)``
all the figures.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from permitlogic.decide.api import (
    decide_deferral,
    decide_deferral_batch,
    decide_green_channel,
    decide_green_channel_batch,
)
from permitlogic.load.catalog import load_catalog
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Application, Project, ProjectCategory
from permitlogic.packs.green_channel import project_flags
from permitlogic.workdays import bundled_calendar

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "cases" / "decisions" / "data" / "catalog.yaml"
GOAL_PER_SECOND = 100_000
GOAL_GROWTH_MB = 50.0
FIRST = 10_000
POOL = 10_000


class PackFigures(NamedTuple):
    pack: str
    decisions: int
    batch: int
    wall_seconds: float
    cpu_seconds: float
    rss_first_mb: float
    rss_last_mb: float
    singles: int
    singles_wall_seconds: float
    singles_cpu_seconds: float

    @property
    def per_second_wall(self) -> float:
        return self.decisions / self.wall_seconds

    @property
    def per_second_cpu(self) -> float:
        return self.decisions / self.cpu_seconds

    @property
    def growth_mb(self) -> float:
        return self.rss_last_mb - self.rss_first_mb

    def row(self) -> dict[str, Any]:
        return {
            **self._asdict(),
            "per_second_wall": round(self.per_second_wall),
            "per_second_cpu": round(self.per_second_cpu),
            "singles_per_second_wall": round(self.singles / self.singles_wall_seconds),
            "singles_per_second_cpu": round(self.singles / self.singles_cpu_seconds),
            "growth_mb": round(self.growth_mb, 1),
            "goal_per_second": GOAL_PER_SECOND,
            "goal_growth_mb": GOAL_GROWTH_MB,
            "meets_goals": self.per_second_cpu >= GOAL_PER_SECOND
            and self.growth_mb < GOAL_GROWTH_MB,
        }


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def project_pool(rng: random.Random) -> list[Project]:
    flags = sorted(project_flags())
    categories = list(ProjectCategory)
    return [
        Project(
            id=f"P-{n:06d}",
            name="项目",
            category=rng.choice(categories),
            **{flag: rng.random() < 0.9 for flag in flags},
        )
        for n in range(POOL)
    ]


def application_pool(rng: random.Random, catalog: Catalog) -> list[Application]:
    items = [*catalog.items, None]
    credits = ["good"] * 8 + ["warned", "blacklisted"]
    start = date(2026, 1, 5)
    pool = []
    for n in range(POOL):
        item = rng.choice(items)
        materials = [m.id for m in item.materials] if item else ["m1"]
        submitted = [m for m in materials if rng.random() < 0.8]
        pool.append(
            Application(
                id=f"A-{n:06d}",
                item=item.id if item else "ZZ-404",
                applicant={"id": f"9142{n:06d}", "credit": rng.choice(credits)},
                received=start + timedelta(days=rng.randrange(300)),
                submitted=submitted,
                commitment=rng.random() < 0.85,
            )
        )
    return pool


def measure(
    name: str,
    pool: Sequence[Any],
    decide_list: Callable[[Sequence[Any]], Sequence[Any]],
    decide_one: Callable[[Any], Any],
    n: int,
    batch: int,
    singles: int,
) -> PackFigures:
    decide_list(pool[:batch])  # compile the pack and warm the caches
    gc.collect()
    done = 0
    rss_first = 0.0
    wall, cpu = time.perf_counter(), time.process_time()
    while done < n:
        size = min(batch, n - done)
        start = done % len(pool)
        chunk = pool[start : start + size]
        decide_list(chunk)
        done += len(chunk)
        if not rss_first and done >= FIRST:
            rss_first = rss_mb()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    gc.collect()
    rss_last = rss_mb()
    single_wall, single_cpu = time.perf_counter(), time.process_time()
    for k in range(singles):
        decide_one(pool[k % len(pool)])
    single_wall, single_cpu = time.perf_counter() - single_wall, time.process_time() - single_cpu
    return PackFigures(
        name, n, batch, wall, cpu, rss_first or rss_last, rss_last, singles, single_wall, single_cpu
    )


def run(n: int = 1_000_000, batch: int = 1_000, singles: int = 20_000) -> list[dict[str, Any]]:
    """The figures of both packs, one dict per pack (see PackFigures.row)."""
    rng = random.Random(20260213)
    catalog = load_catalog(CATALOG)
    calendar = bundled_calendar()
    projects = project_pool(rng)
    applications = application_pool(rng, catalog)
    green = measure(
        "green-channel",
        projects,
        decide_green_channel_batch,
        decide_green_channel,
        n,
        batch,
        singles,
    )
    deferral = measure(
        "deferral",
        applications,
        lambda chunk: decide_deferral_batch(chunk, catalog, calendar=calendar),
        lambda one: decide_deferral(one, catalog, calendar=calendar),
        n,
        batch,
        singles,
    )
    return [green.row(), deferral.row()]


def bench(quick: bool = False) -> list[dict[str, Any]]:
    """Rows for bench/run.py: 1,000,000 decisions per pack (100,000 with ``quick``)."""
    figures = run(100_000 if quick else 1_000_000, 1_000, 5_000 if quick else 20_000)
    return [
        {
            "pack": r["pack"],
            "decisions": f"{r['decisions']:,}",
            "decisions/s (wall)": f"{r['per_second_wall']:,}",
            "decisions/s (CPU)": f"{r['per_second_cpu']:,}",
            "single calls/s (CPU)": f"{r['singles_per_second_cpu']:,}",
            f"RSS after {FIRST:,} MB": round(r["rss_first_mb"], 1),
            "RSS after all MB": round(r["rss_last_mb"], 1),
            "growth MB": r["growth_mb"],
            "goal": f"≥ {GOAL_PER_SECOND:,}/s, growth < {GOAL_GROWTH_MB:.0f} MB",
            "met": r["meets_goals"],
        }
        for r in figures
    ]


def table(rows: Sequence[dict[str, Any]]) -> str:
    lines = [
        f"{'pack':<14} {'decisions':>10} {'wall s':>8} {'/s wall':>9} {'/s CPU':>9} "
        f"{'single /s':>10} {'RSS@10k MB':>11} {'RSS@end MB':>11} {'growth MB':>10}  goals",
    ]
    for r in rows:
        lines.append(
            f"{r['pack']:<14} {r['decisions']:>10,} {r['wall_seconds']:>8.1f} "
            f"{r['per_second_wall']:>9,} {r['per_second_cpu']:>9,} "
            f"{r['singles_per_second_cpu']:>10,} {r['rss_first_mb']:>11.1f} "
            f"{r['rss_last_mb']:>11.1f} {r['growth_mb']:>10.1f}  "
            f"{'met' if r['meets_goals'] else 'NOT met'}"
        )
    lines.append(
        f"goals: ≥ {GOAL_PER_SECOND:,} decisions/s (CPU time of one process), "
        f"RSS growth < {GOAL_GROWTH_MB:.0f} MB from {FIRST:,} to the last decision; "
        "lists of the batch size, as the HTTP service receives them; "
        "'single' = one call per decision"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="decisions per pack")
    parser.add_argument("--batch", type=int, default=1_000, help="decisions per list")
    parser.add_argument("--singles", type=int, default=20_000, help="single-call decisions")
    args = parser.parse_args(argv)
    print(table(run(args.n, args.batch, args.singles)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
