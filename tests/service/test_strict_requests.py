"""A strict API: repeated JSON keys, over-long ids, bodies that never finish, and 405's Allow."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from permitlogic.models.text_policy import ID_MAX_CHARS
from permitlogic.service import ServiceSettings, create_app


def test_repeated_keys_are_refused(client: TestClient, project: dict[str, Any]) -> None:
    body = json.dumps(project)
    top = body.replace('"id":', '"id": "P-x", "id":', 1)
    assert top != body
    response = client.post(
        "/v1/decide/green-channel", content=top, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    [found] = response.json()["detail"]
    assert found["type"] == "json_duplicate_key" and "'id'" in found["message_en"]

    nested = json.dumps([project, project]).replace('"urban":', '"urban": true, "urban":', 1)
    response = client.post(
        "/v1/decide/green-channel", content=nested, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    # The same body without the repeat is decided.
    ok = client.post("/v1/decide/green-channel", json=[project, project])
    assert ok.status_code == 200


def test_an_over_long_id_is_refused(client: TestClient, project: dict[str, Any]) -> None:
    response = client.post("/v1/decide/green-channel", json=dict(project, id="P" * 1_000_000))
    assert response.status_code == 422
    assert [d["path"] for d in response.json()["detail"]] == ["id"]
    response = client.post("/v1/decide/green-channel", json=dict(project, id="P" * ID_MAX_CHARS))
    assert response.status_code == 200


def test_a_control_character_in_an_id_is_refused(
    client: TestClient, project: dict[str, Any]
) -> None:
    response = client.post("/v1/decide/green-channel", json=dict(project, id="P-\x1b[2J"))
    assert response.status_code == 422
    assert [d["path"] for d in response.json()["detail"]] == ["id"]


def test_a_wrong_method_names_every_allowed_one(client: TestClient) -> None:
    response = client.options("/v1/catalogs")
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} >= {"GET", "POST"}
    response = client.delete("/v1/decide/green-channel")
    assert response.status_code == 405 and response.headers["allow"] == "POST"


@pytest.fixture
def served() -> Iterator[int]:
    """The app on a real socket, with a one-second body timeout."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    app = create_app(ServiceSettings(body_timeout_s=1.0))
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(timeout=10)


def test_a_body_shorter_than_its_length_times_out(served: int) -> None:
    with socket.create_connection(("127.0.0.1", served), timeout=10) as conn:
        conn.sendall(
            b"POST /v1/decide/green-channel HTTP/1.1\r\nHost: x\r\n"
            b'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n[{"id": '
        )
        started = time.monotonic()
        reply = b""
        while b"\r\n\r\n" not in reply:
            chunk = conn.recv(4096)
            if not chunk:
                break
            reply += chunk
        waited = time.monotonic() - started
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
    assert waited < 5
