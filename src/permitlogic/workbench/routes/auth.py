"""Sign in, sign out, the start page and the language switch."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from permitlogic.workbench.accounts import (
    Role,
    authenticate,
    end_session,
    start_session,
    user_count,
)
from permitlogic.workbench.web import (
    LANG_COOKIE,
    PREFIX,
    SESSION_COOKIE,
    checked_form,
    page_of,
    redirect,
    signed_in,
)

router = APIRouter()


def _safe_next(value: object) -> str:
    """Only a path inside the workbench; anything else goes to the start page."""
    if not isinstance(value, str):
        return PREFIX + "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not parts.path.startswith(PREFIX + "/"):
        return PREFIX + "/"
    return value


@router.get("/")
def start(request: Request) -> Response:
    page = signed_in(request)
    assert page.session is not None
    role = page.session.user.role
    return redirect("/window" if role is Role.clerk else "/reviews")


@router.get("/login")
def login_form(request: Request) -> Response:
    page = page_of(request)
    if page.session is not None:
        return redirect("/")
    return page.render(
        "login.html",
        next=_safe_next(request.query_params.get("next")),
        first_run=user_count(page.bench.db) == 0,
        failed=False,
    )


@router.post("/login")
async def login(request: Request) -> Response:
    page = page_of(request)
    page.session = None
    form = await checked_form(request, page)
    name, password = form.get("name"), form.get("password")
    user = None
    if isinstance(name, str) and isinstance(password, str) and name and password:
        # argon2 takes a fifth of a second of CPU: off the event loop, so other
        # requests keep answering while a password is checked.
        user = await run_in_threadpool(authenticate, page.bench.db, name[:128], password[:1024])
    if user is None:
        return page.render(
            "login.html",
            status=401,
            next=_safe_next(form.get("next")),
            first_run=user_count(page.bench.db) == 0,
            failed=True,
        )
    session = start_session(page.bench.db, user)
    response = RedirectResponse(_safe_next(form.get("next")), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path=PREFIX,
    )
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    page = signed_in(request)
    await checked_form(request, page)
    assert page.session is not None
    end_session(page.bench.db, page.session)
    response = redirect("/login")
    response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response


@router.get("/lang/{lang}")
def switch_language(request: Request, lang: str) -> Response:
    response = RedirectResponse(_safe_next(request.query_params.get("next")), status_code=303)
    response.set_cookie(LANG_COOKIE, "en" if lang == "en" else "zh", samesite="lax", path=PREFIX)
    return response
