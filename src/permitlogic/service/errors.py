"""Error responses: every one is an ErrorBody, each problem with its path and a zh/en message."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from permitlogic.decision_log import DecisionLogError
from permitlogic.errors import InputError, Problem
from permitlogic.load.validate import _message_en, _message_zh
from permitlogic.load.yaml_source import key_path
from permitlogic.service.guards import TOO_LARGE
from permitlogic.service.schemas import SHAPE_TAGS, ErrorBody, ErrorDetail

Loc = Sequence[str | int]

_ZH_EXTRA: dict[str, str] = {
    "union_tag_invalid": "取值类型不对",
    "union_tag_not_found": "取值类型不对",
    "json_type": "应为 JSON",
    "is_instance_of": "取值类型不对",
    "uuid_parsing": "应为 UUID",
}

_STATUS_ZH: dict[int, str] = {
    400: "无法读取请求体：应为 JSON",
    404: "没有这个地址",
    405: "该地址不支持这种请求方法",
    413: "请求体过大",
}


class ServiceError(Exception):
    """A request the service refuses, with a status and every problem found."""

    def __init__(self, status: int, details: list[ErrorDetail]) -> None:
        super().__init__("; ".join(d.message_en for d in details))
        self.status = status
        self.details = details

    @classmethod
    def single(
        cls, status: int, loc: Loc, kind: str, message_zh: str, message_en: str
    ) -> ServiceError:
        return cls(status, [detail(loc, kind, message_zh, message_en)])


class BodyTooLarge(StarletteHTTPException):
    """Raised while the body streams in, once it passes the limit (turned into a 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=f"request body larger than {limit} bytes")
        self.limit = limit


def detail(loc: Loc, kind: str, message_zh: str, message_en: str) -> ErrorDetail:
    return ErrorDetail(
        loc=list(loc), path=path_of(loc), type=kind, message_zh=message_zh, message_en=message_en
    )


def path_of(loc: Loc) -> str:
    """``items[3].kind`` from ``("body", "items", 3, "kind")``; the body itself is ``""``."""
    parts = tuple(loc)
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return key_path(parts)


def body_too_large(limit: int) -> ErrorDetail:
    return detail(
        ["body"],
        "body_too_large",
        f"请求体超过 {limit} 字节的上限，请拆分后再提交",
        f"the request body is larger than the limit of {limit} bytes; split it",
    )


def _clean_loc(loc: Loc) -> list[str | int]:
    """Drop pydantic's union tags and validator names, keep the user's key path."""
    out: list[str | int] = []
    for index, part in enumerate(loc):
        if index == 1 and loc[0] == "body" and part in SHAPE_TAGS:
            continue
        if isinstance(part, str) and "[" in part:
            continue
        out.append(part)
    return out


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def validation_detail(error: Any) -> ErrorDetail:
    """One pydantic / FastAPI validation error as an ErrorDetail."""
    kind = str(error.get("type", "value_error"))
    if kind == "json_invalid":
        position = error["loc"][-1] if error.get("loc") else 0
        reason = (error.get("ctx") or {}).get("error", "")
        return detail(
            ["body"],
            kind,
            f"请求体不是有效的 JSON（第 {position} 个字符附近）",
            f"the body is not valid JSON (near character {position}): {reason}".rstrip(": "),
        )
    loc = _clean_loc(error.get("loc", ()))
    limit_zh = _limit_zh(kind, error.get("ctx") or {})
    if limit_zh is not None:
        if kind == "catalog_too_large":
            loc = [*loc, "items"]
        return detail(loc, kind, limit_zh, str(error.get("msg", "")))
    if loc == ["body"] and isinstance(error.get("input"), bytes | bytearray):
        return detail(
            loc,
            "json_required",
            "请求体应为 JSON（Content-Type: application/json）",
            "the body must be JSON, sent with Content-Type: application/json",
        )
    zh = _ZH_EXTRA.get(kind) or _message_zh(error)
    en = _message_en(error)
    if kind != "missing" and "input" in error:
        got = _shown(error["input"])
        zh, en = f"{zh}（实际为 {got}）", f"{en} (got {got})"
    return detail(loc, kind, zh, en)


