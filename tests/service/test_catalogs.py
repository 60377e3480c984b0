"""POST/GET /v1/catalogs: registered once by id, replaced by id, bounded, logged."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient


def test_register_and_list(client: TestClient, county: dict[str, Any]) -> None:
    answer = client.post("/v1/catalogs", json=county)
    assert answer.status_code == 201
    body = answer.json()
    assert body["id"] == "svc-county-2026"
    assert body["items"] == 3
    assert body["replaced"] is False
    assert len(body["sha256"]) == 64
    listed = client.get("/v1/catalogs").json()
    assert listed == [
        {"id": "svc-county-2026", "jurisdiction": "示范县", "items": 3, "sha256": body["sha256"]}
    ]
    assert client.get("/healthz").json()["catalogs"] == 1


def test_same_id_replaces(client: TestClient, county: dict[str, Any]) -> None:
    first = client.post("/v1/catalogs", json=county).json()
    changed = copy.deepcopy(county)
    changed["items"][2]["promised_days"] = 3
    second = client.post("/v1/catalogs", json=changed).json()
    assert second["replaced"] is True
    assert second["sha256"] != first["sha256"]
    assert [c["sha256"] for c in client.get("/v1/catalogs").json()] == [second["sha256"]]


def test_registry_is_bounded(make_client: Any, county: dict[str, Any]) -> None:
    client = make_client(max_catalogs=2)
    for name in ("a", "b"):
        assert client.post("/v1/catalogs", json=_renamed(county, name)).status_code == 201
    full = client.post("/v1/catalogs", json=_renamed(county, "c"))
    assert full.status_code == 409
    assert full.json()["detail"][0]["path"] == "catalog.id"
    assert client.post("/v1/catalogs", json=_renamed(county, "a")).status_code == 201


def test_invalid_catalog_is_not_registered(client: TestClient, county: dict[str, Any]) -> None:
    county["items"][0]["prerequisites"] = [{"item": "ZR-001", "external": "x"}]
    answer = client.post("/v1/catalogs", json=county)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["path"] == "items[0].prerequisites[0]"
    assert client.get("/v1/catalogs").json() == []


def test_catalog_is_logged_once_per_content(
    client: TestClient, county: dict[str, Any], log_path: Path
) -> None:
    for _ in range(3):
        client.post("/v1/catalogs", json=county)
    records = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    assert [r["kind"] for r in records] == ["catalog"]
    assert records[0]["catalog"]["id"] == "svc-county-2026"
    assert records[0]["content"]["items"][2]["id"] == "JS-004"


def test_deferral_against_an_unknown_catalog_is_a_404(
    client: TestClient, application: dict[str, Any]
) -> None:
    answer = client.post("/v1/decide/deferral", params={"catalog": "nope"}, json=application)
    assert answer.status_code == 404
    [detail] = answer.json()["detail"]
    assert detail["loc"] == ["query", "catalog"]
    assert "nope" in detail["message_zh"]


def test_deferral_without_a_catalog_id_is_a_422(
    client: TestClient, application: dict[str, Any]
) -> None:
    answer = client.post("/v1/decide/deferral", json=application)
    assert answer.status_code == 422
    [detail] = answer.json()["detail"]
    assert detail["loc"] == ["query", "catalog"]
    assert detail["path"] == "catalog"
    assert detail["type"] == "missing"


def _renamed(catalog: dict[str, Any], name: str) -> dict[str, Any]:
    renamed = copy.deepcopy(catalog)
    renamed["catalog"]["id"] = name
    return renamed
