"""Accounts and API tokens (admin only), and the audit trail."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from permitlogic.errors import InputError
from permitlogic.workbench.accounts import Role, add_user, create_token, list_users, set_active
from permitlogic.workbench.tables import audit
from permitlogic.workbench.web import checked_form, redirect, signed_in, text_field

router = APIRouter()
AUDIT_ROWS = 500


@router.get("/admin/users")
def users_page(request: Request) -> Response:
    page = signed_in(request, Role.admin)
    return page.render("users.html", users=list_users(page.bench.db), token=None, roles=list(Role))


@router.post("/admin/users")
async def add(request: Request) -> Response:
    page = signed_in(request, Role.admin)
    form = await checked_form(request, page)
    role = text_field(form, "role", limit=16)
    if role not in {r.value for r in Role}:
        raise InputError.single(None, f"未知角色 {role}", f"unknown role {role}", key="role")
    password = form.get("password")
    # The new password's argon2 hash: off the event loop, as at sign-in.
    await run_in_threadpool(
        add_user,
        page.bench.db,
        text_field(form, "name", limit=128),
        password if isinstance(password, str) else "",
        Role(role),
        county=text_field(form, "county", required=False, limit=200) or None,
        department=text_field(form, "department", required=False, limit=200) or None,
        by=page.user_name,
    )
    return redirect("/admin/users")


@router.post("/admin/users/{name}/active")
async def toggle(request: Request, name: str) -> Response:
    page = signed_in(request, Role.admin)
    form = await checked_form(request, page)
    set_active(page.bench.db, name[:128], form.get("active") == "yes", by=page.user_name)
    return redirect("/admin/users")


@router.post("/admin/tokens")
async def token(request: Request) -> Response:
    page = signed_in(request, Role.admin)
    form = await checked_form(request, page)
    name = text_field(form, "name", limit=128)
    value = create_token(
        page.bench.db, name, text_field(form, "label", required=False), by=page.user_name
    )
    return page.render(
        "users.html", users=list_users(page.bench.db), token=(name, value), roles=list(Role)
    )


@router.get("/admin/audit")
def audit_page(request: Request) -> Response:
    page = signed_in(request, Role.admin)
    query = select(audit).order_by(audit.c.id.desc()).limit(AUDIT_ROWS)
    with page.bench.db.read() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    return page.render("audit.html", rows=rows)
