"""``permitlogic decide``: files, stdin, lists, text and JSON, notices, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from decide_support import CASES, CATALOG_PATH, DATA
from typer.testing import CliRunner

from permitlogic.cli import app
from permitlogic.service.examples import APPLICATION, PROJECT

runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def deferral(file: Path, *args: str) -> tuple[int, str, str]:
    """``permitlogic decide deferral FILE --catalog <the test catalog> ARGS``."""
    return run("decide", "deferral", str(file), "--catalog", str(CATALOG_PATH), *args)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def test_green_channel_json_is_the_spec_shape(tmp_path: Path) -> None:
    file = write(tmp_path, "p.yaml", {"project": dict(PROJECT, dust_deposit_paid=False)})
    code, out, _ = run("decide", "green-channel", str(file), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["project", "decision", "unmet", "met", "effect", "pack_version"]
    assert data["decision"] == "not_eligible"
    assert [u["rule"] for u in data["unmet"]] == ["GC-2c"]
    assert set(data["unmet"][0]) == {"rule", "condition", "message_zh", "message_en", "citation"}


def test_green_channel_text_is_a_chinese_table(tmp_path: Path) -> None:
    file = write(tmp_path, "p.yaml", {"project": dict(PROJECT, category="ordinary")})
    code, out, _ = run("decide", "green-channel", str(file))
    assert code == 0
    assert "不符合绿色通道条件" in out and "GC-0" in out and "GC-4" in out
    assert "不满足" in out and "满足" in out
    code, out, _ = run("decide", "green-channel", str(file), "--lang", "en")
    assert code == 0 and "not eligible" in out


def test_a_list_on_stdin_gives_a_list(tmp_path: Path) -> None:
    projects = [dict(PROJECT, id="P-1"), {"project": dict(PROJECT, id="P-2", urban=False)}]
    code, out, _ = run(
        "decide", "green-channel", "-", "--format", "json", stdin=json.dumps(projects)
    )
    assert code == 0
    assert [d["project"] for d in json.loads(out)] == ["P-1", "P-2"]


def test_bad_input_exits_2_naming_file_line_and_key(tmp_path: Path) -> None:
    project = {k: v for k, v in PROJECT.items() if k != "urban"}
    file = write(
        tmp_path, "bad.yaml", [{"project": PROJECT}, {"project": dict(project, eia_approval="yes")}]
    )
    code, out, err = run("decide", "green-channel", str(file))
    assert code == 2 and out == ""
    assert f"{file}:" in err
    assert "[1].project.urban" in err and "[1].project.eia_approval" in err


def test_missing_file_and_empty_input_exit_2(tmp_path: Path) -> None:
    assert run("decide", "green-channel", str(tmp_path / "none.yaml"))[0] == 2
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert run("decide", "green-channel", str(empty))[0] == 2
    assert run("decide", "deferral", str(empty))[0] == 2  # no --catalog


def test_deferral_text_and_json(tmp_path: Path) -> None:
    file = write(tmp_path, "a.yaml", {"application": APPLICATION})
    code, out, _ = deferral(file)
    assert code == 0
    assert "容缺受理" in out and "2026-02-27" in out and "DF-5" in out
    code, out, _ = deferral(file, "--format", "json")
    data = json.loads(out)
    assert data["decision"] == "accept_with_deferral" and data["deadline"] == "2026-02-27"
    assert [m["id"] for m in data["deferred"]] == ["m3", "m5", "m6"]


def test_the_notice_in_text_and_json(tmp_path: Path) -> None:
    blacklisted = dict(APPLICATION, applicant={"id": "x", "credit": "blacklisted"})
    file = write(tmp_path, "a.yaml", [{"application": blacklisted}, dict(APPLICATION, id="A-2")])
    code, out, _ = deferral(file, "--notice")
    assert code == 0
    assert "一次性告知书" in out and "容缺受理告知书" in out
    assert "m3 施工合同" in out and "2026年02月27日" in out
    code, out, _ = deferral(file, "--notice", "--lang", "en")
    assert "Notice of everything missing" in out and "2026-02-27" in out
    code, out, _ = deferral(file, "--notice", "--format", "json")
    notices = json.loads(out)
    assert [n["kind"] for n in notices] == ["notice", "deferral"]
    assert [m["id"] for m in notices[0]["materials"]] == ["m3", "m5", "m6"]
    assert notices[0]["due"] == "2026-02-27"


def test_2027_exits_2_naming_the_year_until_a_calendar_is_given(tmp_path: Path) -> None:
    file = write(tmp_path, "a.yaml", {"application": dict(APPLICATION, received="2027-02-05")})
    code, out, err = deferral(file, "--format", "json")
    assert code == 2 and "2027" in err and f"{file}:" in err
    code, out, _ = deferral(
        file, "--format", "json", "--calendar", str(DATA / "calendar-2027-test.yaml")
    )
    assert code == 0
    assert json.loads(out)["deadline"] == "2027-02-19"


def test_a_county_rules_directory(tmp_path: Path) -> None:
    file = write(tmp_path, "a.yaml", {"application": APPLICATION})
    code, out, _ = deferral(
        file, "--rules", str(CASES / "data" / "rules-county"), "--format", "json"
    )
    assert code == 0
    assert json.loads(out)["decision"] == "notice"


def test_a_bad_catalog_or_pack_exits_2(tmp_path: Path) -> None:
    file = write(tmp_path, "a.yaml", {"application": APPLICATION})
    bad_catalog = write(tmp_path, "c.yaml", {"catalog": {"id": "x"}})
    assert run("decide", "deferral", str(file), "--catalog", str(bad_catalog))[0] == 2
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "deferral.yaml").write_text("version: 1\n", encoding="utf-8")
    code, _, err = deferral(file, "--rules", str(rules))
    assert code == 2 and "deferral.yaml:1" in err


@pytest.mark.parametrize("command", [["green-channel"], ["deferral"]])
def test_help_explains(command: list[str]) -> None:
    code, out, _ = run("decide", *command, "--help")
    assert code == 0 and "Exit codes" in out


def test_text_shows_brackets_in_input_literally(tmp_path: Path) -> None:
    file = write(tmp_path, "p.yaml", {"project": dict(PROJECT, id="P-[red]1[/]")})
    code, out, _ = run("decide", "green-channel", str(file))
    assert code == 0 and "P-[red]1[/]" in out
