"""``permitlogic import`` of 1,000 published rows: the whole process, start to exit.

The rows are the first 1,000 of the 广安区 list (cases/real/guangan-district),
laid out as the county publishes it (title row, merged department cells) by
that folder's make_sheet.py, as XLSX and as CSV. Each file is imported by a
fresh ``python -m permitlogic import … -o …`` process, three times; the best
and the median wall-clock seconds are shown, and the best CPU seconds (user +
system) of the process, the steadier figure on a shared machine. The target:
under 2 s.

    python bench/import_published.py [--quick]
"""

from __future__ import annotations

import csv
import importlib.util
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from bench_support import quick_main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "cases" / "real" / "guangan-district"
Row = dict[str, Any]
TARGET_SECONDS = 2.0


def _sample_rows() -> list[tuple[str, str, str, str, str]]:
    spec = importlib.util.spec_from_file_location("make_sheet", SAMPLE / "make_sheet.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows: list[tuple[str, str, str, str, str]] = module.rows()
    return rows


def _write(directory: Path, count: int) -> list[Path]:
    rows = _sample_rows()[:count]
    headers = ["序号", "主管部门", "事项名称", "子项名称", "事项编码", "事项类型"]
    book = Workbook()
    sheet = book.active
    sheet.append([f"广安区政务服务事项（前 {count} 行）"])
    sheet.append(headers)
    start = 3
    for n, (department, main, name, code, kind) in enumerate(rows, start=1):
        sheet.append([n, department, main or None, name, code, int(kind)])
    first = start
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i][0] != rows[first - start][0]:
            last = i + start - 1
            if last > first:
                for r in range(first + 1, last + 1):
                    sheet.cell(r, 2).value = None
                sheet.merge_cells(start_row=first, start_column=2, end_row=last, end_column=2)
            first = i + start
    xlsx = directory / f"published-{count}.xlsx"
    book.save(xlsx)
    csv_path = directory / f"published-{count}.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        for n, (department, main, name, code, kind) in enumerate(rows, start=1):
            writer.writerow([n, department, main, name, code, kind])
    return [xlsx, csv_path]


def _run(path: Path, out: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one whole ``permitlogic import`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "permitlogic.cli", "import", str(path), "-o", str(out), "--force"],
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def bench(quick: bool) -> list[Row]:
    count = 200 if quick else 1_000
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in _write(Path(tmp), count):
            runs = [_run(path, Path(tmp) / "out.yaml") for _ in range(3)]
            walls, cpus = [w for w, _ in runs], [c for _, c in runs]
            rows.append(
                {
                    "file": path.suffix[1:],
                    "size": f"{count:,} rows",
                    "best s": round(min(walls), 2),
                    "median s": round(statistics.median(walls), 2),
                    "best cpu s": round(min(cpus), 2),
                    "target": f"< {TARGET_SECONDS:g} s",
                    "ratio": round(min(walls) / TARGET_SECONDS, 2),
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    return quick_main(__doc__, bench, "200 rows instead of 1,000", argv)


if __name__ == "__main__":
    sys.exit(main())
