"""An error answered below the framework (ASGI middleware): a JSON body sent as it is."""

from __future__ import annotations

from starlette.types import Send

from permitlogic.service.schemas import ErrorBody


async def send_error(
    send: Send, status: int, body: ErrorBody, headers: list[tuple[bytes, bytes]]
) -> None:
    """``body`` as JSON with ``status``; ``headers`` follow the content type and length."""
    data = body.model_dump_json().encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode("ascii")),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})
