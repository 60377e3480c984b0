"""``permitlogic cases ...`` end to end, on a real store (SQLite file, PostgreSQL)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from ledger_support import make_decision
from openpyxl import load_workbook
from sqlalchemy import update
from typer.testing import CliRunner

from permitlogic.cli import app
from permitlogic.ledger.store import cases, open_store
from permitlogic.models.decision import DeferralDecision, DeferralOutcome

runner = CliRunner()


def cases_cli(store: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["cases", *args, "--store", store])
    return result.exit_code, result.stdout, result.stderr


def write_decisions(path: Path, *decisions: DeferralDecision) -> Path:
    data = [json.loads(d.model_dump_json()) for d in decisions]
    path.write_text(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2))
    return path


def test_a_case_from_decision_to_close(store_url: str, tmp_path: Path) -> None:
    decision = write_decisions(tmp_path / "decision.json", make_decision())

    code, out, _ = cases_cli(store_url, "open", str(decision))
    assert code == 0
    assert "A-2026-00931" in out and "open-case" in out

    code, out, _ = cases_cli(store_url, "supplement", "A-2026-00931", "m3", "--on", "2026-02-20")
    assert code == 0
    assert "supplement-partial" in out and "m5" in out

    code, out, _ = cases_cli(
        store_url, "supplement", "A-2026-00931", "m5", "--on", "2026-02-27", "-f", "json"
    )
    assert code == 0
    record = json.loads(out)
    assert (record["state"], record["rule"], record["missing"]) == (
        "supplemented",
        "supplement-complete",
        [],
    )

    code, out, _ = cases_cli(
        store_url, "close", "A-2026-00931", "--on", "2026-03-02", "--lang", "en"
    )
    assert code == 0
    assert "closed" in out

    code, out, _ = cases_cli(store_url, "show", "A-2026-00931", "--format", "json")
    assert code == 0
    history = json.loads(out)
    assert history["case"]["state"] == "closed"
    assert [e["rule"] for e in history["events"]] == [
        "open-case",
        "supplement-partial",
        "supplement-complete",
        "close-supplemented",
    ]

    code, out, _ = cases_cli(store_url, "show", "A-2026-00931")
    assert code == 0
    assert "已办结" in out and "监理合同" in out

    code, out, _ = cases_cli(store_url, "verify")
    assert code == 0
    assert "1 个案件、4 个事件" in out


def test_opening_a_decision_that_is_not_a_deferral_is_exit_2(
    store_url: str, tmp_path: Path
) -> None:
    decisions = write_decisions(
        tmp_path / "decisions.json",
        make_decision("A-1"),
        make_decision("A-2", outcome=DeferralOutcome.notice),
    )
    code, _, err = cases_cli(store_url, "open", str(decisions))
    assert code == 2
    assert "A-2" in err and "notice" in err and "accept_with_deferral" in err
    assert "decisions.json:" in err  # the file and line of the offending decision
    code, _, _ = cases_cli(store_url, "show", "A-1")
    assert code == 2  # nothing was opened

    code, out, err = cases_cli(store_url, "open", str(decisions), "--skip-others", "--lang", "en")
    assert code == 0
    assert "A-1" in out and "A-2 (notice)" in err
    code, _, _ = cases_cli(store_url, "show", "A-2")
    assert code == 2


def test_a_malformed_decision_file_is_exit_2(store_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"application": "A-1", "decision": "accept_with_deferral"}')
    code, _, err = cases_cli(store_url, "open", str(bad))
    assert code == 2
    assert "item" in err and "bad.json" in err


def test_a_rejected_event_is_exit_1_and_recorded(store_url: str, tmp_path: Path) -> None:
    cases_cli(store_url, "open", str(write_decisions(tmp_path / "d.json", make_decision())))
    code, out, _ = cases_cli(store_url, "close", "A-2026-00931", "--on", "2026-02-20")
    assert code == 1
    assert "不能办结" in out
    code, out, _ = cases_cli(
        store_url, "revoke", "A-2026-00931", "--on", "2026-02-21", "--reason", "承诺不实"
    )
    assert code == 0
    code, out, _ = cases_cli(
        store_url, "supplement", "A-2026-00931", "m3", "--on", "2026-02-22", "--lang", "en"
    )
    assert code == 1
    assert "rejected" in out and "revoked" in out
    code, out, _ = cases_cli(store_url, "show", "A-2026-00931", "-f", "json")
    assert [e["outcome"] for e in json.loads(out)["events"]] == [
        "applied",
        "rejected",
        "applied",
        "rejected",
    ]


def test_bad_material_date_or_case_is_exit_2(store_url: str, tmp_path: Path) -> None:
    cases_cli(store_url, "open", str(write_decisions(tmp_path / "d.json", make_decision())))
    code, _, err = cases_cli(store_url, "supplement", "A-2026-00931", "m9", "--on", "2026-02-20")
    assert code == 2 and "m9" in err
    code, _, err = cases_cli(store_url, "supplement", "A-2026-00931", "m3", "--on", "20.2.2026")
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, err = cases_cli(store_url, "close", "A-404", "--on", "2026-02-20")
    assert code == 2 and "A-404" in err


def test_tick_then_due_by_department(store_url: str, tmp_path: Path) -> None:
    decisions = write_decisions(
        tmp_path / "d.json",
        make_decision("A-1", deadline=date(2026, 2, 27)),
        make_decision("A-2", department="县自然资源局"),
    )
    cases_cli(store_url, "open", str(decisions))
    code, out, _ = cases_cli(store_url, "due", "--on", "2026-02-27")
    assert code == 0
    assert "县住房和城乡建设局" in out and "县自然资源局" in out and "今日到期" in out

    code, out, _ = cases_cli(store_url, "tick", "--on", "2026-03-02", "--format", "json")
    assert code == 0
    assert {r["case_id"] for r in json.loads(out)} == {"A-1", "A-2"}
    code, out, _ = cases_cli(store_url, "tick", "--on", "2026-03-02")
    assert code == 0 and "没有新逾期" in out

    code, out, _ = cases_cli(store_url, "due", "--on", "2026-03-02", "--format", "json")
    report = json.loads(out)
    assert report["summary"] == {"due": 0, "overdue": 2, "departments": 2}
    assert [g["department"] for g in report["departments"]] == [
        "县住房和城乡建设局",
        "县自然资源局",
    ]
    assert report["departments"][0]["overdue"][0]["reminded_on"] == "2026-03-02"

    code, out, _ = cases_cli(store_url, "due", "--on", "2026-03-02", "--lang", "en")
    assert code == 0 and "3 d overdue" in out


def test_export_files(store_url: str, tmp_path: Path) -> None:
    cases_cli(store_url, "open", str(write_decisions(tmp_path / "d.json", make_decision())))
    code, _, _ = cases_cli(store_url, "export", "--output", str(tmp_path / "cases.csv"))
    assert code == 0
    text = (tmp_path / "cases.csv").read_bytes().decode("utf-8-sig")
    assert text.splitlines()[1].startswith("A-2026-00931,A-2026-00931,JS-004")

    code, _, _ = cases_cli(
        store_url, "export", "--format", "xlsx", "-o", str(tmp_path / "c.xlsx"), "--lang", "en"
    )
    assert code == 0
    sheet = load_workbook(tmp_path / "c.xlsx").active
    assert sheet is not None and sheet["A2"].value == "A-2026-00931"

    code, _, err = cases_cli(store_url, "export", "-o", str(tmp_path / "cases.txt"))
    assert code == 2 and "--format" in err


def test_verify_lists_mismatches_and_exits_1(store_url: str, tmp_path: Path) -> None:
    cases_cli(store_url, "open", str(write_decisions(tmp_path / "d.json", make_decision())))
    store = open_store(store_url)
    with store.write() as conn:
        conn.execute(update(cases).values(missing=[]))
    store.close()
    code, out, _ = cases_cli(store_url, "verify", "--format", "json")
    assert code == 1
    [mismatch] = json.loads(out)["mismatches"]
    assert mismatch == {
        "case_id": "A-2026-00931",
        "event": None,
        "field": "missing",
        "stored": [],
        "replayed": ["m3", "m5"],
    }
    code, out, _ = cases_cli(store_url, "verify", "--lang", "en")
    assert code == 1 and "mismatch" in out and "missing" in out


@pytest.mark.parametrize("where", ["default", "env"])
def test_the_store_defaults_to_permitlogic_db_or_the_environment(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    if where == "env":
        monkeypatch.setenv("PERMITLOGIC_STORE", str(tmp_path / "elsewhere.db"))
    else:
        monkeypatch.delenv("PERMITLOGIC_STORE", raising=False)
    write_decisions(tmp_path / "d.json", make_decision())
    result = runner.invoke(app, ["cases", "due", "--on", "2026-02-27"])
    assert result.exit_code == 2 and "open a case first" in result.stderr
    result = runner.invoke(app, ["cases", "open", "d.json"])
    assert result.exit_code == 0
    expected = "elsewhere.db" if where == "env" else "permitlogic.db"
    assert (tmp_path / expected).exists()
    result = runner.invoke(app, ["cases", "due", "--on", "2026-02-27", "-f", "json"])
    assert json.loads(result.stdout)["summary"]["due"] == 1


def test_an_unreachable_or_unknown_store_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["cases", "due", "--store", "mysql://u@h/db"])
    assert result.exit_code == 2 and "postgresql" in result.stderr
    result = runner.invoke(
        app, ["cases", "due", "--store", "postgresql://nobody:secret@127.0.0.1:9/none"]
    )
    assert result.exit_code == 2
    assert "secret" not in result.stderr


def test_a_store_from_another_version_is_named_not_misread(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE cases (case_id TEXT PRIMARY KEY, state TEXT)")
    result = runner.invoke(app, ["cases", "due", "--store", str(old), "--lang", "en"])
    assert result.exit_code == 2
    assert "another version" in result.stderr and "cases.deadline" in result.stderr
