"""`permitlogic serve` for real: uvicorn on a free loopback port, one decision, logged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from typer.testing import CliRunner

from permitlogic.cli import app as cli_app
from permitlogic.errors import InputError
from served import serve


def test_serve_answers_and_logs(tmp_path: Path, project: dict[str, Any]) -> None:
    log = tmp_path / "decisions.jsonl"
    served = serve(
        lambda port: [
            *(sys.executable, "-m", "permitlogic.cli", "serve", "--port", str(port)),
            *("--log", str(log), "--max-list", "2"),
        ],
        cwd=tmp_path,  # the workbench's store, permitlogic.db, is made here
    )
    base = served.base
    try:
        answer = httpx.post(f"{base}/v1/decide/green-channel", json=project, timeout=10)
        assert answer.status_code == 200
        too_many = httpx.post(f"{base}/v1/decide/green-channel", json=[project] * 3, timeout=10)
        assert too_many.status_code == 413
    finally:
        served.stop()
    [record] = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert record["decision_id"] == answer.json()["decision_id"]


def test_serve_refuses_a_log_in_a_missing_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli_app, ["serve", "--log", str(tmp_path / "missing" / "decisions.jsonl")]
    )
    assert isinstance(result.exception, InputError)
    assert result.exception.problems[0].location.key == "--log"


def test_a_bad_rules_dir_is_an_input_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "deferral.yaml").write_text("version: 1\nrules: nope\n", encoding="utf-8")
    log = tmp_path / "decisions.jsonl"
    log.write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "permitlogic.cli", "replay", str(log), "--rules", str(rules)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "deferral.yaml" in result.stderr
