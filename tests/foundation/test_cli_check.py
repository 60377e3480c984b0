"""`permitlogic check` and `permitlogic rules` through the real CLI: exit codes, JSON, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import yamlio
from permitlogic.cli import app

runner = CliRunner()

CATALOG = {
    "catalog": {"id": "t-2026", "jurisdiction": "测试县"},
    "items": [
        {
            "id": "ZR-001",
            "name": "建设用地规划许可证核发",
            "department": "县自然资源和规划局",
            "kind": "license",
            "basis": [
                {"level": "law", "title": "中华人民共和国城乡规划法", "article": "第三十七条"}
            ],
            "promised_days": 5,
        },
        {
            "id": "JS-001",
            "name": "建筑工程施工许可证核发",
            "department": "县住房和城乡建设局",
            "kind": "license",
            "promised_days": 5,
            "prerequisites": [
                {"item": "ZR-009", "basis": {"level": "law", "title": "中华人民共和国建筑法"}}
            ],
        },
    ],
}


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text(yamlio.dump(CATALOG, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    data = {**CATALOG, "items": CATALOG["items"][:1]}
    path = tmp_path / "clean.yaml"
    path.write_text(yamlio.dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_json_output_has_the_promised_shape(flawed: Path) -> None:
    code, out = run("check", str(flawed), "--format", "json", "--select", "PL107,PL202")
    assert code == 1
    data = json.loads(out)
    assert data["tool"]["name"] == "permitlogic"
    assert data["catalog"] == {"id": "t-2026", "items": 2, "source": str(flawed)}
    rules = {(f["rule"], tuple(f["items"])) for f in data["findings"]}
    assert rules == {("PL107", ("JS-001", "ZR-009")), ("PL202", ("JS-001",))}
    assert data["summary"] == {"error": 2, "warning": 0, "info": 0}
    unlisted = next(f for f in data["findings"] if f["rule"] == "PL107")
    assert unlisted["name"] == "unlisted-item"
    assert unlisted["severity"] == "error"
    assert unlisted["message_zh"] and unlisted["message_en"] and unlisted["citation"]
    lines = flawed.read_text(encoding="utf-8").splitlines()
    assert unlisted["location"]["line"] == lines.index("- id: JS-001") + 1


def test_select_ignore_and_fail_on(flawed: Path, clean: Path) -> None:
    code, out = run("check", str(flawed), "--format", "json", "--select", "PL107")
    assert code == 1 and {f["rule"] for f in json.loads(out)["findings"]} == {"PL107"}
    code, out = run(
        "check", str(flawed), "--format", "json", "--select", "PL1,PL2", "--ignore", "PL107,PL202"
    )
    assert not [f for f in json.loads(out)["findings"] if f["rule"] in ("PL107", "PL202")]
    code, _ = run("check", str(clean), "--select", "PL107,PL202")
    assert code == 0


def test_unknown_check_id_is_a_usage_error(flawed: Path) -> None:
    result = runner.invoke(app, ["check", str(flawed), "--select", "PL999"])
    assert result.exit_code != 0
    assert isinstance(result.exception, Exception) and "PL999" in str(result.exception)


def test_bad_file_exits_2_with_location(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "catalog: {id: t, jurisdiction: 县}\nitems:\n  - id: A\n    kind: license\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "permitlogic.cli", "check", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "bad.yaml:3" in result.stderr and "items[0].name" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_rules_lists_every_check_and_prints_one_doc() -> None:
    code, out = run("rules", "--json")
    assert code == 0
    ids = [r["id"] for r in json.loads(out)]
    assert "PL107" in ids and "PL202" in ids and ids == sorted(ids)
    code, out = run("rules", "PL107", "--lang", "en")
    assert code == 0 and "Why is this bad?" in out and "unlisted-item" in out


def test_invalid_input_as_json_for_programs(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "catalog: {id: t, jurisdiction: 县, effective: 2026-02-30}\nitems:\n  - id: A\n    kind: licence\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(bad), "--format", "json"])
    assert result.exit_code != 0 and isinstance(result.exception, Exception)
    errors = json.loads(result.stdout)["errors"]
    assert {e["rule"] for e in errors} == {"PL001"}
    assert {e["location"]["key"] for e in errors} >= {"catalog.effective", "items[0].kind"}
    assert (
        next(e for e in errors if e["location"]["key"] == "catalog.effective")["location"]["line"]
        == 1
    )


def test_rules_documents_invalid_input_too() -> None:
    code, out = run("rules", "PL001", "--lang", "en")
    assert code == 0 and "invalid-catalog" in out and "Exit code 2" in out
