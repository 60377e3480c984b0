"""Start-up: whole ``permitlogic`` processes, as a user or an editor hook runs them.

    python bench/startup.py [--runs 5]

Each command runs ``--runs`` times (after one warm-up run that fills the
bytecode cache); the median wall time and the median CPU time (user + system
of the child) are printed with their ratio to ``python -c pass``, the floor of
any Python command. The CPU figure is what the command costs when the machine
is shared; the wall figure is what a user waits for. Targets (wall): ``--help``
and ``--version`` < 0.25 s, ``check cases/demo-county.yaml`` < 0.8 s,
``decide green-channel`` of one project < 0.5 s.

``bench(quick)`` gives the rows for bench/run.py.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"
# What the ``permitlogic`` console script runs.
ENTRY = [sys.executable, "-c", "from permitlogic.entry import main; main()"]

ONE_PROJECT = """\
project:
  id: P-2026-0117
  name: 县城北污水处理厂扩建
  category: major_infrastructure
  emergency_designated: false
  urban: true
  eia_approval: true
  reviewed_drawings: true
  contractor_selected: true
  supervisor_selected: true
  wage_deposit_paid: true
  safety_deposit_paid: true
  dust_deposit_paid: false
  injury_insurance: true
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds of ``runs`` runs of ``command``."""
    env = {**os.environ, "COLUMNS": "100"}
    subprocess.run(command, capture_output=True, check=False, cwd=ROOT, env=env)
    walls, cpus = [], []
    for _ in range(runs):
        cpu = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False, cwd=ROOT, env=env)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{command} exited {done.returncode}: {done.stderr.decode()}")
    return statistics.median(walls), statistics.median(cpus)


def run(runs: int = 5) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project.yaml"
        project.write_text(ONE_PROJECT, encoding="utf-8")
        commands: list[tuple[str, list[str], float | None]] = [
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("permitlogic --version", [*ENTRY, "--version"], 0.25),
            ("permitlogic --help", [*ENTRY, "--help"], 0.25),
            ("permitlogic check cases/demo-county.yaml", [*ENTRY, "check", "cases/demo-county.yaml"], 0.8),
            ("permitlogic decide green-channel (one project)", [*ENTRY, "decide", "green-channel", str(project)], 0.5),
        ]  # fmt: skip
        rows: list[dict[str, Any]] = []
        floor_wall = floor_cpu = 0.0
        for name, command, target in commands:
            wall, cpu = measure(command, runs)
            if target is None:
                floor_wall, floor_cpu = wall, cpu
            rows.append(
                {
                    "section": "startup",
                    "command": name,
                    "wall s (median)": f"{wall:.3f}",
                    "× python -c pass": f"{wall / floor_wall:.1f}" if floor_wall else "",
                    "CPU s (median)": f"{cpu:.3f}",
                    "CPU ×": f"{cpu / floor_cpu:.1f}" if floor_cpu else "",
                    "target (wall)": f"< {target} s" if target else "",
                    "met": ("yes" if wall < target else "no") if target else "",
                }
            )
        return rows


def bench(quick: bool) -> list[dict[str, Any]]:
    return run(runs=3 if quick else 5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for row in run(args.runs):
        print("  ".join(f"{k}: {v}" for k, v in row.items() if k != "section"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
