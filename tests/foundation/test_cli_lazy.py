"""The command line imports only what a command uses, and its table of commands is complete."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from permitlogic.cli import PermitlogicGroup, app
from permitlogic.cli.lazy import load_command

ROOT = Path(__file__).resolve().parent.parent.parent
HEAVY = [
    "z3",
    "networkx",
    "durable",
    "openpyxl",
    "jinja2",
    "fastapi",
    "sqlalchemy",
    "hypothesis",
    "chinese_calendar",
]

PROBE = """
import json, os, sys
from permitlogic.entry import main
def loaded():
    heavy = sorted(m for m in json.loads(HEAVY) if m in sys.modules)
    sys.stderr.write("LOADED " + json.dumps(heavy) + "\\n")
    sys.stderr.flush()
def loaded_then_exit(code, exit=os._exit):  # `check` ends its process at once
    loaded()
    exit(code)
os._exit = loaded_then_exit
sys.argv = ["permitlogic", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
loaded()
"""


def loaded_by(*args: str, watched: list[str] = HEAVY) -> list[str]:
    """Which of ``watched`` (the heavy libraries) a whole ``permitlogic ARGS`` process imported."""
    code = PROBE.replace("HEAVY", repr(json.dumps(watched)))
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    [line] = [x for x in done.stderr.splitlines() if x.startswith("LOADED ")]
    loaded: list[str] = json.loads(line.removeprefix("LOADED "))
    return loaded


def test_version_imports_nothing_but_the_package() -> None:
    code = "import sys; from permitlogic.entry import main; sys.argv[1:] = ['--version']; main(); print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich', 'pydantic')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == [f"permitlogic {_version()}", "[]"]


def _version() -> str:
    from permitlogic import __version__

    return __version__


@pytest.mark.parametrize(
    ("args", "needed"),
    [
        (["--help"], []),
        (["check", "cases/demo-county.yaml"], ["networkx", "z3"]),
        # Structure checks only: no chain to solve, so z3 is not loaded.
        (["check", "cases/flawed-county.yaml", "--select", "PL1"], ["networkx"]),
        # Platform records (JSON) with no chains: neither z3 nor openpyxl.
        (["check", "cases/real/lingshan-county/lingshan-county.json"], ["networkx"]),
        (["decide", "green-channel", "cases/inputs/projects.yaml"], ["durable"]),
    ],
)
def test_a_command_imports_only_what_it_uses(args: list[str], needed: list[str]) -> None:
    assert loaded_by(*args) == needed


def test_a_green_channel_decision_builds_no_catalog_and_no_calendar() -> None:
    """Deciding projects needs neither the catalog's models, nor 容缺受理, nor holidays."""
    watched = ["permitlogic.models.catalog", "permitlogic.decide.deferral", "chinese_calendar"]
    args = ["decide", "green-channel", "cases/inputs/projects.yaml"]
    assert loaded_by(*args, watched=watched) == []
    deferral = ["decide", "deferral", "cases/inputs/application.yaml"]
    assert loaded_by(*deferral, "--catalog", "cases/demo-county.yaml", watched=watched) == sorted(
        watched
    )


def test_the_table_names_every_command_each_module_registers() -> None:
    registered: set[str] = set()
    for module in {entry.module for entry in PermitlogicGroup.lazy_commands}:
        holder = typer.Typer()
        importlib.import_module(module).register(holder)
        group = typer.main.get_group(holder)
        registered |= set(group.commands)
    assert {entry.name for entry in PermitlogicGroup.lazy_commands} == registered
    for entry in PermitlogicGroup.lazy_commands:
        assert load_command(entry).name == entry.name


def test_help_lists_every_command_with_its_summary() -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for entry in PermitlogicGroup.lazy_commands:
        assert entry.name in result.output
        assert entry.summary.split("/")[-1].strip() in result.output
