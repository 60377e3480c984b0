"""Headless Chromium for the browser tests: Debian's ``chromium`` (or ``PERMITLOGIC_CHROMIUM``).

The browser is never downloaded; without one (or without the ``playwright``
package) the browser tests are skipped.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
