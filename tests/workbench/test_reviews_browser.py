"""Review rounds in a real browser: upload, findings, accept one, a fixed round, exports, scopes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browser_pages import create_review, sign_in, upload
from openpyxl import load_workbook
from workbench_support import CASES, COUNTY, DEPARTMENT, UPLOAD_MB, Server

import yamlio
from browser_support import snap
from permitlogic.check_runner import check
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.load.sheet_writer import write_sheet
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Finding
from permitlogic.workbench.rounds import finding_key

pytestmark = pytest.mark.browser


def department_sheet(tmp_path: Path, name: str, fix_days: bool) -> Path:
    """The transport bureau's own spreadsheet, cut from the flawed catalog; ``fix_days``
    brings JT-004's promised days within its statutory limit (the PL301 defect)."""
    data: dict[str, Any] = yamlio.load((CASES / "flawed-county.yaml").read_text("utf-8"))
    data["items"] = [i for i in data["items"] if i["department"] == DEPARTMENT]
    data["chains"] = []
    if fix_days:
        for item in data["items"]:
            if item["id"] == "JT-004":
                item["promised_days"] = item.get("statutory_days", 20)
    path = tmp_path / name
    write_sheet(Catalog.model_validate(data), path)
    return path


def expected(path: Path) -> list[Finding]:
    catalog, source = load_catalog_sourced(path)
    return check(catalog, source=source).findings


def test_first_page_is_the_login_with_the_first_admin_command(server: Server) -> None:
    assert "/workbench/login" in server.first_login_page
    assert "permitlogic users add --role admin NAME" in server.first_login_page


def test_reviewer_uploads_rounds_accepts_and_sees_fixes(
    context: Any, server: Server, tmp_path: Path, shots: Path
) -> None:
    visit = sign_in(context, server, "reviewer")
    page = visit.page
    review = create_review(visit, COUNTY)

    # The flawed catalog: every department with its findings.
    upload(visit, review, CASES / "flawed-county.yaml")
    flawed = expected(CASES / "flawed-county.yaml")
    catalog, _ = load_catalog_sourced(CASES / "flawed-county.yaml")
    rows = page.locator("table.departments tbody tr")
    departments = {item.department for item in catalog.items}
    whole = any(f.department is None for f in flawed)
    assert rows.count() == len(departments) + whole
    for department in departments:
        row = page.locator(f'table.departments tr[data-department="{department}"]')
        open_errors = sum(
            1 for f in flawed if f.department == department and f.severity.value == "error"
        )
        assert int(row.locator("td.sev-error").inner_text()) == open_errors
    snap(page, shots, "review.png", full_page=True)

    # Round 1 of the transport bureau's own spreadsheet.
    first = department_sheet(tmp_path, "交通运输局.xlsx", fix_days=False)
    upload(visit, review, first)
    assert "round" in page.url and quote(DEPARTMENT) in page.url
    findings = [f for f in expected(first) if f.department == DEPARTMENT]
    assert page.locator("section.open-findings article.finding").count() == len(findings) > 0
    text = page.locator("section.open-findings").inner_text()
    for finding in findings:
        assert finding.message_zh in text
        assert finding.citation in text
    pl301 = next(f for f in findings if f.rule == "PL301" and "JT-004" in f.items)
    card = page.locator(f'article.finding[data-key="{finding_key(pl301)}"]')
    assert "事项" in card.locator(".row").inner_text()  # the sheet and row it is on
    assert pl301.fix is not None and pl301.fix.message_zh in card.inner_text()
    snap(page, shots, "round-1.png", full_page=True)

    # Accept one finding with a reason: it stops counting as open.
    accepted = next(f for f in findings if f.rule != "PL301")
    severity = accepted.severity.value
    before = visit.count(severity)
    target = page.locator(f'article.finding[data-key="{finding_key(accepted)}"]')
    target.locator('input[name="reason"]').fill("县政府常务会议决定保留（2026年第3次）")
    with page.expect_navigation():
        target.locator("button[type=submit]").click()
    assert visit.count(severity) == before - 1
    assert visit.count("accepted") == 1
    target = page.locator(f'article.finding[data-key="{finding_key(accepted)}"]')
    assert "县政府常务会议决定保留" in target.inner_text()
    assert "reviewer" in target.inner_text()

    # The annotated spreadsheet: the department's own file, PL301 on JT-004's row.
    export = page.locator("a.annotated").first.get_attribute("href")
    answer = page.request.get(server.url(export))
    assert answer.status == 200
    book = load_workbook(io.BytesIO(answer.body()))
    assert pl301.location is not None and pl301.location.row is not None
    sheet = book[pl301.location.sheet or book.sheetnames[0]]
    commented = {
        cell.coordinate: cell.comment.text
        for row in sheet.iter_rows()
        for cell in row
        if cell.comment is not None
    }
    on_row = [text for where, text in commented.items() if where.endswith(str(pl301.location.row))]
    assert any("PL301" in text for text in on_row)

    # Round 2, JT-004 fixed: PL301 counted as fixed, the accepted one stays accepted.
    second = department_sheet(tmp_path, "交通运输局.xlsx", fix_days=True)
    upload(visit, review, second)
    now = {finding_key(f) for f in expected(second) if f.department == DEPARTMENT}
    fixed = [f for f in findings if finding_key(f) not in now]
    assert finding_key(pl301) in {finding_key(f) for f in fixed}
    assert visit.count("fixed") == len(fixed)
    assert finding_key(pl301) in page.locator("section.fixed").inner_html()
    assert visit.count("accepted") == (1 if finding_key(accepted) in now else 0)
    snap(page, shots, "round-2.png", full_page=True)

    # HTML report and XLSX of the round download.
    for link in ("report.html", "report.xlsx"):
        href = page.locator(f'a[href*="{link}"]').first.get_attribute("href")
        assert page.request.get(server.url(href)).status == 200
    assert visit.server_errors == [] and visit.errors == [] and visit.foreign_requests == []


