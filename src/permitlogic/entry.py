"""The ``permitlogic`` console script: ``--version`` at once, every other command through Typer."""

from __future__ import annotations

import sys


def main() -> None:
    """Answer ``permitlogic --version`` without importing anything; else run the CLI."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from permitlogic import __version__

        sys.stdout.write(f"permitlogic {__version__}\n")
        return
    from permitlogic.cli import run_as_process

    run_as_process()
