"""POST /v1/check: the same JSON as `permitlogic check --format json`, and precise 422s."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from permitlogic.cli import app as cli_app


def test_check_gives_the_cli_json(
    client: TestClient, county: dict[str, Any], tmp_path: Path
) -> None:
    broken = copy.deepcopy(county)
    broken["items"][1]["basis"] = []  # a license without a legal basis
    source = tmp_path / "county.json"
    source.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    cli = CliRunner().invoke(cli_app, ["check", str(source), "--format", "json"])
    expected = json.loads(cli.output)

    answer = client.post("/v1/check", json=broken)
    assert answer.status_code == 200
    body = answer.json()
    assert body["findings"], "the catalog has a defect the checks report"
    expected["catalog"]["source"] = None
    for finding in expected["findings"]:
        finding.pop("location", None)
    for finding in body["findings"]:
        finding.pop("location", None)
    assert body == expected


def test_select_and_ignore_choose_checks(client: TestClient, county: dict[str, Any]) -> None:
    broken = copy.deepcopy(county)
    broken["items"][1]["basis"] = []
    everything = client.post("/v1/check", json=broken).json()["findings"]
    rules = {f["rule"] for f in everything}
    chosen = sorted(rules)[0]
    only = client.post("/v1/check", json=broken, params={"select": chosen}).json()["findings"]
    assert {f["rule"] for f in only} == {chosen}
    rest = client.post("/v1/check", json=broken, params={"ignore": chosen}).json()["findings"]
    assert chosen not in {f["rule"] for f in rest}


def test_unknown_check_code_is_a_422_on_the_query(
    client: TestClient, county: dict[str, Any]
) -> None:
    answer = client.post("/v1/check", json=county, params={"select": "PL9"})
    assert answer.status_code == 422
    [detail] = answer.json()["detail"]
    assert detail["loc"] == ["query", "select"]
    assert "PL9" in detail["message_en"]


def test_bad_field_is_a_422_with_its_path(client: TestClient, county: dict[str, Any]) -> None:
    county["items"][2]["kind"] = "permit"
    county["items"][1]["materials"][0]["core"] = "yes"
    answer = client.post("/v1/check", json=county)
    assert answer.status_code == 422
    details = answer.json()["detail"]
    assert {d["path"] for d in details} == {"items[2].kind", "items[1].materials[0].core"}
    kind = next(d for d in details if d["path"] == "items[2].kind")
    assert kind["loc"] == ["body", "items", 2, "kind"]
    assert "取值不在允许范围内" in kind["message_zh"]
    assert "'permit'" in kind["message_en"]


def test_cross_field_problem_names_its_field(client: TestClient, county: dict[str, Any]) -> None:
    del county["items"][1]["promised_days"]
    county["items"][2]["materials"][1]["id"] = "m1"
    answer = client.post("/v1/check", json=county)
    assert answer.status_code == 422
    paths = {d["path"]: d for d in answer.json()["detail"]}
    assert set(paths) == {"items[1].promised_days", "items[2].materials[1].id"}
    assert "承诺时限" in paths["items[1].promised_days"]["message_zh"]
    assert "promised_days is required" in paths["items[1].promised_days"]["message_en"]


def test_unknown_key_is_refused(client: TestClient, county: dict[str, Any]) -> None:
    county["items"][0]["deptartment"] = "typo"
    answer = client.post("/v1/check", json=county)
    assert answer.status_code == 422
    [detail] = answer.json()["detail"]
    assert detail["path"] == "items[0].deptartment"
    assert detail["type"] == "extra_forbidden"


def test_catalog_over_the_item_limit_is_a_413(make_client: Any, county: dict[str, Any]) -> None:
    client = make_client(max_catalog_items=2)
    answer = client.post("/v1/check", json=county)
    assert answer.status_code == 413
    [detail] = answer.json()["detail"]
    assert detail["path"] == "items"
    assert "3" in detail["message_en"] and "2" in detail["message_en"]
