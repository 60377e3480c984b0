"""The HTML report in a real browser: headless Chromium, offline, click an item, see its findings.

Needs Debian's ``chromium`` (or ``PERMITLOGIC_CHROMIUM`` pointing at a
Chromium binary) and the ``playwright`` Python package; the browser is never
downloaded. Screenshots go to the test's tmp dir, or to
``PERMITLOGIC_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import CHROMIUM_ARGS, playwright_and_chromium, screenshot_dir, snap
from permitlogic.graph import prerequisite_graph
from permitlogic.report import html
from permitlogic.report.context import RenderInput

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CASES = ROOT / "cases"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with (
        playwright_and_chromium() as (playwright, executable),
        tempfile.TemporaryDirectory() as profile,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1500, "height": 950},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return screenshot_dir(tmp_path)


class Opened:
    """A report page opened from a file, with every request and script error it caused."""

    def __init__(self, context: Any, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")


def open_report(context: Any, inp: RenderInput, tmp_path: Path) -> Opened:
    path = tmp_path / f"{inp.report.catalog.id}.html"
    path.write_text(html.render([inp]), encoding="utf-8")
    return Opened(context, path)


def test_flawed_report_shows_graph_findings_and_timelines(
    browser: Any, checked: Callable[..., RenderInput], tmp_path: Path, shots: Path
) -> None:
    inp = checked(CASES / "flawed-county.yaml")
    opened = open_report(browser, inp, tmp_path)
    page = opened.page
    graph = prerequisite_graph(inp.catalog)
    assert page.locator("svg.graph").is_visible()
    assert page.locator("svg.graph g.node").count() == graph.number_of_nodes()
    findings = page.locator("article.finding")
    assert findings.count() == len(inp.report.findings) > 0
    listed = page.locator("section.findings").inner_text()
    for finding in inp.report.findings:
        assert finding.message_zh in listed
        assert finding.citation in listed
    if inp.catalog.chains:
        assert inp.report.timelines, "the time proofs gave no timeline for the catalog's chains"
    assert page.locator("figure.timeline").count() == len(inp.report.timelines)
    for timeline in inp.report.timelines:
        figure = page.locator(f'figure.timeline[data-chain="{timeline.chain}"]')
        assert figure.is_visible()
        if timeline.schedulable and timeline.stages:
            assert figure.locator("svg.timeline-chart g.bar").count() > 0
    snap(page, shots, "flawed-county-top.png")
    assert opened.errors == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in opened.requests)


def test_clicking_an_item_shows_its_findings_and_basis(
    browser: Any, checked: Callable[..., RenderInput], tmp_path: Path, shots: Path
) -> None:
    inp = checked(CASES / "flawed-county.yaml")
    opened = open_report(browser, inp, tmp_path)
    page = opened.page
    items = inp.catalog.item_map()
    counts: dict[str, int] = {}
    for finding in inp.report.findings:
        for item in dict.fromkeys(finding.items):
            if item in items:
                counts[item] = counts.get(item, 0) + 1
    item = max(counts, key=lambda i: (counts[i], i))
    node = page.locator(f'svg.graph g.node[data-item="{item}"]')
    node.scroll_into_view_if_needed()
    node.click()
    panel = page.locator("#panel")
    assert item in panel.locator(".panel-title").inner_text()
    boxes = panel.locator(".panel-finding")
    assert boxes.count() == counts[item]
    text = panel.inner_text()
    for finding in inp.report.findings:
        if item in finding.items:
            assert finding.message_zh in text
    for basis in items[item].basis:
        assert basis.cite() in text
    assert "selected" in (node.get_attribute("class") or "")
    snap(page, shots, "flawed-county-panel.png")

    # An item id in the findings list opens the same panel for that item.
    chip = page.locator("article.finding button.chip").first
    other = chip.get_attribute("data-item")
    chip.click()
    assert other is not None and other in panel.locator(".panel-title").inner_text()
    assert opened.errors == []


def test_demo_report_opens_offline(
    browser: Any, checked: Callable[..., RenderInput], tmp_path: Path, shots: Path
) -> None:
    inp = checked(CASES / "demo-county.yaml")
    opened = open_report(browser, inp, tmp_path)
    page = opened.page
    assert page.locator("svg.graph").is_visible()
    assert page.locator("article.finding").count() == len(inp.report.findings)
    assert page.locator("figure.timeline").count() == len(inp.report.timelines)
    snap(page, shots, "demo-county-top.png")
    page.locator("section.graph-section").scroll_into_view_if_needed()
    snap(page, shots, "demo-county-graph.png")
    assert opened.errors == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in opened.requests)


def test_clicking_a_timeline_bar_shows_the_item(
    browser: Any, county: RenderInput, tmp_path: Path, shots: Path
) -> None:
    opened = open_report(browser, county, tmp_path)
    page = opened.page
    bar = page.locator('svg.timeline-chart g.bar[data-item="JS-001"]')
    bar.scroll_into_view_if_needed()
    assert "bar-critical" in (bar.get_attribute("class") or "")
    bar.click()
    panel = page.locator("#panel")
    assert "JS-001" in panel.locator(".panel-title").inner_text()
    on_item = [f for f in county.report.findings if "JS-001" in f.items]
    assert panel.locator(".panel-finding").count() == len(on_item) > 0
    snap(page, shots, "county-timeline.png")
    assert opened.errors == []


def test_department_box_of_a_collapsed_graph_lists_its_findings(
    browser: Any, checked: Callable[..., RenderInput], tmp_path: Path
) -> None:
    import json

    from permitlogic.synth import SynthOptions, synth_catalog

    path = tmp_path / "large.json"
    data = synth_catalog(SynthOptions(items=450, seed=3))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    inp = checked(path)
    counts: dict[str, int] = {}
    for finding in inp.report.findings:
        if finding.department:
            counts[finding.department] = counts.get(finding.department, 0) + 1
    department = max(counts, key=lambda d: (counts[d], d))
    opened = open_report(browser, inp, tmp_path)
    page = opened.page
    box = page.locator(f'svg.graph g.node-department[data-department="{department}"]')
    box.scroll_into_view_if_needed()
    box.click()
    panel = page.locator("#panel")
    assert panel.locator(".panel-title").inner_text() == department
    assert panel.locator(".panel-finding").count() == counts[department]
    assert opened.errors == []
