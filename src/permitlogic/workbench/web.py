"""What every workbench page shares: templates, the signed-in user, CSRF, the error page."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.datastructures import FormData

from permitlogic.errors import InputError
from permitlogic.models.report import Severity
from permitlogic.service.state import ServiceState
from permitlogic.workbench.accounts import Role, Session, session_of
from permitlogic.workbench.db import WorkbenchDb

PREFIX = "/workbench"
SESSION_COOKIE = "pl_session"
LOGIN_CSRF_COOKIE = "pl_login_csrf"
LANG_COOKIE = "pl_lang"
MAX_FIELDS = 2000


@dataclass
class Workbench:
    """The workbench of one service: its database, the decision service it sits beside."""

    db: WorkbenchDb
    service: ServiceState


class Refused(Exception):
    """A request the workbench answers with its error page (and this status)."""

    def __init__(
        self, status: int, message_zh: str, message_en: str, problems: list[Any] | None = None
    ) -> None:
        super().__init__(message_en)
        self.status = status
        self.message_zh = message_zh
        self.message_en = message_en
        self.problems = problems or []


class LoginNeeded(Exception):
    """No valid session: the page sends the browser to the login."""


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("permitlogic.workbench", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    env.globals["prefix"] = PREFIX
    env.globals["Severity"] = Severity
    env.filters["q"] = lambda value: quote(str(value), safe="")
    return env


@dataclass
class Page:
    """One request as the templates see it: language, user, CSRF token."""

    request: Request
    bench: Workbench
    lang: str
    session: Session | None
    login_csrf: str | None = None
    extra_cookies: dict[str, str] = field(default_factory=dict)

    def t(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    @property
    def csrf(self) -> str:
        if self.session is not None:
            return self.session.csrf
        assert self.login_csrf is not None
        return self.login_csrf

    @property
    def user_name(self) -> str:
        assert self.session is not None
        return self.session.user.name

    def render(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = (
            environment()
            .get_template(template)
            .render(page=self, t=self.t, user=self.session.user if self.session else None, **values)
        )
        response = HTMLResponse(html, status_code=status)
        response.headers["cache-control"] = "no-store"
        response.headers["x-frame-options"] = "DENY"
        response.headers["content-security-policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; frame-ancestors 'none'; form-action 'self'"
        )
        for name, value in self.extra_cookies.items():
            response.set_cookie(name, value, httponly=True, samesite="strict", path=PREFIX)
        return response


def bench_of(request: Request) -> Workbench:
    bench: Workbench = request.app.state.workbench
    return bench


def page_of(request: Request) -> Page:
    """The request's page context; the session when the cookie names a live one."""
    found = request.scope.get("permitlogic.page")
    if isinstance(found, Page):
        return found
    bench = bench_of(request)
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "zh"
    lang = lang if lang in ("zh", "en") else "zh"
    token = request.cookies.get(SESSION_COOKIE)
    session = session_of(bench.db, token) if token else None
    page = Page(request, bench, lang, session)
    page.login_csrf = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    if request.cookies.get(LOGIN_CSRF_COOKIE) != page.login_csrf:
        page.extra_cookies[LOGIN_CSRF_COOKIE] = page.login_csrf
    request.scope["permitlogic.page"] = page
    return page


def signed_in(request: Request, *roles: Role) -> Page:
    """The page of a signed-in user holding one of ``roles`` (any role when none given)."""
    page = page_of(request)
    if page.session is None:
        raise LoginNeeded()
    if roles and page.session.user.role not in roles:
        wanted = ", ".join(r.value for r in roles)
        raise Refused(
            403,
            f"你的角色（{page.session.user.role.zh}）不能打开此页；需要：{wanted}",
            f"your role ({page.session.user.role.value}) may not open this page; it needs: "
            f"{wanted}",
        )
    return page


async def checked_form(request: Request, page: Page) -> FormData:
    """The posted form, refused unless it carries this session's CSRF token."""
    try:
        form = await request.form(max_files=4, max_fields=MAX_FIELDS)
    except Refused:
        raise  # over the upload limit while it streamed in (413)
    except Exception as error:  # malformed multipart or urlencoded body
        raise Refused(
            400,
            f"无法读取提交的表单：{type(error).__name__}",
            f"the form sent cannot be read: {error}",
        ) from None
    sent = form.get("csrf")
    if not isinstance(sent, str) or not hmac.compare_digest(sent, page.csrf):
        raise Refused(
            403,
            "表单缺少有效的校验码（CSRF），请刷新页面后重新提交",
            "the form lacks a valid CSRF token; reload the page and send it again",
        )
    return form


def text_field(form: FormData, name: str, *, required: bool = True, limit: int = 400) -> str:
    value = form.get(name)
    text = value.strip() if isinstance(value, str) else ""
    if required and not text:
        raise InputError.single(None, f"请填写 {name}", f"{name} is required", key=name)
    if len(text) > limit:
        raise InputError.single(
            None,
            f"{name} 超过 {limit} 个字符",
            f"{name} is longer than {limit} characters",
            key=name,
        )
    return text


def redirect(path: str) -> Response:
    return RedirectResponse(PREFIX + path, status_code=303)
