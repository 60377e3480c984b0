"""Text output off a terminal: a plain block per finding, every finding of the JSON report in it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from permitlogic.cli import app

ROOT = Path(__file__).resolve().parents[2]
FLAWED = str(ROOT / "cases" / "flawed-county.yaml")


def test_piped_text_has_a_line_per_finding_and_no_table_borders() -> None:
    runner = CliRunner()
    text = runner.invoke(app, ["check", FLAWED, "--lang", "en"])
    data = json.loads(runner.invoke(app, ["check", FLAWED, "--format", "json"]).stdout)
    assert text.exit_code == 1
    lines = text.stdout.splitlines()
    heads = [line for line in lines if line.startswith("  ") and not line.startswith("    ")]
    assert len(heads) == len(data["findings"])
    for finding in data["findings"]:
        assert f"  {finding['severity']} {finding['rule']} {finding['name']} · " in text.stdout
        assert f"    {finding['message_en']}" in lines
    before_timelines = text.stdout.split("worst case")[0]
    assert "│" not in before_timelines and "┃" not in before_timelines


def test_text_written_with_output_is_plain_too(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = CliRunner().invoke(app, ["check", FLAWED, "-o", str(out)])
    assert result.exit_code == 1
    written = out.read_text(encoding="utf-8")
    assert "  错误 PL101 mutual-prerequisite · " in written
    assert "    依据：" in written
