"""kill -9 of the service during logged batches: the log always replays, nothing answered is lost."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from permitlogic.cli import app as cli_app
from permitlogic.decision_log import DecisionLog, read_log
from permitlogic.errors import InputError
from permitlogic.service.examples import PROJECT
from served import serve
from sizes import scaled

KILLS = scaled(20, 2)
"""Kills of the service during batches: 20 in CI (PERMITLOGIC_TEST_FULL=1), 2 in a quick run."""
BATCH = 400

pytestmark = pytest.mark.slow


def _start(log: Path) -> tuple[subprocess.Popen[bytes], str]:
    served = serve(
        lambda port: [
            *(sys.executable, "-m", "permitlogic.cli", "serve", "--port", str(port)),
            *("--log", str(log)),
        ],
        wait_s=60,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    return served.process, served.base


def _post_batches(base: str, start: int, answered: list[str], stop: threading.Event) -> None:
    """Post batches until the service dies; every answered decision_id goes to ``answered``."""
    n = start
    with httpx.Client(timeout=30) as client:
        while not stop.is_set():
            batch = [dict(PROJECT, id=f"P-{n}-{i}") for i in range(BATCH)]
            n += 1
            try:
                response = client.post(f"{base}/v1/decide/green-channel", json=batch)
            except httpx.HTTPError:
                return
            assert response.status_code == 200, response.text
            answered.extend(d["decision_id"] for d in response.json())


def test_killed_service_leaves_a_log_that_replays(tmp_path: Path) -> None:
    log = tmp_path / "decisions.jsonl"
    rng = random.Random(18)
    answered: list[str] = []
    for kill in range(KILLS):
        process, base = _start(log)
        stop = threading.Event()
        poster = threading.Thread(target=_post_batches, args=(base, kill * 10_000, answered, stop))
        poster.start()
        time.sleep(rng.uniform(0.05, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        stop.set()
        poster.join()
    assert len(answered) > 0

    result = CliRunner().invoke(cli_app, ["replay", str(log), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    logged = {getattr(record, "decision_id", None) for _, record in read_log(log, incomplete=[])}
    # Every decision the service answered is in the log and replays unchanged.
    assert set(answered) <= logged
    assert report["decisions"] >= len(answered) and report["differences"] == []
    lines = log.read_bytes().split(b"\n")
    assert sorted(report["incomplete"]) == [
        number for number, line in enumerate(lines, start=1) if line and not line.endswith(b"}")
    ]


def test_a_cut_line_is_ended_on_reopen_and_skipped_by_replay(tmp_path: Path) -> None:
    path = tmp_path / "decisions.jsonl"
    first = DecisionLog(path)
    assert first.repaired is False
    first.close()
    whole = json.dumps({"kind": "catalog"})  # a JSON line that is not a record
    path.write_text('{"kind": "green_channel", "time": "2026-', encoding="utf-8")
    reopened = DecisionLog(path)
    assert reopened.repaired is True
    reopened.close()
    assert path.read_text(encoding="utf-8").endswith('"time": "2026-\n')

    incomplete: list[int] = []
    assert list(read_log(path, incomplete)) == [] and incomplete == [1]
    # Without the crash allowance, and for JSON that is not a record, the line is an error.
    with pytest.raises(InputError) as error:
        list(read_log(path))
    assert error.value.problems[0].location.line == 1
    path.write_text(whole + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        list(read_log(path, []))


def test_replay_reports_the_skipped_line(tmp_path: Path, client: Any, log_path: Path) -> None:
    assert client.post("/v1/decide/green-channel", json=[dict(PROJECT)]).status_code == 200
    with log_path.open("ab") as handle:
        handle.write(b'{"kind": "green_channel", "ti')
    assert DecisionLog(log_path).repaired is True
    assert client.post("/v1/decide/green-channel", json=[dict(PROJECT)]).status_code == 200
    result = CliRunner().invoke(cli_app, ["replay", str(log_path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "skipped line 2" in result.stdout and "2 decisions" in result.stdout
