"""Headless Chromium for the browser tests: Debian's ``chromium`` (or ``PERMITLOGIC_CHROMIUM``).

The browser is never downloaded; without one (or without the ``playwright``
package) the browser tests are skipped.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from sizes import FULL

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    wanted = os.environ.get("PERMITLOGIC_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot_dir(fallback: Path) -> Path:
    """``PERMITLOGIC_SCREENSHOTS`` when set (kept for review), else the test's tmp dir."""
    wanted = os.environ.get("PERMITLOGIC_SCREENSHOTS")
    directory = Path(wanted) if wanted else fallback
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def snap(page: Any, directory: Path, name: str, *, full_page: bool = False) -> None:
    """A screenshot for review: taken when ``PERMITLOGIC_SCREENSHOTS`` names a folder and
    in the full run (CI), not in a quick run, where nobody looks at it."""
    if FULL or os.environ.get("PERMITLOGIC_SCREENSHOTS"):
        page.screenshot(path=str(directory / name), full_page=full_page)


@contextmanager
def playwright_and_chromium() -> Iterator[tuple[Any, str]]:
    """A running Playwright and the Chromium to launch with it; the test skips without them."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed"
    )
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set PERMITLOGIC_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        yield playwright, executable