def _limit_zh(kind: str, ctx: dict[str, Any]) -> str | None:
    """Chinese for the service's own limits (the English is the error's message)."""
    if kind == "list_too_long":
        return f"一次提交了 {ctx['count']} 件，超过每次 {ctx['limit']} 件的上限，请拆分"
    if kind == "catalog_too_large":
        return f"目录有 {ctx['count']} 个事项，超过每次请求 {ctx['limit']} 个的上限"
    if kind == "too_wide":
        return f"输入过宽（对象的键或列表的元素过多）：{ctx['problem']}"
    if kind == "too_many_errors":
        return f"问题过多，只列出前 {ctx['shown']} 个"
    return None


def problem_detail(problem: Problem, prefix: Loc = ("body",)) -> ErrorDetail:
    """An engine's InputError problem, placed under ``prefix`` (e.g. the batch index)."""
    key = problem.location.key
    loc: list[str | int] = list(prefix)
    if key:
        loc.extend(_split_key(key))
    return detail(loc, "invalid_input", problem.message_zh, problem.message_en)


def _split_key(key: str) -> list[str | int]:
    """``("items", 3, "kind")`` from ``items[3].kind``."""
    parts: list[str | int] = []
    for chunk in key.replace("]", "").replace("[", ".").split("."):
        if chunk:
            parts.append(int(chunk) if chunk.isdigit() else chunk)
    return parts


def _json(
    status: int, details: list[ErrorDetail], headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        ErrorBody(detail=details).model_dump(mode="json"), status_code=status, headers=headers
    )


async def _on_validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [validation_detail(e) for e in exc.errors()]
    too_large = any(d.type in TOO_LARGE for d in details)
    return _json(413 if too_large else 422, details)


def service_error_response(exc: ServiceError) -> JSONResponse:
    """The response a ServiceError gets (its status and details)."""
    return _json(exc.status, exc.details)


async def _on_service_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ServiceError)
    return service_error_response(exc)


async def _on_input_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, InputError)
    return _json(422, [problem_detail(p) for p in exc.problems])


async def _on_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc, BodyTooLarge):
        return _json(413, [body_too_large(exc.limit)])
    en = str(exc.detail)
    zh = _STATUS_ZH.get(exc.status_code, en)
    found = detail([], f"http_{exc.status_code}", zh, en)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return _json(exc.status_code, [found], headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    scope = {**request.scope, "method": "GET"}
    for route in _routes(request.app.router.routes):
        match, _ = route.matches(scope)
        if match is not Match.NONE:
            methods.update(getattr(route, "methods", None) or ())
    return sorted(methods)


def _routes(routes: Sequence[Any]) -> Iterator[Any]:
    """The endpoints' routes, through routers included without a prefix."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _routes(included.routes)
        elif hasattr(route, "matches") and hasattr(route, "path"):
            yield route


async def _on_log_error(_: Request, exc: Exception) -> JSONResponse:
    return log_error_response(exc)


def log_error_response(exc: Exception) -> JSONResponse:
    """The 503 of a decision log that cannot be written (no decision is given unlogged)."""
    found = detail(
        [],
        "decision_log_unavailable",
        f"决定日志无法写入，本次决定未给出：{exc}",
        f"the decision log cannot be written, so no decision was given: {exc}",
    )
    return _json(503, [found])


async def _on_unexpected(_: Request, exc: Exception) -> JSONResponse:
    """Last resort only: inputs are validated before they reach the engine."""
    found = detail(
        [],
        "internal_error",
        "服务内部错误（这是程序缺陷，请报告）",
        f"internal error (a bug, please report it): {type(exc).__name__}",
    )
    return _json(500, [found])


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(ServiceError, _on_service_error)
    app.add_exception_handler(InputError, _on_input_error)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(DecisionLogError, _on_log_error)
    app.add_exception_handler(Exception, _on_unexpected)
