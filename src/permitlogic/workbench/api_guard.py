"""Who may call the JSON API once the workbench has accounts.

* Until the first account exists, every endpoint answers callers on loopback (as
  before the workbench existed); a caller from elsewhere may only read.
* Once an account exists, reading and computing stay open to everyone
  (``GET``, ``POST /v1/check``, ``POST /v1/decide/…``, whose decisions go to the
  decision log as before), and an endpoint that changes the service's state
  (``POST /v1/catalogs``) needs ``Authorization: Bearer TOKEN``, a token an admin
  made (``permitlogic users token NAME`` or the accounts page).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from permitlogic.service.asgi_reply import send_error
from permitlogic.service.errors import detail
from permitlogic.service.schemas import ErrorBody
from permitlogic.workbench.accounts import token_user, user_count
from permitlogic.workbench.db import WorkbenchDb

WRITES = {("POST", "/v1/catalogs")}
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class ApiGuard:
    """Pure ASGI middleware over the JSON API (the workbench checks its own sessions)."""

    def __init__(self, app: ASGIApp, db: WorkbenchDb) -> None:
        self.app = app
        self.db = db

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (scope["method"], scope["path"].rstrip("/")) in WRITES:
            refusal = self._refusal(scope)
            if refusal is not None:
                await _send_401(send, *refusal)
                return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope) -> tuple[str, str] | None:
        if user_count(self.db) == 0:
            client = scope.get("client")
            if client is not None and client[0] in LOOPBACK:
                return None
            return (
                "尚无账户：先在服务器上用 permitlogic users add --role admin NAME 建立管理员，"
                "再用其令牌调用",
                "no account yet: create an admin on the server (permitlogic users add --role "
                "admin NAME) and call with its token",
            )
        token = _bearer(scope)
        if token is not None and token_user(self.db, token) is not None:
            return None
        return (
            "需要 API 令牌：Authorization: Bearer 令牌（由管理员创建）",
            "an API token is needed: Authorization: Bearer TOKEN (an admin creates it)",
        )


def _bearer(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            text = bytes(value).decode("latin-1")
            scheme, _, token = text.partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
    return None


async def _send_401(send: Send, zh: str, en: str) -> None:
    body = ErrorBody(detail=[detail(["header", "authorization"], "unauthorized", zh, en)])
    await send_error(send, 401, body, [(b"www-authenticate", b"Bearer")])
