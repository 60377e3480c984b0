"""A password being checked or hashed (argon2, a fifth of a second of CPU) holds up no other request.

Through the app in process, on one event loop: a sign-in and a new account's
form are sent, and while their passwords are worked on a health check is sent;
the health check must be answered first.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
from workbench_support import PASSWORD, add_user

from permitlogic.service import ServiceSettings, create_app

LOOPBACK = ("127.0.0.1", 40000)


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


async def _answered_first(store: Path, tmp_path: Path, slow: tuple[str, dict[str, str]]) -> str:
    """Which is answered first: the slow form (sent first) or a health check sent after it."""
    app = create_app(ServiceSettings(store=str(store), log_path=tmp_path / "decisions.jsonl"))
    transport = httpx.ASGITransport(app=app, client=LOOPBACK)
    async with httpx.AsyncClient(transport=transport, base_url="http://workbench") as client:
        csrf = _csrf((await client.get("/workbench/login")).text)
        path, form = slow
        if path != "/workbench/login":
            signed = await client.post(
                "/workbench/login",
                data={"csrf": csrf, "name": "chief", "password": PASSWORD},
            )
            assert signed.status_code == 303
            csrf = _csrf((await client.get("/workbench/admin/users")).text)
        order: list[str] = []

        async def send_form() -> None:
            answer = await client.post(path, data={"csrf": csrf, **form})
            assert answer.status_code == 303, answer.text[-800:]
            order.append("form")

        async def health() -> None:
            answer = await client.get("/healthz")
            assert answer.status_code == 200
            order.append("health")

        sent = asyncio.create_task(send_form())
        await asyncio.sleep(0.02)  # the form is with the app before the health check is sent
        await asyncio.gather(sent, health())
        return order[0]


def test_health_is_answered_while_a_sign_in_checks_its_password(tmp_path: Path) -> None:
    store = tmp_path / "permitlogic.db"
    add_user(store, "chief", "admin", [])
    login = ("/workbench/login", {"name": "chief", "password": PASSWORD})
    assert asyncio.run(_answered_first(store, tmp_path, login)) == "health"


def test_health_is_answered_while_a_new_account_is_hashed(tmp_path: Path) -> None:
    store = tmp_path / "permitlogic.db"
    add_user(store, "chief", "admin", [])
    account = {"name": "窗口二", "password": "another-horse-8", "role": "clerk"}
    assert asyncio.run(_answered_first(store, tmp_path, ("/workbench/admin/users", account))) == (
        "health"
    )
