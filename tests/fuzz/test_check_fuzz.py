"""Fuzzing the command line with mutated catalogs: the contract holds for every input.

Bounded (a few hundred inputs, a small catalog), so it runs in CI: exit 0, 1 or
2 and never a traceback; exit 2 always names the file and where in it; a
written spreadsheet never holds a formula.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yamlio
from permitlogic.cli import main
from permitlogic.load.catalog import load_catalog
from permitlogic.load.sheet_writer import to_csv
from sizes import examples

ROOT = Path(__file__).resolve().parents[2]
DEMO: dict[str, Any] = yamlio.load((ROOT / "cases" / "demo-county.yaml").read_text("utf-8"))
SMALL: dict[str, Any] = {
    "catalog": {**DEMO["catalog"], "effective": str(DEMO["catalog"]["effective"])},
    "items": [
        {k: v for k, v in item.items() if k != "prerequisites"} for item in DEMO["items"][:6]
    ],
}
SMALL_YAML = yamlio.dump(SMALL, allow_unicode=True, sort_keys=False)
SMALL_CSV = to_csv(
    load_catalog(ROOT / "cases" / "demo-county.yaml").model_copy(
        update={"items": load_catalog(ROOT / "cases" / "demo-county.yaml").items[:6], "chains": []}
    )
)
HOSTILE = [
    "\x00",
    "\x1b[31m",
    "\x1b]0;t\x07",
    "\x9b",
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "@A1",
    "+1",
    "-1",
    "\t",
    "\n",
    "\r",
    "  ",
    "- ",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    '"',
    "'",
    "&a ",
    "*a",
    "!!python/object/apply:os.system ['true']",
    "<<: *a",
    "1:20",
    "012",
    "0x1F",
    "~",
    "Ａ－１",
    "\u202e",
    "\ud800",
    "null",
    "99999999999999999999",
    "2026-02-30",
    "<script>",
    "]]>",
    "&amp;",
    "ä",
    "x" * 500,
]
FORMATS = ["json", "text", "xlsx", "sarif", "html"]
LOCATED = re.compile(r"(:\d+|\[[^\]]*\]|!| row \d+)")

texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x3000), min_size=120, max_size=200),
)
values = st.one_of(
    texts,
    st.integers(-(2**70), 2**70),
    st.none(),
    st.booleans(),
    st.floats(),
    st.lists(texts, max_size=3),
    st.dictionaries(texts, texts, max_size=2),
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(SMALL)


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = json.loads(json.dumps(data))
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


def _edit(text: str, edits: list[tuple[int, int, str]]) -> str:
    for position, cut, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + cut :]
    return text


def _run(path: Path, fmt: str, out: Path) -> tuple[int, str]:
    argv = sys.argv
    stdout, stderr = io.StringIO(), io.StringIO()
    sys.argv = ["permitlogic", "check", str(path), "--format", fmt, "-o", str(out)]
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            main()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    finally:
        sys.argv = argv
    return code, stdout.getvalue() + stderr.getvalue()


def _assert_contract(path: Path, fmt: str, tmp: Path) -> None:
    out = tmp / f"out.{fmt}"
    out.unlink(missing_ok=True)
    code, output = _run(path, fmt, out)
    assert code in (0, 1, 2), output
    assert "Traceback" not in output
    if code == 2:
        lines = [line for line in output.splitlines() if line.startswith(f"  {path}")]
        assert lines, output
        for line in lines:
            assert LOCATED.match(line[2 + len(str(path)) :]), line
    elif fmt == "xlsx":
        with zipfile.ZipFile(out) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(name)


FUZZ = settings(
    max_examples=examples(120),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(
    path=st.sampled_from(PATHS),
    value=values,
    fmt=st.sampled_from(FORMATS),
    as_json=st.booleans(),
)
def test_a_changed_value(
    tmp_path: Path, path: tuple[Any, ...], value: Any, fmt: str, as_json: bool
) -> None:
    data = _set(SMALL, path, value)
    target = tmp_path / ("fuzz.json" if as_json else "fuzz.yaml")
    try:
        text = (
            json.dumps(data, ensure_ascii=False)
            if as_json
            else yamlio.dump(data, allow_unicode=True)
        )
    except (ValueError, yaml.YAMLError):
        return  # not writable as such (a lone surrogate, a NaN in strict JSON)
    target.write_text(text, encoding="utf-8", errors="surrogatepass")
    _assert_contract(target, fmt, tmp_path)


edits = st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(0, 3), st.sampled_from(HOSTILE)),
    min_size=1,
    max_size=4,
)


@FUZZ
@given(edits=edits, fmt=st.sampled_from(FORMATS), kind=st.sampled_from(["yaml", "csv"]))
def test_edited_text(
    tmp_path: Path, edits: list[tuple[int, int, str]], fmt: str, kind: str
) -> None:
    source = SMALL_YAML if kind == "yaml" else SMALL_CSV
    target = tmp_path / f"fuzz.{kind}"
    target.write_bytes(_edit(source, edits).encode("utf-8", errors="surrogatepass"))
    _assert_contract(target, fmt, tmp_path)


def test_a_location_is_never_read_as_an_emoji_code(tmp_path: Path) -> None:
    """``file.yaml:100:3`` holds ``:100:``, rich's code for 💯 (found by the fuzzer)."""
    lines = SMALL_YAML.splitlines()
    at = next(n for n, line in enumerate(lines) if line.strip().startswith("promised_days:"))
    lines[at] = lines[at].split(":")[0] + ": many"
    padding = ["# padding"] * (99 - at)
    path = tmp_path / "emoji.yaml"
    path.write_text("\n".join([*padding, *lines]) + "\n", encoding="utf-8")
    code, output = _run(path, "text", tmp_path / "out.txt")
    assert code == 2
    assert f"{path}:100:" in output and "\U0001f4af" not in output
