"""A page of docs/ generated from the code: written, or (``--check``) compared with the file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def page_main(page: Path, render: Callable[[], str], module: str, argv: list[str] | None) -> int:
    """Write ``render()`` to ``page``; with ``--check``, exit 1 when the file is stale."""
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in args:
        current = page.read_text(encoding="utf-8") if page.exists() else ""
        if current != text:
            print(f"{page} is stale: run python -m {module}", file=sys.stderr)
            return 1
        return 0
    page.write_text(text, encoding="utf-8")
    print(f"wrote {page}")
    return 0
