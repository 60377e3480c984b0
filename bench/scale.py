"""Whole-process ``permitlogic check`` on synthetic catalogs: CPU seconds, wall time and peak RSS.

    python bench/scale.py [--quick] [--sizes 50000 200000]

Each run is a fresh ``permitlogic check FILE`` with all checks, output to a
pipe (as in CI or a script), measured from outside: user + system CPU of the
child, wall time, and its peak resident memory. Sizes: 50,000 items from
JSON, YAML and XLSX, text and JSON output; 200,000 items from JSON and from
YAML (memory must grow linearly). The catalogs come from ``permitlogic.synth``
(YAML written by libyaml's emitter when present). On a shared machine the wall time includes waiting for a core; CPU seconds do not.
"× json.load" divides the check's CPU by that of ``json.load`` of the same catalog
as JSON, measured in a fresh process just before: this machine's pace moves by
a quarter or more over a day, and the ratio compares runs made at different times
(the issue that set the goals measured 14 × json.load for 50,000 items from JSON).

Goals: 50,000 items < 5 s from JSON, < 10 s from YAML or XLSX; text output
≤ 1.2 × JSON; 200,000 items < 2 GiB (from JSON and from YAML).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from permitlogic.synth import SynthOptions, synth_catalog

GIB = 1024**3

BEFORE: dict[tuple[int, str, str], tuple[float, int | None]] = {
    (50_000, "JSON", "json"): (10.5, 720),
    (50_000, "YAML", "json"): (20.8, None),
    (50_000, "XLSX", "json"): (18.7, None),
    (200_000, "JSON", "json"): (75.0, 3400),
}
"""(items, from, output) → CPU s and peak RSS MB measured before the scale work (a3fb197)."""


def _file(directory: Path, size: int, suffix: str) -> Path:
    path = directory / f"synthetic-{size}{suffix}"
    if path.exists():
        return path
    data = synth_catalog(SynthOptions(items=size, seed=7))
    if suffix == ".json":
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif suffix == ".yaml":
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when present
        path.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True), encoding="utf-8")
    else:
        from permitlogic.load.catalog import load_catalog
        from permitlogic.load.sheet_writer import write_sheet

        write_sheet(load_catalog(_file(directory, size, ".json")), path)
    return path


def measure(path: Path, output: str) -> dict[str, float]:
    """CPU s, wall s and peak RSS (bytes) of one ``permitlogic check`` process.

    A small helper process starts the check and reads its rusage, so the
    figures are the check's alone.
    """
    script = (
        "import resource,subprocess,sys,time;"
        "t=time.perf_counter();"
        f"r=subprocess.run([sys.executable,'-m','permitlogic.cli','check',{str(path)!r},'-f',"
        f"{output!r}],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
        "w=time.perf_counter()-t;"
        "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(r.returncode,u.ru_utime+u.ru_stime,w,u.ru_maxrss);"
        "sys.stderr.write(r.stderr.decode()[-500:])"
    )
    # Large synthetic catalogs are over the default limits against hostile files.
    env = {**os.environ, "PERMITLOGIC_MAX_FILE_MB": "2000", "PERMITLOGIC_MAX_ITEMS": "1000000"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    code, cpu, wall, rss = done.stdout.split()
    if int(code) not in (0, 1):
        raise RuntimeError(f"check {path.name} exited {code}: {done.stderr}")
    return {"cpu": float(cpu), "wall": float(wall), "rss": int(rss) * 1024}


def json_load_cpu(path: Path) -> float:
    """CPU seconds of ``json.load`` of ``path`` in a fresh process (the machine's pace now).

    This machine's speed moves by a quarter or more from one hour to the next; the
    check's CPU over this, taken just before it, compares runs made at different times.
    """
    script = (
        "import json,sys,time;t=time.process_time();"
        "json.load(open(sys.argv[1],encoding='utf-8'));print(time.process_time()-t)"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True)
    return float(done.stdout)


def row(
    path: Path, size: int, fmt: str, output: str, goal_s: float | None, twin: Path
) -> dict[str, Any]:
    """One measured check; ``twin`` is the same catalog as JSON (for the pace reference)."""
    pace = json_load_cpu(twin)
    figures = measure(path, output)
    rss = figures["rss"]
    found = {
        "items": f"{size:,}",
        "from": fmt,
        "output": output,
        "CPU s": round(figures["cpu"], 2),
        "× json.load": round(figures["cpu"] / pace, 1),
        "wall s": round(figures["wall"], 2),
        "peak RSS MB": round(rss / 1024**2),
        "goal": f"< {goal_s:g} s" if goal_s else "< 2 GiB",
        "before": _before(size, fmt, output),
        "met": figures["cpu"] < goal_s if goal_s else rss < 2 * GIB,
    }
    print(found, file=sys.stderr, flush=True)  # a long run shows its progress
    return found


def _before(size: int, fmt: str, output: str) -> str:
    """The figures before, as ``CPU s / MB`` (empty where none was taken)."""
    found = BEFORE.get((size, fmt, output))
    if found is None:
        return ""
    cpu, rss = found
    return f"{cpu:g} s" + (f" / {rss} MB" if rss is not None else "")


def bench(
    quick: bool = False, sizes: tuple[int, ...] = (50_000, 200_000), files: Path | None = None
) -> list[dict[str, Any]]:
    """Rows for bench/run.py (``quick``: 10,000 items from JSON and YAML only).

    ``files``: a folder that keeps the synthetic catalogs between runs (else a temporary one).
    """
    with tempfile.TemporaryDirectory() as tmp:
        directory = files if files is not None else Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        return _rows(directory, quick, sizes)


def _rows(directory: Path, quick: bool, sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if quick:
        size = 10_000
        twin = _file(directory, size, ".json")
        for suffix, fmt in ((".json", "JSON"), (".yaml", "YAML")):
            rows.append(row(_file(directory, size, suffix), size, fmt, "json", None, twin))
        return rows
    for size in sizes:
        twin = _file(directory, size, ".json")
        if size <= 50_000:
            text = row(twin, size, "JSON", "text", 5.0, twin)
            as_json = row(twin, size, "JSON", "json", 5.0, twin)
            text["text ÷ JSON"] = round(text["CPU s"] / as_json["CPU s"], 2)
            rows += [as_json, text]
            rows.append(row(_file(directory, size, ".yaml"), size, "YAML", "json", 10.0, twin))
            rows.append(row(_file(directory, size, ".xlsx"), size, "XLSX", "json", 10.0, twin))
        else:
            rows.append(row(twin, size, "JSON", "json", None, twin))
            rows.append(row(_file(directory, size, ".yaml"), size, "YAML", "json", None, twin))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="10,000 items only")
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--files", type=Path, help="keep the synthetic catalogs in this folder")
    args = parser.parse_args(argv)
    rows = bench(args.quick, tuple(args.sizes), args.files)
    columns: list[str] = []
    for r in rows:
        columns.extend(k for k in r if k not in columns)
    print("  ".join(columns))
    for r in rows:
        print("  ".join(str(r.get(c, "")) for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
