"""Many requests at once: every answer is the one the engine gives alone, every decision logged."""

from __future__ import annotations

import itertools
import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

import permitlogic as pl
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Application, Project

FLAGS = ("urban", "eia_approval", "reviewed_drawings", "dust_deposit_paid", "injury_insurance")
IDENTITY = ("decision_id", "pack_version")


def _outcome(decision: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in decision.items() if k not in IDENTITY}


def _projects(project: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    categories = ("major_infrastructure", "emergency", "ordinary")
    for index, (category, values) in enumerate(
        itertools.product(categories, itertools.product([True, False], repeat=len(FLAGS)))
    ):
        out.append(
            dict(
                project, id=f"P-{index}", category=category, **dict(zip(FLAGS, values, strict=True))
            )
        )
    return out


def _applications(application: dict[str, Any]) -> list[dict[str, Any]]:
    submissions = (["m1", "m2"], ["m1", "m2", "m3", "m4", "m5"], ["m1", "m3"], ["m1", "m2", "m4"])
    dates = ("2026-02-13", "2026-09-29", "2026-05-06")
    out = []
    for index, (submitted, received, commitment) in enumerate(
        itertools.product(submissions, dates, (True, False))
    ):
        out.append(
            dict(
                application,
                id=f"A-{index}",
                submitted=submitted,
                received=received,
                commitment=commitment,
            )
        )
    return out


def test_parallel_requests_all_get_the_right_answer(
    client: TestClient,
    county: dict[str, Any],
    project: dict[str, Any],
    application: dict[str, Any],
    log_path: Path,
) -> None:
    assert client.post("/v1/catalogs", json=county).status_code == 201
    catalog = Catalog.model_validate(county)
    projects = _projects(project)
    applications = _applications(application)
    expected_green = {
        p["id"]: _outcome(
            pl.decide_green_channel(Project.model_validate(p)).model_dump(mode="json")
        )
        for p in projects
    }
    expected_deferral = {
        a["id"]: _outcome(
            pl.decide_deferral(Application.model_validate(a), catalog).model_dump(mode="json")
        )
        for a in applications
    }
    assert len({json.dumps(v, sort_keys=True) for v in expected_green.values()}) > 10
    assert {v["decision"] for v in expected_deferral.values()} >= {
        "accept",
        "notice",
        "accept_with_deferral",
    }

    requests: list[tuple[str, Any]] = []
    for index in range(120):
        shape = index % 4
        if shape == 0:
            requests.append(("green", projects[index % len(projects)]))
        elif shape == 1:
            start = index % len(projects)
            requests.append(("green", projects[start : start + 25]))
        elif shape == 2:
            requests.append(("deferral", applications[index % len(applications)]))
        else:
            requests.append(("deferral", applications))

    def send(request: tuple[str, Any]) -> tuple[tuple[str, Any], Any]:
        kind, body = request
        if kind == "green":
            answer = client.post("/v1/decide/green-channel", json=body)
        else:
            answer = client.post(
                "/v1/decide/deferral", params={"catalog": "svc-county-2026"}, json=body
            )
        assert answer.status_code == 200, answer.text
        return request, answer.json()

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(send, requests))

    given = 0
    for (kind, body), answer in answers:
        bodies = body if isinstance(body, list) else [body]
        decisions = answer if isinstance(body, list) else [answer]
        assert len(decisions) == len(bodies)
        expected = expected_green if kind == "green" else expected_deferral
        for sent, decision in zip(bodies, decisions, strict=True):
            assert _outcome(decision) == expected[sent["id"]]
            uuid.UUID(decision["decision_id"])
            given += 1

    records = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    decisions_logged = [r for r in records if r["kind"] != "catalog"]
    assert len(decisions_logged) == given
    assert len({r["decision_id"] for r in decisions_logged}) == given


def test_parallel_checks_agree(client: TestClient, county: dict[str, Any]) -> None:
    county["items"][1]["promised_days"] = 15  # the first stage's bound of 12 days breaks
    alone = client.post("/v1/check", json=county)
    assert alone.status_code == 200
    assert alone.json()["findings"] and alone.json()["timelines"]

    def check(_: int) -> Any:
        answer = client.post("/v1/check", json=county)
        assert answer.status_code == 200
        return answer.json()

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(check, range(6)))
    assert all(answer == alone.json() for answer in answers)
