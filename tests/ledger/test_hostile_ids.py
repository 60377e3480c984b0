"""Ids at and past the text policy's limits, with control characters or stray spaces."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ledger_support import make_decision
from typer.testing import CliRunner

from permitlogic.cli import app
from permitlogic.ledger.store import open_store
from permitlogic.models.text_policy import ID_MAX_CHARS

runner = CliRunner()


def cases_cli(store: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["cases", *args, "--store", store])
    return result.exit_code, result.stdout, result.stderr


def decision_json(application: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(make_decision().model_dump_json())
    return {**data, "application": application, **changes}


def write(path: Path, data: object) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False))
    return str(path)


def case_ids(store_url: str) -> list[str]:
    with open_store(store_url) as store, store.read() as conn:
        return [case.case_id for case in store.all_cases(conn)]


def test_an_id_at_the_limit_goes_through_every_step(store_url: str, tmp_path: Path) -> None:
    longest = "A" + "9" * (ID_MAX_CHARS - 1)
    later = "B-1"
    many = [f"m{n}-{'x' * 90}" for n in range(8)]
    decisions = [
        decision_json(longest),
        decision_json(later, deadline="2026-03-02"),
    ]
    decisions[0]["deferred"] = [{"id": m, "name": "材料", "core": False} for m in many]
    code, _, err = cases_cli(store_url, "open", write(tmp_path / "d.json", decisions))
    assert code == 0, err

    code, out, err = cases_cli(store_url, "tick", "--on", "2026-03-10", "-f", "json")
    assert code == 0, err
    ticked = json.loads(out)
    assert [(r["case_id"], r["state"]) for r in ticked] == [
        (longest, "overdue"),
        (later, "overdue"),
    ]
    assert all(len(r["key"]) <= 255 for r in ticked)

    code, out, err = cases_cli(
        store_url, "supplement", longest, *many, "--on", "2026-03-11", "-f", "json"
    )
    assert code == 0, err
    record = json.loads(out)
    assert record["missing"] == [] and len(record["key"]) <= 255

    # The same supplement again is the same event (its hashed key is stable).
    code, out, _ = cases_cli(
        store_url, "supplement", longest, *reversed(many), "--on", "2026-03-11", "-f", "json"
    )
    assert code == 0 and json.loads(out)["duplicate"] is True


def test_one_id_too_long_opens_nothing(store_url: str, tmp_path: Path) -> None:
    decisions = [decision_json(f"A-{n}") for n in range(2_009)]
    decisions.insert(2_002, decision_json("A" * 10_000))
    decisions.append(decision_json("B" * (ID_MAX_CHARS + 1)))
    code, out, err = cases_cli(store_url, "open", write(tmp_path / "d.json", decisions))
    assert code == 2, out
    assert "d.json:1:" in err and "[2002].application" in err and "[2010].application" in err
    assert "Traceback" not in err
    assert case_ids(store_url) == []


def test_control_characters_in_an_id_are_refused(store_url: str, tmp_path: Path) -> None:
    for n, bad in enumerate(["A-\x00-1", "A-\x1b[2J", "A-\x9b31m"]):
        path = write(tmp_path / f"d{n}.json", decision_json(bad))
        code, _, err = cases_cli(store_url, "open", path, "--lang", "en")
        assert code == 2 and "control character" in err and f"d{n}.json:1:" in err
    assert case_ids(store_url) == []
    code, _, err = cases_cli(store_url, "open", write(tmp_path / "ok.json", decision_json("A-1")))
    assert code == 0, err
    code, _, err = cases_cli(store_url, "supplement", "A-1\x00", "m3", "--lang", "en")
    assert code == 2 and "[case]" in err and "control character" in err
    assert case_ids(store_url) == ["A-1"]


def test_ids_are_trimmed_and_normalised(store_url: str, tmp_path: Path) -> None:
    code, _, err = cases_cli(store_url, "open", write(tmp_path / "d.json", decision_json("A-1 ")))
    assert code == 0, err
    code, _, err = cases_cli(store_url, "open", write(tmp_path / "e.json", decision_json("A-1")))
    assert code == 0, err
    assert case_ids(store_url) == ["A-1"]

    # Full-width digits and hyphen, as a Chinese input method types them.
    code, out, err = cases_cli(
        store_url, "supplement", "Ａ－１", "m3", "m5", "--on", str(date(2026, 2, 20)), "-f", "json"
    )
    assert code == 0, err
    assert json.loads(out)["case_id"] == "A-1"
    assert json.loads(out)["state"] == "supplemented"


def test_a_narrower_column_of_an_older_ledger_is_a_located_error(
    backend: str, store_url: str, tmp_path: Path
) -> None:
    """PostgreSQL enforces column sizes: an older ledger's 200-character department."""
    if backend != "postgresql":
        pytest.skip("SQLite does not enforce column sizes")
    from sqlalchemy import text

    with open_store(store_url) as store, store.write() as conn:
        conn.execute(text("ALTER TABLE cases ALTER COLUMN department TYPE VARCHAR(200)"))
    decision = decision_json("A-1", department="部" * 300)
    code, _, err = cases_cli(store_url, "open", write(tmp_path / "d.json", decision))
    assert code == 2 and "[--store]" in err and "Traceback" not in err
