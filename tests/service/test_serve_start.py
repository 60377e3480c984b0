"""`permitlogic serve` refuses to start where it cannot listen, before printing its banner."""

from __future__ import annotations

import socket
import subprocess
import sys

ENTRY = [sys.executable, "-c", "from permitlogic.entry import main; main()"]


def test_a_busy_port_is_exit_2_naming_it() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*ENTRY, "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert f"127.0.0.1:{port}" in done.stderr
    assert "--port" in done.stderr
    assert "http://" not in done.stderr  # no banner of a service that never ran
    assert "Traceback" not in done.stderr
