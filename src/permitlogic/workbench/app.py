"""The workbench as a FastAPI sub-application mounted at /workbench beside the JSON API."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from permitlogic.errors import InputError
from permitlogic.load.limits import MB, LoadLimits
from permitlogic.service.state import ServiceState
from permitlogic.workbench.accounts import dummy_hash
from permitlogic.workbench.db import WorkbenchDb
from permitlogic.workbench.routes import admin, auth, ledger, reviews, window
from permitlogic.workbench.web import PREFIX, LoginNeeded, Refused, Workbench, page_of

FORM_OVERHEAD = MB
"""Room for the form's other fields and the multipart framing around the file."""


def create_workbench(db: WorkbenchDb, service: ServiceState) -> FastAPI:
    """The workbench's pages; uploads are bounded by the loaders' file limit (plus the form)."""
    max_upload_bytes = LoadLimits.from_env().max_file_bytes + FORM_OVERHEAD
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.workbench = Workbench(db=db, service=service)
    dummy_hash()  # the first sign-in with an unknown name takes no longer than the others
    app.mount(
        "/static",
        StaticFiles(packages=[("permitlogic.workbench", "static")]),
        name="static",
    )
    for module in (auth, reviews, window, ledger, admin):
        app.include_router(module.router)
    app.add_exception_handler(Refused, _on_refused)
    app.add_exception_handler(LoginNeeded, _on_login_needed)
    app.add_exception_handler(InputError, _on_input_error)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_unexpected)
    app.add_middleware(UploadLimit, limit=max_upload_bytes)
    return app


def _error_page(request: Request, error: Refused) -> HTMLResponse:
    page = page_of(request)
    return page.render("error.html", status=error.status, error=error, where=request.url.path)


async def _on_refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    return _error_page(request, exc)


async def _on_login_needed(request: Request, exc: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    from urllib.parse import quote

    return RedirectResponse(f"{PREFIX}/login?next={quote(target, safe='')}", status_code=303)


async def _on_input_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InputError)
    refused = Refused(
        400,
        "输入有误，请按下列提示修改后重新提交",
        "The input has problems; correct them and send it again",
        problems=exc.problems,
    )
    return _error_page(request, refused)


async def _on_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    fields = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in exc.errors())
    return _error_page(
        request,
        Refused(400, f"地址或表单的参数无效：{fields}", f"invalid parameters: {fields}"),
    )


async def _on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    words = {
        404: ("没有这个页面", "no such page"),
        405: ("该地址不支持这种请求方法", "this address does not take that method"),
    }
    zh, en = words.get(exc.status_code, (str(exc.detail), str(exc.detail)))
    return _error_page(request, Refused(exc.status_code, zh, en))


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    """Last resort: inputs are checked before they reach the engine."""
    return _error_page(
        request,
        Refused(
            500,
            f"内部错误（这是程序缺陷，请报告）：{type(exc).__name__}",
            f"internal error (a bug, please report it): {type(exc).__name__}",
        ),
    )


class UploadLimit:
    """A body over ``limit`` bytes gets the error page (413): refused before it is read when
    its Content-Length says so, and as soon as the running total passes the limit otherwise."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await self._refuse(scope, receive, send, int(value))
                return
        total = 0

        async def counted() -> Message:
            nonlocal total
            message = await receive()
            if message["type"] == "http.request":
                total += len(message.get("body", b""))
                if total > self.limit:
                    raise self.too_large(total)
            return message

        await self.app(scope, counted, send)

    def too_large(self, size: int) -> Refused:
        megabytes = self.limit / MB
        return Refused(
            413,
            f"上传的内容有 {size / MB:.1f} MB，超过 {megabytes:.1f} MB 的上限",
            f"the upload is {size / MB:.1f} MB, over the limit of {megabytes:.1f} MB",
        )

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, size: int) -> None:
        response = _error_page(Request(scope, receive), self.too_large(size))
        response.headers["connection"] = "close"
        await response(scope, receive, send)
