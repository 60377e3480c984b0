"""The README's tour, run as written in temporary folders, so that it cannot rot.

Every shell line of the README from "A short tour" to the end of "The workbench"
runs, in the README's order, in a fresh folder holding a copy of ``cases/`` and
``rules/``, with ``permitlogic`` and ``python`` on PATH as this interpreter. The
tour runs in parts that share no files, each a test of its own (so pytest-xdist
spreads them over the cores): each code block of "A short tour", and each later
section whole (the service's requests and replay use its server and log). A part
that uses ``my-rules/`` without making it first runs the tour's own
``cp -r rules my-rules`` before its lines. ``permitlogic serve`` starts in the
background on a free port, which the curl lines then use. Only two things differ
from the README: the port, and ``--max-examples`` is cut to 10, since that line
alone takes minutes at 500 (``.ci/run`` runs it at 500 as a step of its own).
Each line must exit
as the README says (0, or 1 for a check that finds errors), print no traceback,
and leave only files that ``.gitignore`` covers.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from served import Served, serve

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FIRST, LAST = "## A short tour", "## Keeping rule packs under test"

# Lines that find errors in the flawed catalog and so exit 1, as the README says.
EXIT_1 = ("permitlogic check cases/flawed-county.yaml",)
# What the tour writes, each of which .gitignore must cover.
WRITTEN = [
    "report.html",
    "report.sarif",
    "report.xlsx",
    "graph.svg",
    "catalog.xlsx",
    "permitlogic.db",
    "demo-county.json",
    "decisions.jsonl",
    "my-rules/",
    "guangan.yaml",
    "import-log.csv",
]


MY_RULES = "cp -r rules my-rules"
"""The tour's line that makes the county's copy of the packs (later parts use it too)."""


pytestmark = pytest.mark.slow


def _block_lines(block: str) -> list[str]:
    return [
        line.strip()
        for line in block.replace("\\\n", " ").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def tour_parts() -> list[tuple[str, list[str]]]:
    """The tour's lines in parts that share no files, each named, in the README's order."""
    text = README.read_text(encoding="utf-8")
    tour = text[text.index(FIRST) : text.index(LAST)]
    parts: list[tuple[str, list[str]]] = []
    for section in re.split(r"\n(?=## )", tour):
        title = section.splitlines()[0].removeprefix("## ").strip()
        blocks = [_block_lines(b) for b in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]
        if section.startswith(FIRST):
            parts.extend((f"{title} {n}", lines) for n, lines in enumerate(blocks, 1) if lines)
        elif any(blocks):
            parts.append((title, [line for lines in blocks for line in lines]))
    return parts


def tour_lines() -> list[str]:
    return [line for _, lines in tour_parts() for line in lines]


def _prepared(lines: list[str]) -> list[str]:
    """The part's lines, after the tour's ``cp -r rules my-rules`` when it uses that copy first."""
    for line in lines:
        if line.startswith(MY_RULES):
            return lines
        if "my-rules/" in line:
            [copy] = [t for t in tour_lines() if t.startswith(MY_RULES)]
            return [copy, *lines]
    return lines


def _shims(directory: Path) -> dict[str, str]:
    """An environment whose ``permitlogic`` and ``python`` are this interpreter."""
    directory.mkdir()
    for name, command in (
        ("permitlogic", f'"{sys.executable}" -c "from permitlogic.entry import main; main()"'),
        ("python", f'"{sys.executable}"'),
    ):
        shim = directory / name
        shim.write_text(f'#!/bin/sh\nexec {command} "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
    path = os.pathsep.join([str(directory), os.environ.get("PATH", "")])
    return {**os.environ, "PATH": path, "COLUMNS": "120", "PYTHONUNBUFFERED": "1"}


def _adapt(line: str, port: int) -> str:
    line = line.replace("localhost:8000", f"localhost:{port}").replace(
        "--port 8000", f"--port {port}"
    )
    if line.startswith("permitlogic serve") and "--port" not in line:
        line = line.replace("permitlogic serve", f"permitlogic serve --port {port}", 1)
    return re.sub(r"--max-examples \d+", "--max-examples 10", line)


PARTS = tour_parts()


def test_the_tour_is_all_there() -> None:
    """Each written file is made by a line of some part; the service is started."""
    lines = tour_lines()
    assert any(line.startswith("permitlogic serve") for line in lines)
    assert any(line.startswith(MY_RULES) for line in lines)
    for name in WRITTEN:
        if name != "permitlogic.db":
            assert any(name.rstrip("/") in line for line in lines), name


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("curl") is None, reason="the tour uses curl")
@pytest.mark.parametrize(
    "part",
    [lines for _, lines in PARTS],
    ids=[re.sub(r"\W+", "-", name).strip("-").lower() for name, _ in PARTS],
)
def test_the_tour_runs_as_written(tmp_path: Path, part: list[str]) -> None:
    folder = tmp_path / "tour"
    folder.mkdir()
    shutil.copytree(ROOT / "cases", folder / "cases")
    shutil.copytree(ROOT / "rules", folder / "rules")
    before = {p.name for p in folder.iterdir()}
    env = _shims(tmp_path / "bin")
    port = 8000  # until the service starts on a free port, which the later lines then use
    servers: list[Served] = []
    try:
        for written in _prepared(part):
            if written.startswith("permitlogic serve"):
                served = serve(
                    lambda free, line=written: ["bash", "-c", f"exec {_adapt(line, free)}"],
                    cwd=folder,
                    env=env,
                )
                servers.append(served)
                port = served.port
                continue
            line = _adapt(written, port)
            done = subprocess.run(
                ["bash", "-o", "pipefail", "-c", line],
                cwd=folder,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
                # A line that prompts (a new account's password, twice) reads it here.
                input="tour-password-1\ntour-password-1\n",
            )
            expected = 1 if written.startswith(EXIT_1) else 0
            report = (
                f"{written}\n--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}"
            )
            assert done.returncode == expected, report
            assert "Traceback" not in done.stderr, report
            if line.startswith("curl"):
                assert done.stdout.startswith(("{", "[")), report
                assert '"detail"' not in done.stdout, report
    finally:
        for server in servers:
            server.stop()

    left = {p.name + ("/" if p.is_dir() else "") for p in folder.iterdir()} - {
        name + "/" for name in before
    }
    made = {name for name in WRITTEN if any(name.rstrip("/") in line for line in part)}
    assert made <= left, made - left
    for name in made:
        if (folder / name.rstrip("/")).is_file():
            assert (folder / name).stat().st_size > 0, name
    if shutil.which("git") and (ROOT / ".git").exists():
        ignored = subprocess.run(
            ["git", "check-ignore", "--no-index", "--stdin"],
            cwd=ROOT,
            input="\n".join(sorted(left)),
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        assert sorted(left) == sorted(ignored), f"not in .gitignore: {sorted(left - set(ignored))}"
