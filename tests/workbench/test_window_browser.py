"""The window and the ledger in a real browser: decisions, the printed notice, a case followed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser_pages import Visit, create_review, sign_in, upload
from workbench_support import CASES, COUNTY, Server, cli

from browser_support import snap
from permitlogic.decide.api import decide_deferral
from permitlogic.load.catalog import load_catalog

pytestmark = pytest.mark.browser

FULL_BASELINE = (
    "eia_approval",
    "reviewed_drawings",
    "contractor_selected",
    "supervisor_selected",
    "wage_deposit_paid",
    "safety_deposit_paid",
    "dust_deposit_paid",
    "injury_insurance",
)
APPLICATION = {
    "id": "A-2026-00931",
    "item": "JS-004",
    "applicant": {"id": "91420100MA4K3P7Q2W", "credit": "good"},
    "received": "2026-02-13",
    "submitted": ["m1", "m2", "m4"],
    "commitment": True,
}


@pytest.fixture(scope="module")
def catalog_upload(server: Server, browser: Any) -> int:
    """The demo catalog uploaded by a reviewer: the catalog the window decides against."""
    context = browser.new_context()
    try:
        visit = sign_in(context, server, "reviewer")
        review = create_review(visit, COUNTY)
        upload(visit, review, CASES / "demo-county.yaml")
        href = visit.page.locator("table.uploads a[href$='report.html']").first.get_attribute(
            "href"
        )
        assert href is not None
        return int(href.split("/uploads/")[1].split("/")[0])
    finally:
        context.close()


def green_channel(visit: Visit, ticked: tuple[str, ...], urban: bool) -> Any:
    page = visit.page
    visit.go("/workbench/window/green-channel")
    page.fill('#green-form input[name="id"]', "P-2026-0117")
    page.fill('#green-form input[name="name"]', "县城北污水处理厂扩建")
    page.select_option('#green-form select[name="category"]', "major_infrastructure")
    if urban:
        page.check('#green-form input[name="urban"]')
    for name in ticked:
        page.check(f'#green-form input[name="{name}"]')
    with page.expect_navigation():
        page.click("#green-form button[type=submit]")
    return page


def test_clerk_decides_green_channel_cases(context: Any, server: Server, shots: Path) -> None:
    visit = sign_in(context, server, "clerk")
    page = green_channel(visit, FULL_BASELINE, urban=True)
    assert page.locator("#verdict").get_attribute("data-decision") == "eligible"
    assert page.locator('tr[data-status="unmet"]').count() == 0
    assert page.locator('tr[data-status="met"]').count() >= len(FULL_BASELINE)

    missing_dust = tuple(f for f in FULL_BASELINE if f != "dust_deposit_paid")
    page = green_channel(visit, missing_dust, urban=True)
    assert page.locator("#verdict").get_attribute("data-decision") == "not_eligible"
    unmet = page.locator('tr[data-status="unmet"]')
    assert unmet.count() == 1
    assert "《中华人民共和国大气污染防治法》" in unmet.inner_text()
    snap(page, shots, "green-channel.png", full_page=True)

    # Outside the county town the dust deposit does not apply.
    page = green_channel(visit, missing_dust, urban=False)
    assert page.locator("#verdict").get_attribute("data-decision") == "eligible"
    assert visit.server_errors == [] and visit.errors == []
    log = [json.loads(line) for line in server.log.read_text("utf-8").splitlines()]
    assert sum(1 for r in log if r.get("kind") == "green_channel") >= 3


def test_clerk_defers_prints_opens_and_supplements(
    context: Any, server: Server, catalog_upload: int, shots: Path, tmp_path: Path
) -> None:
    expected = decide_deferral(APPLICATION, load_catalog(CASES / "demo-county.yaml"))
    assert expected.decision.value == "accept_with_deferral"
    visit = sign_in(context, server, "clerk")
    page = visit.page
    visit.go(f"/workbench/window/deferral?catalog={catalog_upload}&item=JS-004")
    form = page.locator("#deferral-form")
    form.locator('input[name="id"]').fill(APPLICATION["id"])
    form.locator('input[name="applicant"]').fill("91420100MA4K3P7Q2W")
    form.locator('input[name="received"]').fill("2026-02-13")
    for material in APPLICATION["submitted"]:
        form.locator(f'input[name="submitted"][value="{material}"]').check()
    form.locator('input[name="commitment"]').check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator("#verdict").get_attribute("data-decision") == "accept_with_deferral"
    assert expected.deadline is not None
    assert expected.deadline.strftime("%Y年%m月%d日") in page.locator("#deadline").inner_text()
    for material in expected.deferred:
        assert material.name in page.locator("section.card").first.inner_text()
    snap(page, shots, "deferral-decision.png", full_page=True)

    # The printable notice: A4, Chinese, the deadline in working days; printed to PDF.
    decision_url = page.url
    page.click("a.notice-link")
    page.wait_for_load_state("load")
    notice = page.locator("#notice").inner_text()
    assert "容缺受理告知书" in notice
    assert "5 个工作日内" in notice and expected.deadline.strftime("%Y年%m月%d日") in notice
    pdf = tmp_path / "notice.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000
    snap(page, shots, "notice.png", full_page=True)
    page.emulate_media(media="screen")

    # Open the case: it enters the ledger under its department.
    page.goto(decision_url)
    with page.expect_navigation():
        page.click("#open-case button[type=submit]")
    assert page.locator("#case-state").get_attribute("data-state") == "open"
    visit.go("/workbench/ledger?on=2026-02-20&within=30")
    row = page.locator(f'table.cases tr[data-case="{APPLICATION["id"]}"]')
    assert row.count() == 1 and "县住房和城乡建设局" in row.inner_text()
    assert "县住房和城乡建设局" in page.locator("table.by-department").inner_text()
    snap(page, shots, "ledger.png", full_page=True)

    # Supplement every deferred material, confirmed on its own page.
    row.locator("a").click()
    page.wait_for_load_state("load")
    for material in expected.deferred:
        page.check(f'#supplement input[name="materials"][value="{material.id}"]')
    page.fill('#supplement input[name="on"]', "2026-02-20")
    with page.expect_navigation():
        page.click("#supplement button[type=submit]")
    assert page.locator("#confirm").is_visible()
    assert page.locator("#case-state").count() == 0  # nothing changed yet
    with page.expect_navigation():
        page.click("#confirm button[type=submit]")
    assert page.locator("#case-state").get_attribute("data-state") == "supplemented"
    assert page.locator('table.events tr[data-kind="supplement"]').count() == 1
    assert visit.server_errors == [] and visit.errors == [] and visit.foreign_requests == []

    # The audit trail names the clerk for every step.
    context.clear_cookies()
    admin = sign_in(context, server, "admin")
    admin.go("/workbench/admin/audit")
    actions = admin.page.locator("table.audit").inner_text()
    for action in ("decide.deferral", "case.open", "case.supplement"):
        assert action in actions
    assert date.today().isoformat() in actions

    # The window's decisions are in the decision log, with their catalog: replay agrees.
    replayed = cli("replay", str(server.log), "--format", "json")
    assert replayed.returncode == 0, replayed.stderr
    assert json.loads(replayed.stdout)["decisions"] >= 1


def test_a_clerk_is_refused_the_review_pages(context: Any, server: Server) -> None:
    visit = sign_in(context, server, "clerk")
    answer = visit.go("/workbench/reviews")
    assert answer.status == 403
    assert visit.page.locator(".error-page").get_attribute("data-status") == "403"
    assert visit.go("/workbench/admin/users").status == 403
    assert visit.server_errors == []


def test_a_reviewer_is_refused_the_window(context: Any, server: Server) -> None:
    visit = sign_in(context, server, "transport")
    assert visit.go("/workbench/window/green-channel").status == 403
    assert visit.go("/workbench/ledger").status == 403


def test_wrong_window_input_gets_a_page_not_a_crash(context: Any, server: Server) -> None:
    visit = sign_in(context, server, "clerk")
    page = visit.page
    for path in (
        "/workbench/window/deferral?catalog=999999",
        "/workbench/window/decisions/no-such-id",
        "/workbench/ledger/cases/NO-SUCH-CASE",
        "/workbench/ledger?on=not-a-date",
        "/workbench/no-such-page",
    ):
        answer = visit.go(path)
        assert 400 <= answer.status < 500, path
        assert page.locator(".error-page").count() == 1, path
    assert visit.server_errors == []
