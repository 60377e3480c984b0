"""Read each request body whole, within a time limit, and refuse JSON objects with repeated keys.

A client that declares more bytes than it sends would hold a worker's connection
open forever: each part of the body must arrive within ``timeout`` seconds, or
the request gets a 408. JSON allows ``{"id": "a", "id": "b"}`` and most parsers
keep the last value silently; a strict API refuses it (400), naming the key.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from permitlogic.service.asgi_reply import send_error
from permitlogic.service.errors import detail
from permitlogic.service.schemas import ErrorBody

_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


class DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(key)
        result[key] = value
    return result


def repeated_key(body: bytes) -> str | None:
    """The first key repeated within one JSON object of ``body`` (None: none, or not JSON)."""
    try:
        json.loads(body, object_pairs_hook=_no_repeats)
    except DuplicateKey as exc:
        return exc.key
    except (ValueError, RecursionError):
        return None  # not JSON, or nested too deep: the route's own parsing reports it
    return None


class StrictBody:
    """Pure ASGI middleware: the body read whole (each part within ``timeout`` s), then checked."""

    def __init__(self, app: ASGIApp, timeout: float, skip: str | None = None) -> None:
        self.app = app
        self.timeout = timeout
        self.skip = skip
        """A path prefix that reads its own bodies (the workbench's uploads, streamed)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in _WITH_BODY
            or (self.skip and scope["path"].startswith(self.skip))
        ):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        more = True
        while more:
            try:
                async with asyncio.timeout(self.timeout):
                    message = await receive()
            except TimeoutError:
                await _refuse(
                    send,
                    408,
                    detail(
                        ["body"],
                        "body_timeout",
                        f"请求体在 {self.timeout:g} 秒内未送达（比 Content-Length 声明的短？）",
                        f"the request body did not arrive within {self.timeout:g} s "
                        "(shorter than its Content-Length?)",
                    ),
                )
                return
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        if body and _is_json(scope):
            key = repeated_key(body)
            if key is not None:
                await _refuse(
                    send,
                    400,
                    detail(
                        ["body"],
                        "json_duplicate_key",
                        f"JSON 对象中键「{key}」出现了不止一次",
                        f"the key {key!r} appears more than once in one JSON object",
                    ),
                )
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return b"json" in value.lower()
    return True  # FastAPI reads a body without a content type as JSON too


async def _refuse(send: Send, status: int, found: Any) -> None:
    await send_error(send, status, ErrorBody(detail=[found]), [(b"connection", b"close")])
