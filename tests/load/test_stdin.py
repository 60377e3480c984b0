"""``permitlogic check -``: YAML or JSON on standard input, errors located in <stdin>."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parents[2] / "cases"
COMMAND = [sys.executable, "-c", "from permitlogic.cli import main; main()", "check", "-"]


def run(data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        COMMAND, input=data, capture_output=True, timeout=120, env=dict(os.environ)
    )


def test_yaml_and_json_on_stdin() -> None:
    text = (CASES / "demo-county.yaml").read_bytes()
    assert run(text).returncode == 0
    import yamlio

    data = yamlio.load(text)
    as_json = json.dumps(data, ensure_ascii=False, default=str).encode()
    done = run(b"\n  " + as_json.replace(b'"FG-002"', b'"FG-001"', 1))
    assert done.returncode == 2
    assert "<stdin>:2:" in done.stderr.decode() and "事项编码重复" in done.stderr.decode()