def test_last_years_catalog_gives_the_cut(context: Any, server: Server) -> None:
    visit = sign_in(context, server, "admin")
    review = create_review(visit, COUNTY, 2027)
    upload(visit, review, CASES / "demo-county-2025.yaml", baseline=True)
    page = upload(visit, review, CASES / "demo-county.yaml")
    department = "县住房和城乡建设局"
    visit.go(f"/workbench/reviews/{review}/round?department={quote(department)}")
    cut = page.locator("#cut").inner_text()
    assert "与上年目录比较" in cut
    assert visit.server_errors == []


def test_department_reviewer_sees_only_its_department(context: Any, server: Server) -> None:
    admin = sign_in(context, server, "admin")
    review = create_review(admin, COUNTY, 2028)
    upload(admin, review, CASES / "flawed-county.yaml")
    admin.page.close()
    context.clear_cookies()

    visit = sign_in(context, server, "transport")
    page = visit.page
    visit.go(f"/workbench/reviews/{review}")
    rows = page.locator("table.departments tbody tr")
    assert rows.count() == 1
    assert rows.first.get_attribute("data-department") == DEPARTMENT
    answer = visit.go(f"/workbench/reviews/{review}/round?department={quote('县住房和城乡建设局')}")
    assert answer.status == 403
    # A whole catalog is other departments' too: refused, naming them.
    page = upload(visit, review, CASES / "flawed-county.yaml")
    assert page.locator(".error-page").get_attribute("data-status") == "403"
    assert "县住房和城乡建设局" in page.locator(".error-page").inner_text()
    assert visit.server_errors == []


def test_bad_uploads_get_a_page_naming_the_file_and_place(
    context: Any, server: Server, tmp_path: Path, shots: Path
) -> None:
    visit = sign_in(context, server, "reviewer")
    review = create_review(visit, COUNTY, 2029)
    corpus = CASES.parent / "tests" / "bad_inputs"
    for name in (
        "five-errors.yaml",
        "damaged.xlsx",
        "missing-column.csv",
        "truncated.json",
        "wrong-extension.txt",
        "binary-garbage.yaml",
    ):
        page = upload(visit, review, corpus / name)
        error = page.locator(".error-page")
        assert error.get_attribute("data-status") == "400", name
        assert name in error.locator("table.problems").inner_text(), name
    snap(page, shots, "bad-upload.png", full_page=True)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (UPLOAD_MB * 1024 * 1024 + 10) + b"\n")
    page = upload(visit, review, big)
    assert page.locator(".error-page").get_attribute("data-status") == "400"
    assert "big.yaml" in page.locator(".error-page").inner_text()
    bigger = tmp_path / "bigger.yaml"
    bigger.write_bytes(b"# " + b"x" * (UPLOAD_MB * 3 * 1024 * 1024) + b"\n")
    page = upload(visit, review, bigger)
    assert page.locator(".error-page").get_attribute("data-status") == "413"
    assert visit.server_errors == []


def test_a_form_without_its_csrf_token_is_refused(context: Any, server: Server) -> None:
    visit = sign_in(context, server, "reviewer")
    page = visit.page
    create_review(visit, COUNTY, 2029)  # the list has a table whatever ran before
    visit.go("/workbench/reviews")
    rows = page.locator("table.reviews tbody tr").count()
    page.fill('#new-review input[name="year"]', "2030")
    page.evaluate("document.querySelector('#new-review input[name=csrf]').remove()")
    with page.expect_navigation():
        page.click("#new-review button[type=submit]")
    assert page.locator(".error-page").get_attribute("data-status") == "403"
    assert "CSRF" in page.locator(".error-page").inner_text()
    visit.go("/workbench/reviews")
    assert page.locator("table.reviews tbody tr").count() == rows
    assert "2030" not in page.locator("table.reviews").inner_text()


def test_english_switch(context: Any, server: Server) -> None:
    visit = sign_in(context, server, "reviewer")
    visit.go("/workbench/reviews")
    visit.page.click("a.lang")
    visit.page.wait_for_load_state("load")
    assert "Catalog reviews" in visit.page.locator("h1").inner_text()
    visit.page.click("a.lang")
    visit.page.wait_for_load_state("load")
    assert "目录审核" in visit.page.locator("h1").inner_text()
