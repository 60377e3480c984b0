"""GET /healthz, GET /v1/rules and the OpenAPI document."""

from __future__ import annotations

from fastapi.testclient import TestClient

from permitlogic.checks.registry import all_checks, documented_rules, rule_as_json


def test_healthz_says_ok_with_the_pack_version(client: TestClient) -> None:
    answer = client.get("/healthz")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok"
    assert set(body["pack_versions"]) == {"green_channel", "deferral"}
    assert all(v.startswith("sha256:") for v in body["pack_versions"].values())
    assert body["catalogs"] == 0


def test_rules_lists_every_check_with_its_doc(client: TestClient) -> None:
    answer = client.get("/v1/rules")
    assert answer.status_code == 200
    assert answer.json() == [rule_as_json(meta) for meta in documented_rules().values()]


def test_one_rule_and_an_unknown_one(client: TestClient) -> None:
    first = next(iter(all_checks()))
    assert client.get(f"/v1/rules/{first.lower()}").json()["id"] == first
    missing = client.get("/v1/rules/PL999")
    assert missing.status_code == 404
    [detail] = missing.json()["detail"]
    assert detail["path"] == "rule_id"
    assert "PL999" in detail["message_zh"] and "PL999" in detail["message_en"]


def test_unknown_route_has_the_error_shape(client: TestClient) -> None:
    answer = client.get("/v2/nothing")
    assert answer.status_code == 404
    assert answer.json()["detail"][0]["message_zh"] == "没有这个地址"


def test_openapi_documents_every_endpoint_with_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path, method in [
        ("/v1/check", "post"),
        ("/v1/catalogs", "post"),
        ("/v1/decide/green-channel", "post"),
        ("/v1/decide/deferral", "post"),
        ("/v1/rules", "get"),
        ("/healthz", "get"),
    ]:
        operation = paths[path][method]
        assert "200" in operation["responses"] or "201" in operation["responses"]
        if method == "post":
            assert operation["responses"]["422"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorBody"
            }
            assert "413" in operation["responses"]
    schemas = spec["components"]["schemas"]
    for name in ("Project", "Application", "ErrorBody", "RuleDoc", "Catalog"):
        assert name in schemas
    deferral = paths["/v1/decide/deferral"]["post"]
    assert [p["name"] for p in deferral["parameters"]] == ["catalog"]
    assert deferral["parameters"][0]["required"] is True
