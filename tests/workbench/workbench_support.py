"""A running ``permitlogic serve`` with its own store, and the accounts the tests sign in as."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from served import serve

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "cases"
PASSWORD = "correct-horse-7"
COUNTY = "示范县"
DEPARTMENT = "县交通运输局"
UPLOAD_MB = 1
"""The servers run with PERMITLOGIC_MAX_FILE_MB=1, so an oversized upload is cheap to make."""

ACCOUNTS: dict[str, tuple[str, list[str]]] = {
    "admin": ("admin", []),
    "reviewer": ("reviewer", ["--county", COUNTY]),
    "transport": ("reviewer", ["--county", COUNTY, "--department", DEPARTMENT]),
    "clerk": ("clerk", []),
}


def cli_process(
    *args: str, input: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The command as a process of its own (for what only a real process shows)."""
    return subprocess.run(
        [sys.executable, "-m", "permitlogic.cli", *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def cli(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command in this process, as the console script runs it (``main``: an
    input error becomes its message and exit code 2), with its own stdin, stdout
    and stderr: the same exit code and outputs, without starting an interpreter."""
    from typer.testing import CliRunner

    from permitlogic.cli import main

    argv = sys.argv
    code: int = 0
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # Click < 8.2
    except TypeError:
        runner = CliRunner()  # Click >= 8.2 keeps stderr apart
    with runner.isolation(input=input) as streams:
        sys.argv = ["permitlogic", *args]
        try:
            main()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        finally:
            sys.argv = argv
            sys.stdout.flush()
            sys.stderr.flush()
        out, err = streams[0].getvalue(), streams[1].getvalue()
    return subprocess.CompletedProcess(
        ["permitlogic", *args], code, out.decode("utf-8"), err.decode("utf-8")
    )


def add_user(store: Path, name: str, role: str, scope: list[str]) -> None:
    done = cli(
        "users",
        "add",
        name,
        "--role",
        role,
        *scope,
        "--password-stdin",
        "--store",
        str(store),
        input=PASSWORD + "\n",
    )
    assert done.returncode == 0, done.stderr


@dataclass
class Server:
    base: str
    store: Path
    log: Path
    process: subprocess.Popen[bytes]
    first_login_page: str = ""

    @classmethod
    @contextmanager
    def start(cls, directory: Path) -> Iterator[Server]:
        store = directory / "permitlogic.db"
        log = directory / "decisions.jsonl"
        env = {**os.environ, "PERMITLOGIC_MAX_FILE_MB": str(UPLOAD_MB)}
        served = serve(
            lambda port: [
                sys.executable,
                "-m",
                "permitlogic.cli",
                "serve",
                "--port",
                str(port),
                "--store",
                str(store),
                "--log",
                str(log),
            ],
            cwd=directory,
            env=env,
        )
        try:
            yield cls(served.base, store, log, served.process)
        finally:
            served.stop()

    def get(self, path: str, **options: Any) -> httpx.Response:
        return httpx.get(self.base + path, timeout=30, **options)

    def url(self, path: str) -> str:
        return self.base + path
