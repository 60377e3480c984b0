"""`--rules DIR` must name a rule-pack folder: a missing or wrong one is exit 2, never the bundled packs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from permitlogic.cli import app
from permitlogic.errors import InputError

ROOT = Path(__file__).resolve().parent.parent.parent
CASES = ROOT / "cases"
CATALOG = str(CASES / "demo-county.yaml")
ENTRY = [sys.executable, "-c", "from permitlogic.entry import main; main()"]

# Every command that takes --rules, with arguments that run cleanly on the bundled packs.
COMMANDS = {
    "check": ["check", CATALOG],
    "decide green-channel": ["decide", "green-channel", str(CASES / "inputs" / "projects.yaml")],
    "decide deferral": [
        "decide",
        "deferral",
        str(CASES / "inputs" / "application.yaml"),
        "--catalog",
        CATALOG,
    ],
    "graph": ["graph", CATALOG, "--format", "json"],
    "diff": ["diff", str(CASES / "demo-county-2025.yaml"), CATALOG],
    "replay": ["replay", str(ROOT / "pyproject.toml")],
    "serve": ["serve", "--port", "1"],
}


def _refusal(args: list[str]) -> InputError:
    result = CliRunner().invoke(app, args)
    assert isinstance(result.exception, InputError), result.output
    return result.exception


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_missing_rules_folder_is_refused(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "nosuch"
    [problem] = _refusal([*COMMANDS[command], "--rules", str(missing)]).problems
    assert problem.location.key == "--rules"
    assert str(missing) in problem.message_zh and str(missing) in problem.message_en


def test_a_folder_without_any_pack_is_refused() -> None:
    [problem] = _refusal([*COMMANDS["check"], "--rules", str(CASES / "inputs")]).problems
    assert problem.location.key == "--rules"
    assert "checks.yaml" in problem.message_en


def test_a_copy_of_the_packs_is_taken(tmp_path: Path) -> None:
    county = tmp_path / "my-rules"
    county.mkdir()
    (county / "checks.yaml").write_bytes((ROOT / "rules" / "checks.yaml").read_bytes())
    result = CliRunner().invoke(app, [*COMMANDS["check"], "--rules", str(county)])
    assert result.exit_code == 0, result.output


def test_the_command_exits_2_and_names_the_folder() -> None:
    done = subprocess.run(
        [*ENTRY, "check", CATALOG, "--rules", "nosuch/"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "nosuch" in done.stderr
    assert "Traceback" not in done.stderr
