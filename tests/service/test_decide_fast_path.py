"""Well-formed decision requests are answered before the router, exactly as the route answers them."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from permitlogic.service import ServiceSettings, create_app
from permitlogic.service.bodies import body_types
from permitlogic.service.decide_fast_path import DecideFastPath
from permitlogic.service.state import ServiceState
from permitlogic.service.workers import ready_app

CATALOG_ID = "svc-county-2026"
ROUTE_JSON = "application/merge-patch+json"
"""A JSON content type the route parses and the fast path leaves to it."""


def _without_ids(data: Any) -> Any:
    if isinstance(data, list):
        return [_without_ids(d) for d in data]
    return {k: v for k, v in data.items() if k != "decision_id"}


def _post(client: TestClient, path: str, body: Any, content_type: str, query: str = "") -> Any:
    return client.post(
        path + query,
        content=json.dumps(body, ensure_ascii=False).encode(),
        headers={"content-type": content_type},
    )


@pytest.mark.parametrize("many", [False, True])
def test_the_fast_path_and_the_route_give_the_same_answer(
    client: TestClient,
    project: dict[str, Any],
    application: dict[str, Any],
    county: dict[str, Any],
    log_path: Path,
    many: bool,
) -> None:
    assert client.post("/v1/catalogs", json=county).status_code in (200, 201)
    projects = [project, dict(project, id="P-2", urban=True, dust_deposit_paid=False)]
    applications = [application, dict(application, id="A-2", submitted=["m2", "m3"])]
    requests = [
        ("/v1/decide/green-channel", projects if many else projects[0], ""),
        (
            "/v1/decide/deferral",
            applications if many else applications[0],
            f"?catalog={CATALOG_ID}",
        ),
    ]
    for path, body, query in requests:
        fast = _post(client, path, body, "application/json", query)
        route = _post(client, path, body, ROUTE_JSON, query)
        assert fast.status_code == route.status_code == 200, fast.text
        assert fast.headers["content-type"] == route.headers["content-type"]
        assert fast.headers["content-length"] == route.headers["content-length"]
        assert _without_ids(fast.json()) == _without_ids(route.json())
    logged = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    assert len([r for r in logged if r["kind"] != "catalog"]) == (8 if many else 4)


async def _call(app: Any, path: str, body: bytes, query: bytes = b"") -> list[dict[str, Any]]:
    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "root_path": "",
        "query_string": query,
        "headers": [(b"content-type", b"application/json")],
    }
    sent: list[dict[str, Any]] = []
    given = False

    async def receive() -> dict[str, Any]:
        nonlocal given
        assert not given, "the body is read once"
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


class Route:
    """What stands behind the fast path: records each request it is handed, with its body."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        message = await receive()
        self.bodies.append(message["body"])
        await send({"type": "http.response.start", "status": 599, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def _fast_path(tmp_path: Path, county: dict[str, Any]) -> tuple[DecideFastPath, Route]:
    settings = ServiceSettings(log_path=tmp_path / "decisions.jsonl")
    catalog = tmp_path / "county.json"
    catalog.write_text(json.dumps(county, ensure_ascii=False), encoding="utf-8")
    state: ServiceState = ready_app(settings, [catalog]).state.service
    route = Route()
    return DecideFastPath(route, state, body_types(settings)), route


def test_well_formed_requests_do_not_reach_the_route(
    tmp_path: Path, county: dict[str, Any], project: dict[str, Any], application: dict[str, Any]
) -> None:
    fast, route = _fast_path(tmp_path, county)
    sent = asyncio.run(_call(fast, "/v1/decide/green-channel", json.dumps(project).encode()))
    assert sent[0]["status"] == 200
    assert json.loads(sent[1]["body"])["project"] == project["id"]
    body = json.dumps([application]).encode()
    query = f"catalog={CATALOG_ID}".encode()
    sent = asyncio.run(_call(fast, "/v1/decide/deferral", body, query))
    assert sent[0]["status"] == 200
    assert json.loads(sent[1]["body"])[0]["application"] == application["id"]
    assert route.bodies == []


@pytest.mark.parametrize(
    ("path", "body", "query"),
    [
        ("/v1/decide/green-channel", b"{not json", b""),
        ("/v1/decide/green-channel", b"", b""),
        ("/v1/decide/green-channel", b'{"id": "P-1"}', b""),
        ("/v1/decide/green-channel/", b"{}", b""),
        ("/v1/decide/deferral", b"APPLICATION", b"catalog=nosuch"),
        ("/v1/decide/deferral", b"APPLICATION", b""),
        ("/v1/decide/deferral", b"APPLICATION", f"catalog={CATALOG_ID}&catalog=x".encode()),
    ],
)
def test_every_other_request_goes_on_to_the_route_with_its_body(
    tmp_path: Path,
    county: dict[str, Any],
    application: dict[str, Any],
    path: str,
    body: bytes,
    query: bytes,
) -> None:
    """Invalid bodies and unknown or repeated catalogs get the route's own answer, their
    error included."""
    fast, route = _fast_path(tmp_path, county)
    if body == b"APPLICATION":
        body = json.dumps(application).encode()
    sent = asyncio.run(_call(fast, path, body, query))
    assert sent[0]["status"] == 599
    assert route.bodies == [body]
    assert not (tmp_path / "decisions.jsonl").read_text(encoding="utf-8").count('"deferral"')


def test_the_full_app_still_refuses_what_the_route_refuses(
    client: TestClient, application: dict[str, Any]
) -> None:
    answer = client.post("/v1/decide/green-channel", json={"id": "P-1"})
    assert answer.status_code == 422
    assert {d["loc"][-1] for d in answer.json()["detail"]} >= {"name", "category"}
    answer = client.post("/v1/decide/deferral", params={"catalog": "nosuch"}, json=application)
    assert answer.status_code == 404
    assert answer.json()["detail"][0]["type"] == "unknown_catalog"


def test_an_app_built_twice_answers_from_its_own_state(
    tmp_path: Path, project: dict[str, Any]
) -> None:
    first = TestClient(create_app(ServiceSettings(log_path=tmp_path / "a.jsonl")))
    second = TestClient(create_app(ServiceSettings(log_path=tmp_path / "b.jsonl")))
    with first, second:
        assert first.post("/v1/decide/green-channel", json=project).status_code == 200
        assert second.post("/v1/decide/green-channel", json=[project, project]).status_code == 200
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    assert len((tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_an_input_the_engine_refuses_gets_the_routes_error_and_nothing_is_logged(
    client: TestClient, application: dict[str, Any], county: dict[str, Any], log_path: Path
) -> None:
    """A year without holiday data: the fast path answers with the route's 422 itself."""
    client.post("/v1/catalogs", json=county)
    body = [application, dict(application, id="A-far", received="2031-03-03")]
    query = f"?catalog={CATALOG_ID}"
    fast = _post(client, "/v1/decide/deferral", body, "application/json", query)
    route = _post(client, "/v1/decide/deferral", body, ROUTE_JSON, query)
    assert fast.status_code == route.status_code == 422
    assert fast.headers["content-type"] == route.headers["content-type"]
    assert fast.json() == route.json()
    assert fast.json()["detail"][0]["loc"][:2] == ["body", 1]
    logged = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    assert [r["kind"] for r in logged] == ["catalog"]
