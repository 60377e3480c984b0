"""Single green-channel decisions over HTTP from 8 clients, with ``serve --workers`` 1, 2 and 4.

    python bench/workers.py [--quick] [--workers 1 2 4]

Each run starts ``permitlogic serve --workers N`` on loopback, lets 8 client
threads post one decision per request (each on a keep-alive connection of raw
HTTP/1.1, as wrk does: see service_load.RawConnection), and prints
decisions/s (wall clock) and the server's CPU per decision summed over its
processes. The clients run on the same machine and take their share of its
cores: on 2 cores, more workers than cores only add contention. Goal: ≥ 2,000
decisions/s with 8 clients; the ``met`` column says which worker counts reach
it here. Run it when ``uptime`` shows the machine otherwise idle: the figures
are wall-clock rates.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CLIENTS = 8
GOAL_PER_S = 2_000


def _service_load() -> Any:
    found = sys.modules.get("bench_service_load")
    if found is not None:
        return found
    spec = importlib.util.spec_from_file_location("bench_service_load", HERE / "service_load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run(workers: int, count: int) -> dict[str, Any]:
    load = _service_load()
    with (
        tempfile.TemporaryDirectory() as tmp,
        load.running_service(Path(tmp) / "decisions.jsonl", workers) as service,
    ):
        deadline = time.monotonic() + load.START_TIMEOUT_S
        # One worker is the serving process itself; more are its children.
        while (
            workers > 1
            and len(load._children(service.pid)) < workers
            and time.monotonic() < deadline
        ):
            time.sleep(0.2)
        load.single_concurrent(service, 40 * CLIENTS, CLIENTS)  # warm every worker up
        row = load.single_concurrent(service, count, CLIENTS)
    return {
        "workers": workers,
        "clients": CLIENTS,
        "decisions": row["decisions"],
        "decisions/s": row["decisions/s"],
        "p50 ms": row["p50 ms"],
        "p99 ms": row["p99 ms"],
        "server CPU ms/decision": row["server CPU ms/decision"],
        "goal": f"≥ {GOAL_PER_S:,}/s",
        "met": row["decisions/s"] >= GOAL_PER_S,
    }


def bench(quick: bool = False, workers: tuple[int, ...] = (1, 2, 4)) -> list[dict[str, Any]]:
    """Rows for bench/run.py: one per worker count."""
    count = 2_000 if quick else 10_000
    return [run(n, count) for n in workers]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer requests")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args(argv)
    _service_load().print_table(bench(args.quick, tuple(args.workers)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
