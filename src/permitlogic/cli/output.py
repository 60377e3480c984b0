"""Where a command's rendered output goes: standard output, or the ``--output`` file."""

from __future__ import annotations

import sys
from pathlib import Path


def write_rendered(rendered: str | bytes, output: Path | None) -> None:
    """Text or bytes to ``output``, or to standard output when none is given."""
    if output is None:
        sys.stdout.write(rendered if isinstance(rendered, str) else rendered.decode())
    elif isinstance(rendered, bytes):
        output.write_bytes(rendered)
    else:
        output.write_text(rendered, encoding="utf-8")
