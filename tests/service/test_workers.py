"""``serve --workers 2``: two processes behind one port, each with a decision log of its own that replays."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from permitlogic.cli import app as cli_app
from permitlogic.service.examples import APPLICATION, PROJECT
from permitlogic.service.workers import worker_log_path
from served import serve

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "cases" / "demo-county.yaml"


pytestmark = pytest.mark.slow


def test_two_workers_log_apart_and_each_log_replays(tmp_path: Path) -> None:
    log = tmp_path / "decisions.jsonl"
    served = serve(
        lambda port: [
            *(sys.executable, "-m", "permitlogic.cli", "serve", "--port", str(port)),
            *("--workers", "2", "--catalog", str(DEMO), "--log", str(log)),
        ],
        wait_s=240,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    server, base = served.process, served.base
    try:
        catalog_id = "demo-county-2026"
        answered = 0
        with httpx.Client(base_url=base, timeout=30) as client:
            for n in range(40):
                # A new connection each time, so that both workers take requests.
                response = httpx.post(
                    base + "/v1/decide/green-channel", json={**PROJECT, "id": f"P-{n}"}
                )
                assert response.status_code == 200, response.text
                deferral = client.post(
                    "/v1/decide/deferral",
                    params={"catalog": catalog_id},
                    json={**APPLICATION, "id": f"A-{n}"},
                )
                assert deferral.status_code == 200, deferral.text
                answered += 2
    finally:
        server.terminate()
        server.wait(timeout=60)
    logs = sorted(tmp_path.glob("decisions.*.jsonl"))
    assert not log.exists()
    assert 1 <= len(logs) <= 2
    pids = {int(path.suffixes[0][1:]) for path in logs}
    assert all(worker_log_path(log, pid) in logs for pid in pids)
    decided = 0
    for path in logs:
        replayed = CliRunner().invoke(cli_app, ["replay", str(path), "--format", "json"])
        assert replayed.exit_code == 0, replayed.output
        report = json.loads(replayed.stdout)
        assert report["differences"] == []
        assert report["unchanged"] == report["decisions"]
        decided += report["decisions"]
    assert decided == answered
