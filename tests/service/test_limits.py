"""Bad and oversized requests: 413 over the limits, 422 with a path, never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from permitlogic.service.guards import MAX_ERRORS

JSON = {"content-type": "application/json"}


def test_declared_body_over_the_limit_is_refused_before_reading(make_client: Any) -> None:
    client = make_client(max_body_bytes=1000)
    answer = client.post("/v1/check", content=b"{" + b" " * 2000 + b"}", headers=JSON)
    assert answer.status_code == 413
    [detail] = answer.json()["detail"]
    assert detail["type"] == "body_too_large"
    assert "1000" in detail["message_zh"] and "1000" in detail["message_en"]


def test_streamed_body_over_the_limit_is_refused(make_client: Any, project: dict[str, Any]) -> None:
    client = make_client(max_body_bytes=4096)
    chunk = json.dumps(project).encode()

    def chunks() -> Iterator[bytes]:  # no Content-Length: sent chunked
        yield b"["
        for _ in range(50):
            yield chunk + b","
        yield chunk + b"]"

    answer = client.post("/v1/decide/green-channel", content=chunks(), headers=JSON)
    assert answer.status_code == 413
    assert answer.json()["detail"][0]["type"] == "body_too_large"


def test_list_over_the_limit_is_a_413(make_client: Any, project: dict[str, Any]) -> None:
    client = make_client(max_list=3)
    answer = client.post("/v1/decide/green-channel", json=[project] * 4)
    assert answer.status_code == 413
    [detail] = answer.json()["detail"]
    assert detail["type"] == "list_too_long"
    assert "4" in detail["message_en"] and "3" in detail["message_en"]


def test_invalid_json_is_a_422(client: TestClient) -> None:
    answer = client.post("/v1/decide/green-channel", content=b'{"id": ', headers=JSON)
    assert answer.status_code == 422
    [detail] = answer.json()["detail"]
    assert detail["type"] == "json_invalid"
    assert detail["path"] == ""
    assert "JSON" in detail["message_zh"]


def test_body_that_is_not_json_is_a_422(client: TestClient) -> None:
    answer = client.post(
        "/v1/decide/green-channel", content=b"id=1", headers={"content-type": "text/plain"}
    )
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["type"] == "json_required"


def test_bad_field_in_a_batch_names_its_index(client: TestClient, project: dict[str, Any]) -> None:
    second = dict(project, urban="yes")
    third = {k: v for k, v in project.items() if k != "injury_insurance"}
    answer = client.post("/v1/decide/green-channel", json=[project, second, third])
    assert answer.status_code == 422
    details = answer.json()["detail"]
    assert [(d["loc"], d["path"], d["type"]) for d in details] == [
        (["body", 1, "urban"], "[1].urban", "bool_type"),
        (["body", 2, "injury_insurance"], "[2].injury_insurance", "missing"),
    ]
    assert details[1]["message_zh"] == "缺少必填项"


def test_enum_and_unknown_key_in_one_project(client: TestClient, project: dict[str, Any]) -> None:
    bad = dict(project, category="huge", colour="red")
    answer = client.post("/v1/decide/green-channel", json=bad)
    assert answer.status_code == 422
    paths = {d["path"]: d["type"] for d in answer.json()["detail"]}
    assert paths == {"category": "enum", "colour": "extra_forbidden"}


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"null",
        b"42",
        b'"text"',
        b"[1, 2]",
        b"[[]]",
        b"{}",
        b"[" * 5000 + b"]" * 5000,
        b'{"id": "' + b"\xff\xfe" + b'"}',
        b"1" * 5000,
        b'{"id": NaN}',
        b'{"id": "x", "id": "y"}',
    ],
)
@pytest.mark.parametrize(
    "path",
    ["/v1/decide/green-channel", "/v1/decide/deferral?catalog=x", "/v1/check", "/v1/catalogs"],
)
def test_no_body_is_a_server_error(client: TestClient, path: str, body: bytes) -> None:
    answer = client.post(path, content=body, headers=JSON)
    assert answer.status_code in (400, 404, 413, 422), answer.text
    details = answer.json()["detail"]
    assert details and all(d["message_zh"] and d["message_en"] for d in details)


def test_many_bad_inputs_cost_a_bounded_answer(client: TestClient) -> None:
    answer = client.post("/v1/decide/green-channel", json=[{}] * 10_000)
    assert answer.status_code == 422
    details = answer.json()["detail"]
    assert len(details) == MAX_ERRORS + 1
    assert details[0]["path"] == "[0].id"
    assert details[-1]["type"] == "too_many_errors"
    assert str(MAX_ERRORS) in details[-1]["message_zh"]


@pytest.mark.parametrize(
    ("path", "body", "where"),
    [
        ("/v1/decide/green-channel", {f"k{i}": 0 for i in range(100_000)}, "the input"),
        ("/v1/decide/green-channel", [{f"k{i}": 0 for i in range(5_000)}], "the input"),
        ("/v1/decide/deferral?catalog=x", {"submitted": list(range(200_000))}, "submitted"),
        ("/v1/check", {"items": [{f"k{i}": 0 for i in range(70)}]}, "items[0]"),
    ],
)
def test_objects_and_lists_wider_than_any_input_are_refused(
    client: TestClient, path: str, body: Any, where: str
) -> None:
    answer = client.post(path, json=body)
    assert answer.status_code == 422
    details = answer.json()["detail"]
    assert [d["type"] for d in details] == ["too_wide"]
    assert where in details[0]["message_en"]
    assert details[0]["path"] == ("[0]" if isinstance(body, list) else "")
