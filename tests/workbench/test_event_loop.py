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


async def _page_answered_first(store: Path, tmp_path: Path, catalog: Path) -> str:
    """Which is answered first: the 容缺受理 form over a large stored catalog, or a health check."""
    app = create_app(ServiceSettings(store=str(store), log_path=tmp_path / "decisions.jsonl"))
    transport = httpx.ASGITransport(app=app, client=LOOPBACK)
    async with httpx.AsyncClient(transport=transport, base_url="http://workbench") as client:
        csrf = _csrf((await client.get("/workbench/login")).text)
        login = {"csrf": csrf, "name": "chief", "password": PASSWORD}
        assert (await client.post("/workbench/login", data=login)).status_code == 303
        csrf = _csrf((await client.get("/workbench/reviews")).text)
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
        order: list[str] = []

        async def page() -> None:
            answer = await client.get(f"/workbench/window/deferral?catalog={upload}")
            assert answer.status_code == 200
            order.append("page")

        async def health() -> None:
            assert (await client.get("/healthz")).status_code == 200
            order.append("health")

        first = asyncio.create_task(page())
        await asyncio.sleep(0.005)
        await asyncio.gather(first, health())
        return order[0]


def test_health_is_answered_while_a_page_reads_a_large_catalog_back(tmp_path: Path) -> None:
    store = tmp_path / "permitlogic.db"
    add_user(store, "chief", "admin", [])
    catalog = tmp_path / "large-county.json"
    data = synth_catalog(SynthOptions(items=1500, seed=2, defect_rate=0.0))
    catalog.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert asyncio.run(_page_answered_first(store, tmp_path, catalog)) == "health"
