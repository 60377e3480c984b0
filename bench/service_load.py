"""Load test of the decision service on loopback: requests/s and p50/p99 latency.

Starts ``permitlogic serve`` in a subprocess on a free port of 127.0.0.1, sends a
bounded number of requests (each phase also stops at its time budget), prints a
table and stops the server. Targets: batch green-channel ≥ 5,000 decisions/s,
single-decision p99 < 20 ms.

    python bench/service_load.py [--quick]

``bench(quick)`` is what ``bench/run.py`` calls.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from permitlogic.models.decision import Project, ProjectCategory
from permitlogic.packs.green_channel import project_flags

HOST = "127.0.0.1"
Row = dict[str, Any]
START_TIMEOUT_S = 240.0
PHASE_BUDGET_S = 30.0

GOAL_BATCH_PER_S = 5_000
GOAL_SINGLE_P99_MS = 20.0

BOOLEAN_FIELDS = tuple(name for name in Project.model_fields if name in project_flags())
"""A project's yes/no fields, in the model's order."""
CATEGORIES = tuple(category.value for category in ProjectCategory)


def projects(count: int, seed: int = 11) -> list[dict[str, Any]]:
    """Deterministic green-channel inputs, most of them eligible, some not."""
    rng = random.Random(seed)
    out = []
    for index in range(count):
        project: dict[str, Any] = {
            "id": f"P-{index:06d}",
            "name": f"项目 {index}",
            "category": rng.choice(CATEGORIES),
        }
        for name in BOOLEAN_FIELDS:
            project[name] = rng.random() < 0.9
        out.append(project)
    return out


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Service:
    base: str
    pid: int

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the server and its worker processes so far (Linux), or None."""
        total = 0.0
        for pid in [self.pid, *_children(self.pid)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return None
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total


def _children(pid: int) -> list[int]:
    """The process's descendants (uvicorn's worker processes), Linux only."""
    try:
        found = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    return [*found, *(grand for child in found for grand in _children(child))]


@contextmanager
def running_service(log: Path, workers: int = 1) -> Iterator[Service]:
    """``permitlogic serve`` on a free loopback port; stopped on exit, whatever happens."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "permitlogic.cli",
        "serve",
        "--host",
        HOST,
        "--port",
        str(port),
        "--log",
        str(log),
        "--workers",
        str(workers),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://{HOST}:{port}"
    try:
        _wait_until_up(base, server)
        yield Service(base, server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            error = server.stderr.read().decode("utf-8", "replace") if server.stderr else ""
            raise RuntimeError(f"the service exited with {server.returncode}: {error[-2000:]}")
        try:
            if httpx.get(base + "/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the service did not answer /healthz within {START_TIMEOUT_S:.0f} s")


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _timed_posts(
    post: Callable[[bytes], httpx.Response], bodies: list[bytes], budget_s: float
) -> list[float]:
    """Latency in seconds of each request, in order, until the list or the budget ends."""
    latencies = []
    stop = time.monotonic() + budget_s
    for body in bodies:
        started = time.perf_counter()
        response = post(body)
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"unexpected {response.status_code}: {response.text[:500]}")
        if time.monotonic() > stop:
            break
    return latencies


class RawConnection:
    """One keep-alive HTTP/1.1 connection: requests prepared as bytes, answers read whole.

    The clients share the machine's cores with the server, and an httpx request
    costs the client about as much CPU as the server spends answering it; the
    single-decision phases use this instead (as wrk or hey do), so the cores go
    to the server. An answer is its status line, its headers and Content-Length
    bytes of body; anything else is an error.
    """

    def __init__(self, base: str) -> None:
        host, port = base.removeprefix("http://").rsplit(":", 1)
        self.host = host
        self.socket = socket.create_connection((host, int(port)), timeout=60)
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def request(self, path: str, body: bytes) -> bytes:
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        return head.encode("ascii") + body

    def send(self, request: bytes) -> tuple[int, bytes]:
        """Send one prepared request; its status and body."""
        self.socket.sendall(request)
        while b"\r\n\r\n" not in self.buffer:
            self._read()
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1])
            for line in lines[1:]
            if line.lower().startswith(b"content-length:")
        )
        self.buffer = rest
        while len(self.buffer) < length:
            self._read()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return status, body

    def _read(self) -> None:
        chunk = self.socket.recv(65536)
        if not chunk:
            raise ConnectionError("the service closed the connection")
        self.buffer += chunk

    def close(self) -> None:
        self.socket.close()


def _raw_posts(base: str, bodies: list[bytes], budget_s: float, warm_up: int = 0) -> list[float]:
    """Latency in seconds of each green-channel request over one raw connection."""
    connection = RawConnection(base)
    try:
        requests = [connection.request("/v1/decide/green-channel", body) for body in bodies]
        for request in requests[:warm_up]:
            connection.send(request)
        latencies = []
        stop = time.monotonic() + budget_s
        for request in requests:
            started = time.perf_counter()
            status, answer = connection.send(request)
            latencies.append(time.perf_counter() - started)
            if status != 200:
                raise RuntimeError(f"unexpected {status}: {answer[:500]!r}")
            if time.monotonic() > stop:
                break
        return latencies
    finally:
        connection.close()


def single_sequential(service: Service, count: int) -> Row:
    bodies = [json.dumps(p, ensure_ascii=False).encode() for p in projects(count + 20, seed=1)]
    _raw_posts(service.base, bodies[:20], PHASE_BUDGET_S)  # warm-up: first-call costs
    cpu = service.cpu_seconds()
    started = time.perf_counter()
    latencies = _raw_posts(service.base, bodies[20:], PHASE_BUDGET_S)
    elapsed = time.perf_counter() - started
    return _row(
        "single, 1 client", len(latencies), len(latencies), elapsed, latencies, service, cpu
    )


def single_concurrent(service: Service, count: int, clients: int) -> Row:
    base = service.base
    bodies = [json.dumps(p, ensure_ascii=False).encode() for p in projects(count, seed=2)]
    shares = [bodies[i::clients] for i in range(clients)]

    def worker(share: list[bytes]) -> list[float]:
        return _raw_posts(base, share, PHASE_BUDGET_S)

    cpu = service.cpu_seconds()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(worker, shares))
    elapsed = time.perf_counter() - started
    latencies = [value for result in results for value in result]
    count = len(latencies)
    return _row(f"single, {clients} clients", count, count, elapsed, latencies, service, cpu)


def batch(service: Service, size: int, batches: int) -> Row:
    base = service.base
    body = json.dumps(projects(size, seed=3), ensure_ascii=False).encode()
    with httpx.Client(
        base_url=base, headers={"content-type": "application/json"}, timeout=120.0
    ) as client:

        def post(content: bytes) -> httpx.Response:
            return client.post("/v1/decide/green-channel", content=content)

        first = post(body)  # warm-up, and a check that every input got its decision
        answered = len(first.json())
        if answered != size:
            raise RuntimeError(f"a batch of {size} got {answered} decisions")
        cpu = service.cpu_seconds()
        started = time.perf_counter()
        latencies = _timed_posts(post, [body] * batches, PHASE_BUDGET_S)
        elapsed = time.perf_counter() - started
    count = len(latencies)
    return _row(f"batch of {size:,}", count, count * size, elapsed, latencies, service, cpu)


def _row(
    name: str,
    requests: int,
    decisions: int,
    elapsed: float,
    latencies: list[float],
    service: Service,
    cpu_before: float | None,
) -> Row:
    cpu_after = service.cpu_seconds()
    cpu_per_decision = (
        round((cpu_after - cpu_before) / decisions * 1000, 3)
        if cpu_before is not None and cpu_after is not None
        else ""
    )
    return {
        "phase": name,
        "requests": requests,
        "decisions": decisions,
        "requests/s": round(requests / elapsed, 1),
        "decisions/s": round(decisions / elapsed),
        "p50 ms": round(statistics.median(latencies) * 1000, 2),
        "p99 ms": round(_percentile(latencies, 0.99) * 1000, 2),
        "server CPU ms/decision": cpu_per_decision,
    }


def bench(quick: bool = False) -> list[Row]:
    """Rows for bench/run.py: single and batch green-channel decisions over HTTP."""
    single_count = 500 if quick else 3_000
    batches = 3 if quick else 10
    with (
        tempfile.TemporaryDirectory() as tmp,
        running_service(Path(tmp) / "decisions.jsonl") as base,
    ):
        rows = [
            single_sequential(base, single_count),
            single_concurrent(base, single_count, clients=8),
            batch(base, 10_000, batches),
        ]
    for row in rows:
        if row["phase"] == "single, 1 client":
            row["goal"] = f"p99 < {GOAL_SINGLE_P99_MS:.0f} ms"
            row["met"] = row["p99 ms"] < GOAL_SINGLE_P99_MS
        elif row["phase"].startswith("batch"):
            row["goal"] = f"≥ {GOAL_BATCH_PER_S:,}/s"
            row["met"] = row["decisions/s"] >= GOAL_BATCH_PER_S
    return rows


def print_table(rows: list[Row]) -> None:
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(str(row.get(c, "")).ljust(widths[c]) for c in columns))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer requests")
    args = parser.parse_args(argv)
    print_table(bench(args.quick))
    return 0


if __name__ == "__main__":
    sys.exit(main())
