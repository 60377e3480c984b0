"""Refuse request bodies over the limit: by Content-Length up front, and while they stream in."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from permitlogic.service.asgi_reply import send_error
from permitlogic.service.errors import BodyTooLarge, body_too_large
from permitlogic.service.schemas import ErrorBody


class BodyLimit:
    """Pure ASGI middleware: a body over ``limit`` bytes gets a 413, however it is sent.

    A declared Content-Length over the limit is refused before a byte is read; a
    chunked or understated body raises BodyTooLarge from ``receive`` as soon as the
    running total passes the limit (the error handlers turn it into the 413).
    """

    def __init__(self, app: ASGIApp, limit: int, skip: str | None = None) -> None:
        self.app = app
        self.limit = limit
        self.skip = skip
        """A path prefix with limits of its own (the workbench's uploads)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (self.skip and scope["path"].startswith(self.skip)):
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await self._refuse(send)
            return
        total = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal total
            message = await receive()
            if message["type"] == "http.request":
                total += len(message.get("body", b""))
                if total > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = ErrorBody(detail=[body_too_large(self.limit)])
        await send_error(send, 413, body, [(b"connection", b"close")])


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
