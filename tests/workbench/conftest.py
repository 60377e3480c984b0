"""Workbench tests: a real ``permitlogic serve`` over a fresh store, and accounts made by the CLI."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from workbench_support import ACCOUNTS, Server, add_user  # noqa: E402

from browser_support import CHROMIUM_ARGS, playwright_and_chromium, screenshot_dir  # noqa: E402


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A served workbench, one for the browser modules of a test process (starting it
    and its accounts costs more than most of their tests); the first page is read
    before any account exists, then the accounts of ACCOUNTS are made with
    ``permitlogic users add``."""
    directory = tmp_path_factory.mktemp("workbench")
    with Server.start(directory) as running:
        running.first_login_page = running.get("/", follow_redirects=True).text
        for name, (role, scope) in ACCOUNTS.items():
            add_user(running.store, name, role, scope)
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium found as the HTML report's browser test finds it (never downloaded).

    One per module, not per test process: Playwright's sync API keeps its event loop
    running while it is open, and later tests of the same process run ``asyncio.run``."""
    with playwright_and_chromium() as (playwright, executable):
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A fresh browser profile (no cookies) at the smallest screen the offices use."""
    opened = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return screenshot_dir(tmp_path)
