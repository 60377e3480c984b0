"""The decision routes' common case answered before FastAPI's router, with the same answer.

Measured on two cores, FastAPI's routing, dependency solving and body handling
took three quarters of a single decision's time in the service; the decision,
its log line and its JSON the rest. A well-formed request to POST
/v1/decide/green-channel or /v1/decide/deferral (a JSON body the route's own
body type accepts, and for a deferral one ``catalog`` that is registered) is
answered here, by the same function the route calls, with the same status,
headers and body. Anything else (another path or method, another content type,
a body that is not JSON or not valid, an unknown catalog) goes on to the route
unchanged, which answers it as before, its error included. Once the answer
function runs, its errors (an input the engine refuses, a decision log that
cannot be written) get the responses the service's error handlers give them,
so no request is decided twice.

The middleware sits inside the body limit and the strict body reader, so the
body it sees has passed both, and inside the workbench's API guard when there is
one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from pydantic import TypeAdapter, ValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from permitlogic.decision_log import DecisionLogError
from permitlogic.service.bodies import BodyTypes
from permitlogic.service.decide_answers import (
    deferral_answer,
    green_channel_answer,
    inputs_in,
    run,
)
from permitlogic.service.errors import ServiceError, log_error_response, service_error_response
from permitlogic.service.state import ServiceState

GREEN_CHANNEL = "/v1/decide/green-channel"
DEFERRAL = "/v1/decide/deferral"
MAX_CATALOG_ID = 200
"""The longest ``catalog`` query value the deferral route accepts."""

_HEADERS = [(b"content-type", b"application/json")]


class DecideFastPath:
    """Pure ASGI middleware: well-formed decision requests answered without the router."""

    def __init__(self, app: ASGIApp, state: ServiceState, bodies: BodyTypes) -> None:
        self.app = app
        self.state = state
        self.projects: TypeAdapter[Any] = TypeAdapter(bodies.projects)
        self.applications: TypeAdapter[Any] = TypeAdapter(bodies.applications)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"] if scope["type"] == "http" else None
        if (
            path not in (GREEN_CHANNEL, DEFERRAL)
            or scope["method"] != "POST"
            or scope.get("root_path")
            or not _is_plain_json(scope)
        ):
            await self.app(scope, receive, send)
            return
        message = await receive()
        if message["type"] != "http.request" or message.get("more_body", False):
            await self.app(scope, _replay(message, receive), send)
            return
        work = self._work(path, scope, message.get("body", b""))
        if work is None:
            await self.app(scope, _replay(message, receive), send)
            return
        try:
            answer = await run(*work)
        except ServiceError as exc:
            await service_error_response(exc)(scope, receive, send)
            return
        except DecisionLogError as exc:
            await log_error_response(exc)(scope, receive, send)
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-length", str(len(answer)).encode("ascii")), *_HEADERS],
            }
        )
        await send({"type": "http.response.body", "body": answer})

    def _work(self, path: str, scope: Scope, body: bytes) -> tuple[Callable[[], bytes], int] | None:
        """What answers this request, and how many inputs it has; None: the route must."""
        state = self.state
        if path == DEFERRAL:
            catalog_id = _only_catalog(scope)
            registered = state.catalogs.get(catalog_id) if catalog_id is not None else None
            if registered is None:
                return None
            applications = _valid(self.applications, body)
            if applications is None:
                return None
            return lambda: deferral_answer(state, applications, registered), inputs_in(applications)
        projects = _valid(self.projects, body)
        if projects is None:
            return None
        return lambda: green_channel_answer(state, projects), inputs_in(projects)


def _valid(adapter: TypeAdapter[Any], body: bytes) -> Any:
    """The body parsed and validated as the route does it (json, then the body type), or None."""
    if not body:
        return None
    try:
        return adapter.validate_python(json.loads(body), from_attributes=True)
    except (ValueError, RecursionError, ValidationError):
        return None


def _is_plain_json(scope: Scope) -> bool:
    """Whether the request says its body is ``application/json`` (parameters allowed)."""
    for name, value in scope["headers"]:
        if name == b"content-type":
            return bool(value.split(b";", 1)[0].strip().lower() == b"application/json")
    return False


def _only_catalog(scope: Scope) -> str | None:
    """The one ``catalog`` value of the query string, when it is given once and fits."""
    pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    values: list[str] = [value for key, value in pairs if key == "catalog"]
    if len(values) != 1 or not 1 <= len(values[0]) <= MAX_CATALOG_ID:
        return None
    return values[0]


def _replay(message: Message, receive: Receive) -> Receive:
    """``receive`` with ``message`` given back first (the route reads the body again)."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return message
        return await receive()

    return replay
