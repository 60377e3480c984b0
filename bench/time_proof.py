"""Time proofs: the z3 proof of a chain against the plain networkx longest path.

``python bench/time_proof.py [--quick]`` prints one row per chain size
(100, 1,000 and 10,000 items): the synthetic catalog of ``permitlogic.synth``
(one chain in four stages, its prerequisite DAG), with a bound on every stage
and on the chain, the first stage's bound 10% short of its worst case so that
the proof also finds a violation and names its unsat core; then a denser
10,000-item chain with every bound violated. Both sides start
from the same chain plan; each time is the best of a few runs. ``z3 proof``
builds the SMT-LIB model, solves it, reads the schedule and the critical
paths back and proves each violated bound (unsat core); ``networkx`` builds
each stage's DAG and takes its longest path and earliest starts. The goal is
z3/networkx <= 10 at 10,000 items. ``bench/run.py`` calls ``bench(quick)``.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections.abc import Callable
from typing import Any

from permitlogic.models.catalog import Catalog
from permitlogic.packs.checks_pack import bundled_checks_pack
from permitlogic.synth import STAGES, SynthOptions, synth_catalog
from permitlogic.timing.chains import ChainPlan, chain_plan
from permitlogic.timing.proof import prove_chain
from permitlogic.timing.schedule import chain_schedule

SIZES = [100, 1_000, 10_000]
QUICK_SIZES = [100, 1_000]
GOAL = 10.0
Row = dict[str, Any]


def chain_of(size: int, seed: int = 7) -> ChainPlan:
    """A synthetic chain of ``size`` items in four stages, with bounds on everything."""
    # About 62% of synthetic items are licenses, and chains are made of licenses.
    data = synth_catalog(
        SynthOptions(
            items=math.ceil(size / 0.55), seed=seed, chains=1, chain_items=size, defect_rate=0
        )
    )
    catalog = Catalog.model_validate(data)
    thresholds = bundled_checks_pack().thresholds
    plan = chain_plan(catalog.chains[0], catalog.item_map(), thresholds)
    worst = chain_schedule(plan)
    chain = data["chains"][0]
    for index, (stage, schedule) in enumerate(zip(chain["stages"], worst.stages, strict=True)):
        factor = 0.9 if index == 0 else 1.1
        stage["bound_days"] = int(schedule.worst_case_days * factor)
    chain["bound_days"] = sum(stage["bound_days"] for stage in chain["stages"])
    catalog = Catalog.model_validate(data)
    return chain_plan(catalog.chains[0], catalog.item_map(), thresholds)


def dense_chain_of(size: int, seed: int = 1) -> ChainPlan:
    """A harder chain: about 1.5 prerequisites per item inside each stage, every bound violated.

    Each item requires up to three of the 50 items listed before it in its
    stage, so the stages are deep; every stage bound and the chain bound are
    10% short, so the proof also finds and proves five violations.
    """
    rng = random.Random(seed)
    per_stage = max(1, size // len(STAGES))
    items: list[dict[str, Any]] = []
    stages: list[dict[str, Any]] = [{"name": name, "items": []} for name in STAGES]
    for index in range(size):
        stage = min(index // per_stage, len(STAGES) - 1)
        first = stage * per_stage
        before = sorted(
            {
                rng.randrange(max(first, index - 50), index)
                for _ in range(rng.choice([0, 1, 2, 2, 3]))
            }
            if index > first
            else set()
        )
        items.append(
            {
                "id": f"D-{index:05d}",
                "name": f"事项{index}",
                "department": f"部门{index % 12}",
                "kind": "license",
                "promised_days": rng.randint(0, 20),
                "prerequisites": [{"item": f"D-{b:05d}"} for b in before],
            }
        )
        stages[stage]["items"].append(f"D-{index:05d}")
    data: dict[str, Any] = {
        "catalog": {"id": f"dense-{size}", "jurisdiction": "合成县"},
        "items": items,
        "chains": [{"id": "dense", "name": "稠密流程", "stages": stages}],
    }
    thresholds = bundled_checks_pack().thresholds
    catalog = Catalog.model_validate(data)
    worst = chain_schedule(chain_plan(catalog.chains[0], catalog.item_map(), thresholds))
    for stage_data, schedule in zip(stages, worst.stages, strict=True):
        stage_data["bound_days"] = int(schedule.worst_case_days * 0.9)
    data["chains"][0]["bound_days"] = int(worst.total_days * 0.9)
    catalog = Catalog.model_validate(data)
    return chain_plan(catalog.chains[0], catalog.item_map(), thresholds)


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(size: int, dense: bool = False) -> Row:
    plan = dense_chain_of(size) if dense else chain_of(size)
    runs = 3 if size >= 10_000 else 5
    proof = prove_chain(plan)
    schedule = chain_schedule(plan)
    agree = proof.total_days == schedule.total_days and [s.holds for s in proof.stages] == (
        schedule.stage_holds(plan)
    )
    z3_seconds = best_of(runs, lambda: prove_chain(plan))
    nx_seconds = best_of(runs, lambda: chain_schedule(plan))
    edges = sum(len(before) for stage in plan.stages for before in stage.prerequisites)
    ratio = z3_seconds / nx_seconds
    return {
        "section": "time proof",
        "chain": f"{plan.item_count:,} items" + (" (dense)" if dense else ""),
        "edges": f"{edges:,}",
        "worst case": f"{proof.total_days} d",
        "violated": sum(1 for s in proof.stages if s.holds is False) + (proof.holds is False),
        "z3 proof ms": round(z3_seconds * 1000, 1),
        "networkx ms": round(nx_seconds * 1000, 1),
        "z3/networkx": round(ratio, 1),
        "goal": f"<= {GOAL:g}x" + (" ok" if ratio <= GOAL else " MISSED") if size >= 10_000 else "",
        "agree": "yes" if agree else "NO",
    }


def bench(quick: bool = False) -> list[Row]:
    """One row per chain size (bench/run.py's section ``time_proof``)."""
    rows = [measure(size) for size in (QUICK_SIZES if quick else SIZES)]
    if not quick:
        rows.append(measure(SIZES[-1], dense=True))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 items only")
    args = parser.parse_args()
    from rich.console import Console
    from rich.table import Table

    rows = bench(args.quick)
    table = Table(title="z3 proof vs networkx longest path", title_justify="left")
    columns = [key for key in rows[0] if key != "section"]
    for column in columns:
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(*(str(row[c]) for c in columns))
    Console().print(table)


if __name__ == "__main__":
    main()
