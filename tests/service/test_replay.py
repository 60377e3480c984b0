"""Replay: after the deferral deadline changes in a copied pack, exactly the decisions whose
deadline changed are reported (and nothing when the packs are the same)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from permitlogic.cli import app as cli_app
from permitlogic.decision_replay import replay
from permitlogic.errors import InputError
from permitlogic.packs.location import default_rules_dir

DEADLINE_LINE = "deadline_working_days: 5\n"


def _applications(application: dict[str, Any]) -> list[dict[str, Any]]:
    """Every deferral outcome, several of them accept_with_deferral on different dates."""
    out = []
    for index, received in enumerate(["2026-02-13", "2026-04-30", "2026-09-29", "2026-06-01"]):
        out.append(dict(application, id=f"A-defer-{index}", received=received))
    out.append(dict(application, id="A-notice-core", submitted=["m1", "m3", "m4", "m5"]))
    out.append(dict(application, id="A-notice-nocommit", commitment=False))
    out.append(
        dict(application, id="A-notice-credit", applicant={"id": "x", "credit": "blacklisted"})
    )
    out.append(dict(application, id="A-accept", submitted=["m1", "m2", "m3", "m4", "m5"]))
    out.append(dict(application, id="A-reject-item", item="XX-999"))
    out.append(dict(application, id="A-reject-material", submitted=["m1", "m2", "m9"]))
    return out


@pytest.fixture
def logged(
    client: TestClient,
    county: dict[str, Any],
    project: dict[str, Any],
    application: dict[str, Any],
    log_path: Path,
) -> dict[str, str]:
    """Decisions made through the service and logged; decision_id -> deferral outcome."""
    assert client.post("/v1/catalogs", json=county).status_code == 201
    batch = client.post(
        "/v1/decide/deferral",
        params={"catalog": "svc-county-2026"},
        json=_applications(application),
    )
    assert batch.status_code == 200, batch.text
    one = client.post(
        "/v1/decide/deferral",
        params={"catalog": "svc-county-2026"},
        json=dict(application, id="A-single", received="2026-10-09"),
    )
    assert one.status_code == 200
    green = client.post(
        "/v1/decide/green-channel", json=[project, dict(project, id="P-2", urban=False)]
    )
    assert green.status_code == 200
    decisions = [*batch.json(), one.json()]
    return {d["decision_id"]: d["decision"] for d in decisions}


@pytest.fixture
def changed_rules(tmp_path: Path) -> Path:
    """A copy of the bundled rules with the deferral deadline at 7 working days instead of 5."""
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    pack = rules / "deferral.yaml"
    text = pack.read_text(encoding="utf-8")
    assert text.count(DEADLINE_LINE) == 1
    pack.write_text(text.replace(DEADLINE_LINE, "deadline_working_days: 7\n"), encoding="utf-8")
    return rules


def test_same_packs_change_nothing(logged: dict[str, str], log_path: Path) -> None:
    report = replay(log_path)
    assert report.decisions == len(logged) + 2
    assert report.unchanged == report.decisions
    assert report.differences == []


def test_changed_deadline_reports_exactly_the_deferred_decisions(
    logged: dict[str, str], log_path: Path, changed_rules: Path
) -> None:
    deferred = {i for i, outcome in logged.items() if outcome == "accept_with_deferral"}
    assert len(deferred) == 5
    assert set(logged.values()) == {"accept_with_deferral", "notice", "accept", "reject"}

    report = replay(log_path, changed_rules)
    assert {d.decision_id for d in report.differences} == deferred
    assert report.decisions == len(logged) + 2
    records = {
        r["decision_id"]: r
        for r in map(json.loads, log_path.read_text(encoding="utf-8").splitlines())
        if r["kind"] == "deferral"
    }
    for difference in report.differences:
        [change] = difference.changes
        assert change.field == "deadline"
        assert change.old == records[difference.decision_id]["output"]["deadline"]
        assert change.new > change.old
        assert difference.kind == "deferral"
        assert difference.catalog == "svc-county-2026"


def test_replay_command_exit_codes(
    logged: dict[str, str], log_path: Path, changed_rules: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    same = runner.invoke(cli_app, ["replay", str(log_path)])
    assert same.exit_code == 0, same.output
    changed = runner.invoke(
        cli_app, ["replay", str(log_path), "--rules", str(changed_rules), "--format", "json"]
    )
    assert changed.exit_code == 1, changed.output
    body = json.loads(changed.output)
    assert len(body["differences"]) == 5
    text = runner.invoke(cli_app, ["replay", str(log_path), "--rules", str(changed_rules)])
    assert text.exit_code == 1
    assert "deadline" in text.output and "→" in text.output

    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(InputError):
        replay(broken)


def test_deferral_without_its_catalog_cannot_be_replayed(
    logged: dict[str, str], log_path: Path, tmp_path: Path
) -> None:
    lines = log_path.read_text(encoding="utf-8").splitlines()
    without = tmp_path / "without-catalog.jsonl"
    without.write_text(
        "\n".join(line for line in lines if json.loads(line)["kind"] != "catalog") + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        replay(without)
    assert len(caught.value.problems) == len(logged)
    assert all(p.location.key == "catalog" for p in caught.value.problems)
