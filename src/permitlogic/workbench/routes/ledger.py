"""The ledger: due and overdue cases by department; supplement, close, revoke, each confirmed."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response

from permitlogic.errors import InputError
from permitlogic.ledger import service as ledger
from permitlogic.ledger.model import Case
from permitlogic.workbench.accounts import Role
from permitlogic.workbench.ledger_view import ledger_page
from permitlogic.workbench.web import Page, Refused, checked_form, redirect, signed_in, text_field

router = APIRouter()
CLERKS = (Role.admin, Role.clerk)
ACTIONS = {
    "supplement": ("补交材料", "supplement"),
    "close": ("办结", "close"),
    "revoke": ("撤销", "revoke"),
}


def _day(value: str | None, key: str) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError.single(
            None,
            f"日期应为 YYYY-MM-DD：{value[:40]}",
            f"a date is YYYY-MM-DD: {value[:40]}",
            key=key,
        ) from None


def _case(page: Page, case_id: str) -> Case:
    with page.bench.db.read() as conn:
        found = page.bench.db.store.case(conn, case_id[:128])
    if found is None:
        raise Refused(404, f"没有案件 {case_id}", f"no case {case_id}")
    return found


@router.get("/ledger")
def ledger_list(request: Request) -> Response:
    page = signed_in(request, *CLERKS)
    params = request.query_params
    on = _day(params.get("on"), "on")
    within_text = params.get("within", "5")
    within = int(within_text) if within_text.isdigit() and int(within_text) <= 366 else 5
    page_text = params.get("page", "1")
    number = int(page_text) if page_text.isdigit() else 1
    department = params.get("department")
    view = ledger_page(page.bench.db.store, on, within, department, number)
    return page.render("ledger.html", view=view, within=within)


@router.get("/ledger/cases/{case_id}")
def case_page(request: Request, case_id: str) -> Response:
    page = signed_in(request, *CLERKS)
    found = ledger.history(page.bench.db.store, case_id[:128])
    return page.render(
        "case.html", case=found.case, events=found.events, today=date.today().isoformat()
    )


@router.post("/ledger/cases/{case_id}/confirm")
async def confirm(request: Request, case_id: str) -> Response:
    """The action asked for, shown back for confirmation; nothing is changed yet."""
    page = signed_in(request, *CLERKS)
    form = await checked_form(request, page)
    found = _case(page, case_id)
    action = text_field(form, "action", limit=20)
    if action not in ACTIONS:
        raise InputError.single(
            None, f"未知操作 {action}", f"unknown action {action}", key="action"
        )
    on = _day(text_field(form, "on", required=False, limit=10), "on")
    materials = [m for m in form.getlist("materials") if isinstance(m, str) and m]
    if action == "supplement" and not materials:
        raise InputError.single(
            None, "请勾选补交的材料", "tick the materials brought", key="materials"
        )
    return page.render(
        "confirm.html",
        case=found,
        action=action,
        words=ACTIONS[action],
        on=on.isoformat(),
        materials=materials,
        reason=text_field(form, "reason", required=False, limit=1000),
    )


@router.post("/ledger/cases/{case_id}/apply")
async def apply(request: Request, case_id: str) -> Response:
    page = signed_in(request, *CLERKS)
    form = await checked_form(request, page)
    found = _case(page, case_id)
    if form.get("confirmed") != "yes":
        raise Refused(400, "操作未确认", "the action was not confirmed")
    action = text_field(form, "action", limit=20)
    on = _day(text_field(form, "on", required=False, limit=10), "on")
    store = page.bench.db.store
    if action == "supplement":
        materials = [m for m in form.getlist("materials") if isinstance(m, str) and m]
        record = ledger.supplement(store, found.case_id, materials, on)
    elif action == "close":
        record = ledger.close(store, found.case_id, on)
    elif action == "revoke":
        reason = text_field(form, "reason", required=False, limit=1000) or None
        record = ledger.revoke(store, found.case_id, on, reason)
    else:
        raise InputError.single(
            None, f"未知操作 {action}", f"unknown action {action}", key="action"
        )
    db = page.bench.db
    with db.write() as conn:
        db.record(
            conn,
            page.user_name,
            f"case.{action}",
            found.case_id,
            {"event": record.id, "outcome": record.outcome.value, "on": on.isoformat()},
        )
    return redirect(f"/ledger/cases/{quote(found.case_id)}?event={record.id}")
