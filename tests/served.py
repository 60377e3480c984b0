"""A service process for a test: started on a free port, and waited for until it answers.

A port that is free when chosen may be taken before the service binds it (by
another test's server, or as the local port of some connection): a service that
exits while starting is started again on another port, a few times, and only its
last standard error is the failure's message.
"""

from __future__ import annotations

import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

ATTEMPTS = 3


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Ask the service to end (SIGTERM) and wait for it."""
        self.process.terminate()
        self.process.wait(timeout=15)


def serve(command: Callable[[int], list[str]], *, wait_s: float = 120, **popen: Any) -> Served:
    """``command(port)`` started on a free port, once ``GET /healthz`` answers 200 there."""
    last = ""
    for _ in range(ATTEMPTS):
        port = free_port()
        # A file, not a pipe: a long-running service must never block on a full pipe.
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen(
                command(port), stdout=subprocess.DEVNULL, stderr=errors, **popen
            )
            if _answers(process, port, wait_s):
                return Served(process, port)
            if process.poll() is None:
                process.kill()
                process.wait()
                raise AssertionError(f"{command(port)}: no answer within {wait_s} s")
            errors.seek(0)
            last = errors.read().decode("utf-8", errors="replace")
    raise AssertionError(f"{command(0)} did not start ({ATTEMPTS} ports tried):\n{last}")


def _answers(process: subprocess.Popen[bytes], port: int, wait_s: float) -> bool:
    deadline = time.monotonic() + wait_s
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return True
        except httpx.TransportError:
            time.sleep(0.1)
    return False
