"""Signing in and moving through the workbench in headless Chromium, with every answer kept."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from workbench_support import PASSWORD, Server


@dataclass
class Visit:
    """One signed-in browser tab and the status of every response it received."""

    page: Any
    server: Server
    statuses: list[tuple[int, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def go(self, path: str) -> Any:
        return self.page.goto(self.server.url(path))

    def count(self, name: str) -> int:
        return int(self.page.locator(f'[data-count="{name}"]').inner_text())

    @property
    def server_errors(self) -> list[tuple[int, str]]:
        return [(status, url) for status, url in self.statuses if status >= 500]

    @property
    def foreign_requests(self) -> list[str]:
        return [url for _, url in self.statuses if not url.startswith(self.server.base)]


def open_tab(context: Any, server: Server) -> Visit:
    page = context.new_page()
    visit = Visit(page, server)
    page.on("response", lambda response: visit.statuses.append((response.status, response.url)))
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    return visit


SIGNED_IN: dict[tuple[str, str], list[Any]] = {}
"""The cookies of each account's first sign-in through the form, by server and name.

No browser test signs out, so later tests of the process start from these
cookies in their fresh context: a sign-in costs the server an argon2 check."""


def sign_in(context: Any, server: Server, name: str) -> Visit:
    """A tab signed in as ``name``: through the login form the first time, then with
    the session that sign-in gave."""
    visit = open_tab(context, server)
    page = visit.page
    cookies = SIGNED_IN.get((server.base, name))
    if cookies is not None:
        context.add_cookies(cookies)
        visit.go("/")
    else:
        visit.go("/")
        page.fill('input[name="name"]', name)
        page.fill('input[name="password"]', PASSWORD)
        page.click('form[action$="/login"] button[type="submit"]')
        page.wait_for_load_state("load")
    assert page.locator("span.user").inner_text().startswith(name)
    if cookies is None:
        SIGNED_IN[(server.base, name)] = context.cookies()
    return visit


def create_review(visit: Visit, county: str, year: int = 2026) -> int:
    visit.go("/workbench/reviews")
    page = visit.page
    if page.locator('#new-review input[name="county"]').get_attribute("readonly") is None:
        page.fill('#new-review input[name="county"]', county)
    page.fill('#new-review input[name="year"]', str(year))
    page.click("#new-review button[type=submit]")
    page.wait_for_load_state("load")
    found = re.search(r"/reviews/(\d+)", page.url)
    assert found, page.url
    return int(found.group(1))


def upload(visit: Visit, review: int, path: Any, *, baseline: bool = False) -> Any:
    """Send a file through the review page's form; the page the server answered with."""
    visit.go(f"/workbench/reviews/{review}")
    form = "#upload-baseline" if baseline else "#upload-round"
    page = visit.page
    page.set_input_files(f"{form} input[type=file]", str(path))
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")
    return page
