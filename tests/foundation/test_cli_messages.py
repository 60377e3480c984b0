"""What the CLI says when a report goes to a file, and when a folder is given for a file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CASES = ROOT / "cases"
ENTRY = [sys.executable, "-c", "from permitlogic.entry import main; main()"]


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ENTRY, *args], capture_output=True, text=True, timeout=120, cwd=cwd, check=False
    )


@pytest.mark.parametrize(("lang", "wrote"), [("zh", "已写出"), ("en", "wrote")])
def test_check_with_output_names_the_file_and_the_totals(
    tmp_path: Path, lang: str, wrote: str
) -> None:
    report = tmp_path / "report.sarif"
    done = _run(
        "check", str(CASES / "flawed-county.yaml"), "-f", "sarif", "-o", str(report), "--lang", lang
    )
    assert done.returncode == 1  # flawed-county has errors
    assert report.stat().st_size > 0
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(f"{wrote} {report}")
    assert any(ch.isdigit() and ch != "0" for ch in line.split(str(report))[1])


@pytest.mark.parametrize(
    "args",
    [
        ["check", "cases"],
        ["decide", "green-channel", "cases"],
        ["decide", "deferral", "cases/inputs/application.yaml", "--catalog", "cases"],
    ],
)
def test_a_folder_for_a_file_is_called_a_folder(args: list[str]) -> None:
    done = _run(*args)
    assert done.returncode == 2
    assert "folder" in done.stderr and "文件夹" in done.stderr
    assert "Traceback" not in done.stderr
