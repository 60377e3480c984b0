"""Every malformed catalog of the corpus: exit 2, its location in the message, no traceback.

The committed files and what each must report are listed in expected.yaml;
three more (a 1,000,000-row sheet, a zip bomb, an oversized file) are made at
test time. Most run through the CLI entry point in this process; a few, and
the generated ones, run as a real ``permitlogic`` subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import yamlio
from sizes import FULL, scaled

from ..load.load_support import run_cli

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXPECTED: dict[str, dict[str, Any]] = yamlio.load(
    (HERE / "expected.yaml").read_text(encoding="utf-8")
)
NOT_CORPUS = {"expected.yaml", "make_corpus.py", "test_corpus.py", "__pycache__"}
SUBPROCESS = ["yaml-syntax.yaml", "merged-cell.xlsx"]


def permitlogic_command() -> list[str]:
    script = Path(sys.executable).with_name("permitlogic")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from permitlogic.cli import main; main()"]


def run_subprocess(
    args: list[str], cwd: Path, env: dict[str, str] | None = None
) -> tuple[int, str]:
    done = subprocess.run(
        [*permitlogic_command(), *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


def assert_reported(name: str, code: int, output: str, expected: dict[str, Any]) -> None:
    assert "Traceback" not in output, output
    assert code == 2, output
    assert f"{name}{expected['where']}" in output, output
    if "key" in expected:
        assert f"[{expected['key']}]" in output, output
    if "says" in expected:
        assert expected["says"] in output, output
    if "problems" in expected:
        assert f"invalid input ({expected['problems']})" in output, output


def test_corpus_is_complete() -> None:
    files = {p.name for p in HERE.iterdir()} - NOT_CORPUS
    assert files == set(EXPECTED), "expected.yaml and the corpus files differ"
    assert len(files) + len(GENERATED) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_in_process(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = EXPECTED[name]
    monkeypatch.chdir(HERE)
    for variable, value in (expected.get("env") or {}).items():
        monkeypatch.setenv(variable, value)
    code, output = run_cli(["check", name], monkeypatch, capsys)
    assert_reported(name, code, output, expected)


@pytest.mark.parametrize("name", SUBPROCESS)
def test_bad_input_subprocess(name: str) -> None:
    code, output = run_subprocess(["check", name], HERE)
    assert_reported(name, code, output, EXPECTED[name])


# ── generated at test time ──

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="事项" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet"/></Relationships>'
)


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def write_raw_xlsx(path: Path, rows: int, padding_mb: int = 0) -> None:
    """A minimal XLSX, written as XML straight into the zip (fast, constant memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                '<?xml version="1.0" encoding="UTF-8"?><worksheet '
                'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f'<dimension ref="A1:B{rows}"/><sheetData>'.encode()
            )
            sheet.write(
                f'<row r="1">{_cell("A1", "事项编码")}{_cell("B1", "事项名称")}</row>'.encode()
            )
            chunk: list[str] = []
            for r in range(2, rows + 1):
                chunk.append(
                    f'<row r="{r}">{_cell(f"A{r}", f"X-{r}")}{_cell(f"B{r}", f"审批{r}")}</row>'
                )
                if len(chunk) == 20_000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write("".join(chunk).encode())
            sheet.write(b"</sheetData></worksheet>")
        if padding_mb:
            info = zipfile.ZipInfo("xl/media/padding.bin")
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as padding:
                block = b"\0" * (1 << 20)
                for _ in range(padding_mb):
                    padding.write(block)


ROW_LIMIT = scaled(100_000, 10_000)
"""The item-row limit the million-row sheet meets: the default one in CI; a quick run
sets a tenth of it (PERMITLOGIC_MAX_ITEMS) and writes a tenth of the rows past it."""


def million_rows(directory: Path) -> Path:
    path = directory / "million-rows.xlsx"
    write_raw_xlsx(path, ROW_LIMIT * 10)
    return path


def zip_bomb(directory: Path) -> Path:
    path = directory / "zip-bomb.xlsx"
    write_raw_xlsx(path, 3, padding_mb=100)
    return path


def too_big(directory: Path) -> Path:
    path = directory / "too-big.yaml"
    path.write_text("# padding\n" * 120_000, encoding="utf-8")  # about 1.2 MB
    return path


GENERATED: dict[str, tuple[Callable[[Path], Path], dict[str, Any]]] = {
    "million-rows.xlsx": (
        million_rows,
        {
            "where": f"[事项] row {ROW_LIMIT + 2}",
            "says": f"超过 {ROW_LIMIT} 行事项",
            "env": None if FULL else {"PERMITLOGIC_MAX_ITEMS": str(ROW_LIMIT)},
        },
    ),
    "zip-bomb.xlsx": (zip_bomb, {"where": ":", "says": "zip 炸弹"}),
    "too-big.yaml": (
        too_big,
        {"where": ":", "says": "文件太大", "env": {"PERMITLOGIC_MAX_FILE_MB": "1"}},
    ),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_input(
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make, expected = GENERATED[name]
    path = make(tmp_path)
    if name == "million-rows.xlsx":  # the real process: memory and time as a user meets them
        code, output = run_subprocess(["check", path.name], tmp_path, expected.get("env"))
    else:
        monkeypatch.chdir(tmp_path)
        for variable, value in (expected.get("env") or {}).items():
            monkeypatch.setenv(variable, value)
        code, output = run_cli(["check", path.name], monkeypatch, capsys)
    assert_reported(name, code, output, expected)
