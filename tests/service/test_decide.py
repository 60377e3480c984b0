"""POST /v1/decide/*: one input gives one decision, a list gives a list; each is logged."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

import permitlogic as pl
from permitlogic.models.decision import Project

CATALOG = {"catalog": "svc-county-2026"}


def _log(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_project_one_decision_logged(
    client: TestClient, project: dict[str, Any], log_path: Path
) -> None:
    answer = client.post("/v1/decide/green-channel", json=project)
    assert answer.status_code == 200
    decision = answer.json()
    assert decision["project"] == "P-2026-0117"
    assert decision["decision"] == "eligible"
    assert decision["effect"]
    uuid.UUID(decision["decision_id"])
    versions = client.get("/healthz").json()["pack_versions"]
    assert decision["pack_version"] == versions["green_channel"]
    direct = pl.decide_green_channel(Project.model_validate(project)).model_dump(mode="json")
    for key in ("decision", "unmet", "met", "effect"):
        assert decision[key] == direct[key]
    [record] = _log(log_path)
    assert record["kind"] == "green_channel"
    assert record["decision_id"] == decision["decision_id"]
    assert record["pack_version"] == decision["pack_version"]
    assert record["input"] == project
    assert record["output"] == decision
    assert record["time"].endswith("Z")


def test_a_list_gives_a_list_in_order(client: TestClient, project: dict[str, Any]) -> None:
    projects = [
        dict(project, id="P-1"),
        dict(project, id="P-2", urban=True, dust_deposit_paid=False),
        dict(project, id="P-3", category="emergency", emergency_designated=False),
        dict(project, id="P-4", category="ordinary"),
    ]
    answer = client.post("/v1/decide/green-channel", json=projects)
    assert answer.status_code == 200
    decisions = answer.json()
    assert [d["project"] for d in decisions] == ["P-1", "P-2", "P-3", "P-4"]
    assert [d["decision"] for d in decisions] == ["eligible"] + ["not_eligible"] * 3
    assert [u["condition"] for u in decisions[1]["unmet"]] == ["dust_deposit_paid"]
    assert decisions[2]["unmet"][0]["rule"] == "GC-0"
    assert decisions[3]["unmet"][0]["rule"] == "GC-0"
    assert len({d["decision_id"] for d in decisions}) == 4


def test_an_empty_list_gives_an_empty_list(client: TestClient, log_path: Path) -> None:
    answer = client.post("/v1/decide/green-channel", json=[])
    assert answer.status_code == 200
    assert answer.json() == []
    assert not log_path.exists() or _log(log_path) == []


def test_deferral_across_spring_festival(
    client: TestClient, county: dict[str, Any], application: dict[str, Any], log_path: Path
) -> None:
    client.post("/v1/catalogs", json=county)
    answer = client.post("/v1/decide/deferral", params=CATALOG, json=application)
    assert answer.status_code == 200, answer.text
    decision = answer.json()
    assert decision["decision"] == "accept_with_deferral"
    assert [m["id"] for m in decision["deferred"]] == ["m3", "m5"]
    assert decision["deadline"] == "2026-02-27"
    records = _log(log_path)
    assert [r["kind"] for r in records] == ["catalog", "deferral"]
    assert records[1]["catalog"] == {
        "id": "svc-county-2026",
        "sha256": records[0]["catalog"]["sha256"],
    }
    assert records[1]["output"] == decision


def test_deferral_batch_every_outcome(
    client: TestClient, county: dict[str, Any], application: dict[str, Any]
) -> None:
    client.post("/v1/catalogs", json=county)
    applications = [
        dict(application, id="A-1", submitted=["m1", "m2", "m3", "m4", "m5"]),
        application,
        dict(application, id="A-3", submitted=["m2", "m3"]),
        dict(application, id="A-4", item="XX-1"),
    ]
    answer = client.post("/v1/decide/deferral", params=CATALOG, json=applications)
    assert answer.status_code == 200, answer.text
    assert [d["decision"] for d in answer.json()] == [
        "accept",
        "accept_with_deferral",
        "notice",
        "reject",
    ]
    notice = answer.json()[2]
    assert {m["id"] for m in notice["missing"]} == {"m1", "m4", "m5"}
    assert notice["notice_due"]


def test_a_date_without_calendar_data_is_a_422_at_its_path(
    client: TestClient, county: dict[str, Any], application: dict[str, Any], log_path: Path
) -> None:
    client.post("/v1/catalogs", json=county)
    applications = [application, dict(application, id="A-far", received="2031-03-03")]
    answer = client.post("/v1/decide/deferral", params=CATALOG, json=applications)
    assert answer.status_code == 422, answer.text
    details = answer.json()["detail"]
    assert details[0]["loc"][:2] == ["body", 1]
    assert all("2031" in d["message_zh"] + d["message_en"] for d in details)
    assert [r["kind"] for r in _log(log_path)] == ["catalog"], "nothing decided, nothing logged"


def test_no_decision_without_its_log_line(
    client: TestClient, project: dict[str, Any], log_path: Path
) -> None:
    client.post("/v1/decide/green-channel", json=project)
    log_path.unlink()
    log_path.mkdir()  # the log's path is now a directory: appending fails
    client.app.state.service.log.close()  # type: ignore[attr-defined]
    answer = client.post("/v1/decide/green-channel", json=project)
    assert answer.status_code == 503
    [detail] = answer.json()["detail"]
    assert detail["type"] == "decision_log_unavailable"
