"""The workbench: a 1,000-item catalog uploaded to its report page, and the ledger page
over 100,000 cases.

Targets: the upload (sent, loaded, checked, stored) and its report page under 3 s;
the ledger page (counts by department and the first page of due and overdue
cases) under 1 s with 100,000 cases in the store. Requests go through the whole
application in process (ASGI, multipart, session, CSRF, templates); the cases
are bulk-inserted as bench/ledger.py does.

    python bench/workbench.py [--quick]
"""

from __future__ import annotations

import importlib.util
import re
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from bench_support import quick_main
from permitlogic.load.sheet_writer import write_sheet
from permitlogic.models.catalog import Catalog
from permitlogic.service import ServiceSettings, create_app
from permitlogic.synth import SynthOptions, synth_catalog
from permitlogic.workbench.accounts import Role, add_user
from permitlogic.workbench.db import WorkbenchDb

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

Row = dict[str, Any]
HERE = Path(__file__).resolve().parent
PASSWORD = "bench-password"
TARGET_UPLOAD_S = 3.0
TARGET_LEDGER_S = 1.0


def _ledger_bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_ledger_cases", HERE / "ledger.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _signed_in(store: Path) -> tuple[TestClient, str]:
    client = TestClient(create_app(ServiceSettings(store=str(store))), client=("127.0.0.1", 1))
    login = client.get("/workbench/login")
    token = re.search(r'name="csrf" value="([^"]+)"', login.text)
    assert token is not None
    answer = client.post(
        "/workbench/login",
        data={"csrf": token.group(1), "name": "bench", "password": PASSWORD},
    )
    csrf = re.search(r'name="csrf" value="([^"]+)"', answer.text)
    assert answer.status_code == 200 and csrf is not None
    return client, csrf.group(1)


def _account(store: Path) -> None:
    db = WorkbenchDb.open(str(store))
    try:
        add_user(db, "bench", PASSWORD, Role.admin)
    finally:
        db.close()


def measure_upload(items: int, suffix: str, directory: Path, runs: int) -> Row:
    store = directory / f"upload-{items}-{suffix}.db"
    _account(store)
    catalog = Catalog.model_validate(synth_catalog(SynthOptions(items=items, seed=11)))
    path = directory / f"synthetic-{items}.{suffix}"
    if suffix == "xlsx":
        write_sheet(catalog, path)
    else:
        path.write_text(catalog.model_dump_json(exclude_defaults=True), encoding="utf-8")
    content = path.read_bytes()
    client, csrf = _signed_in(store)
    with client:
        review = client.post(
            "/workbench/reviews", data={"csrf": csrf, "county": "示范县", "year": "2026"}
        )
        number = review.url.path.rsplit("/", 1)[-1]
        times = []
        findings = 0
        for _ in range(runs):
            start = time.perf_counter()
            answer = client.post(
                f"/workbench/reviews/{number}/upload",
                data={"csrf": csrf},
                files={"file": (path.name, content)},
            )
            times.append(time.perf_counter() - start)
            assert answer.status_code == 200, answer.text[-2000:]
            findings = answer.text.count('class="num sev-error"')
    median = statistics.median(times)
    return {
        "section": "workbench",
        "what": f"upload {items:,}-item .{suffix} → review page",
        "median s": round(median, 2),
        "max s": round(max(times), 2),
        "target": f"< {TARGET_UPLOAD_S:.0f} s",
        "ratio": round(median / TARGET_UPLOAD_S, 2),
        "note": f"{len(content) / 1024:,.0f} KB, {findings} departments listed",
    }


def measure_ledger(count: int, directory: Path) -> list[Row]:
    ledger = _ledger_bench()
    store_path = directory / "ledger.db"
    _account(store_path)
    db = WorkbenchDb.open(str(store_path))
    try:
        start = time.perf_counter()
        ledger.million_cases(db.store, count)
        built = time.perf_counter() - start
    finally:
        db.close()
    client, _ = _signed_in(store_path)
    on = ledger.ON.isoformat()
    pages = {
        "ledger page (all departments)": f"/workbench/ledger?on={on}&within=5",
        "ledger page (one department)": f"/workbench/ledger?on={on}&within=5&department=县水利局",
        "ledger page (page 20)": f"/workbench/ledger?on={on}&within=5&page=20",
    }
    rows = []
    with client:
        for what, url in pages.items():
            client.get(url)  # warm the page cache, as the morning's first look would
            times = []
            for _ in range(5):
                start = time.perf_counter()
                answer = client.get(url)
                times.append(time.perf_counter() - start)
                assert answer.status_code == 200
            listed = answer.text.count("data-case=")
            median = statistics.median(times)
            rows.append(
                {
                    "section": "workbench",
                    "what": f"{what}, {count:,} cases",
                    "median s": round(median, 3),
                    "max s": round(max(times), 3),
                    "target": f"< {TARGET_LEDGER_S:.0f} s",
                    "ratio": round(median / TARGET_LEDGER_S, 3),
                    "note": f"{listed} rows shown; cases inserted in {built:.1f} s",
                }
            )
    return rows


def bench(quick: bool) -> list[Row]:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        runs = 3 if quick else 5
        rows = [
            measure_upload(1_000, "xlsx", directory, runs),
            measure_upload(1_000, "json", directory, runs),
        ]
        rows.extend(measure_ledger(20_000 if quick else 100_000, directory))
        return rows


def main(argv: list[str] | None = None) -> int:
    return quick_main(__doc__, bench, "3 runs and 20,000 cases instead of 5 and 100,000", argv)


if __name__ == "__main__":
    sys.exit(main())
