"""Slow work in the workbench holds up no other request.

Through the app in process, on one event loop: a sign-in (its password checked
by argon2, a fifth of a second of CPU), a new account's form (its password
hashed) and a page that reads a large stored catalog back are each sent, and a
health check is sent while they are worked on; the health check must be
answered first.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from workbench_support import PASSWORD, add_user

from permitlogic.service import ServiceSettings, create_app
from permitlogic.synth import SynthOptions, synth_catalog

LOOPBACK = ("127.0.0.1", 40000)


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


@asynccontextmanager
async def _workbench(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """The app in process over a store whose one account is the admin ``chief``."""
    store = tmp_path / "permitlogic.db"
    add_user(store, "chief", "admin", [])
    app = create_app(ServiceSettings(store=str(store), log_path=tmp_path / "decisions.jsonl"))
    transport = httpx.ASGITransport(app=app, client=LOOPBACK)
    async with httpx.AsyncClient(transport=transport, base_url="http://workbench") as client:
        yield client


async def _signed_in(client: httpx.AsyncClient) -> str:
    """Sign in as ``chief``; the session's CSRF token."""
    csrf = _csrf((await client.get("/workbench/login")).text)
    login = {"csrf": csrf, "name": "chief", "password": PASSWORD}
    assert (await client.post("/workbench/login", data=login)).status_code == 303
    return _csrf((await client.get("/workbench/reviews")).text)


async def _answered_first(
    client: httpx.AsyncClient, slow: Callable[[], Awaitable[httpx.Response]], status: int
) -> str:
    """Which is answered first: the slow request (sent first) or a health check sent after it."""
    order: list[str] = []

    async def send_slow() -> None:
        answer = await slow()
        assert answer.status_code == status, answer.text[-800:]
        order.append("slow")

    async def health() -> None:
        assert (await client.get("/healthz")).status_code == 200
        order.append("health")

    sent = asyncio.create_task(send_slow())
    await asyncio.sleep(0.005)  # the slow request is with the app before the health check is sent
    await asyncio.gather(sent, health())
    return order[0]


def test_health_is_answered_while_a_sign_in_checks_its_password(tmp_path: Path) -> None:
    async def race() -> str:
        async with _workbench(tmp_path) as client:
            csrf = _csrf((await client.get("/workbench/login")).text)
            login = {"csrf": csrf, "name": "chief", "password": PASSWORD}
            return await _answered_first(
                client, lambda: client.post("/workbench/login", data=login), 303
            )

    assert asyncio.run(race()) == "health"


def test_health_is_answered_while_a_new_account_is_hashed(tmp_path: Path) -> None:
    async def race() -> str:
        async with _workbench(tmp_path) as client:
            csrf = await _signed_in(client)
            account = {
                "csrf": csrf,
                "name": "窗口二",
                "password": "another-horse-8",
                "role": "clerk",
            }
            return await _answered_first(
                client, lambda: client.post("/workbench/admin/users", data=account), 303
            )

    assert asyncio.run(race()) == "health"


def test_health_is_answered_while_a_page_reads_a_large_catalog_back(tmp_path: Path) -> None:
    catalog = tmp_path / "large-county.json"
    data = synth_catalog(SynthOptions(items=1500, seed=2, defect_rate=0.0))
    catalog.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    async def race() -> str:
        async with _workbench(tmp_path) as client:
            csrf = await _signed_in(client)
            made = await client.post(
                "/workbench/reviews", data={"csrf": csrf, "county": "合成县", "year": "2026"}
            )
            review = made.headers["location"].rsplit("/", 1)[-1]
            sent = await client.post(
                f"/workbench/reviews/{review}/upload",
                data={"csrf": csrf, "baseline": "no"},
                files={"file": (catalog.name, catalog.read_bytes())},
            )
            assert sent.status_code == 303, sent.text[-800:]
            form = (await client.get("/workbench/window/deferral")).text
            [upload] = re.findall(r'<option value="(\d+)"', form)
            page = f"/workbench/window/deferral?catalog={upload}"
            return await _answered_first(client, lambda: client.get(page), 200)

    assert asyncio.run(race()) == "health"
