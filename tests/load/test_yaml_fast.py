"""The fast YAML path gives parse_yaml's data and locations exactly, or steps aside.

Every YAML file of the repository, a synthetic catalog, crafted texts on
which the two loaders differ, and generated documents are read both ways:
whenever the fast path answers, its data (with types), its problems and the
location of every key path (and of paths that are not there) equal
parse_yaml's; when parse_yaml refuses a text or finds a problem in a value,
the fast path must not answer.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog_sourced, parse_text
from permitlogic.load.limits import FAST_MIN_CHARS, LoadLimits
from permitlogic.load.yaml_fast import YamlFastSourced, parse_yaml_fast
from permitlogic.load.yaml_source import Sourced, parse_yaml
from permitlogic.synth import SynthOptions, synth_catalog
from sizes import examples, scaled

ROOT = Path(__file__).resolve().parents[2]


def typed(value: Any) -> Any:
    """The value with every scalar's type beside it (True != 1, 1.0 != 1 here), NaN comparable."""
    if isinstance(value, dict):
        return {typed(key): typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def slow_read(text: str, name: str) -> Sourced | None:
    """parse_yaml's reading, or None when it refuses the text or finds a problem in a value."""
    try:
        sourced = parse_yaml(text, name, defer_value_problems=True)
    except (InputError, RecursionError):
        return None
    return None if sourced.problems else sourced


def same_as_slow(text: str, name: str = "catalog.yaml") -> YamlFastSourced | None:
    """The fast reading, after checking it against parse_yaml's (None: the fast path stepped aside)."""
    slow = slow_read(text, name)
    fast = parse_yaml_fast(text, name, max_reread_share=1.0)
    if fast is None:
        return None
    assert isinstance(fast, YamlFastSourced)
    assert slow is not None, "the fast path answered where parse_yaml refuses or finds a problem"
    assert typed(fast.data) == typed(slow.data)
    assert fast.problems == []
    asked = list(slow.locations)
    missing = [(*path, "no-such-key") for path in asked] + [(*path, 10**6) for path in asked]
    for path in [*asked, *missing, ("items", -1), ("no-such-block", 0)]:
        assert fast.locate(path) == slow.locate(path), path
    return fast


def repository_yaml() -> list[Path]:
    found = [
        path
        for pattern in ("*.yaml", "*.yml")
        for path in ROOT.rglob(pattern)
        if not any(part.startswith(".") or part in ("node_modules",) for part in path.parts)
    ]
    return sorted(found)


@pytest.mark.parametrize("path", repository_yaml(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    same_as_slow(text, str(path))


@pytest.mark.parametrize(
    "name", ["cases/demo-county.yaml", "cases/flawed-county.yaml", "cases/reference-2026.yaml"]
)
def test_the_sample_catalogs_take_the_fast_path(name: str) -> None:
    assert same_as_slow((ROOT / name).read_text(encoding="utf-8"), name) is not None


SYNTH_ITEMS = scaled(600, 200)
"""Items of the synthetic catalog compared path by path: 600 in CI, 200 in a quick run."""


@pytest.mark.parametrize("sort_keys", [True, False])
def test_a_synthetic_catalog_is_read_and_located_alike(sort_keys: bool) -> None:
    data = synth_catalog(SynthOptions(items=SYNTH_ITEMS, seed=3))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=sort_keys)
    fast = same_as_slow(text)
    assert fast is not None
    assert len(fast.data["items"]) == SYNTH_ITEMS


def test_locations_only_still_locates() -> None:
    text = (ROOT / "cases/demo-county.yaml").read_text(encoding="utf-8")
    fast = parse_yaml_fast(text, "demo.yaml", max_reread_share=1.0)
    slow = parse_yaml(text, "demo.yaml")
    assert fast is not None
    kept = fast.locations_only()
    assert kept.data is None
    path = ("items", 2, "materials", 0, "name")
    assert kept.locate(path) == slow.locate(path)
    assert kept.locate(path).line is not None


def test_a_file_mostly_read_again_is_left_to_parse_yaml() -> None:
    text = (ROOT / "cases/flawed-county.yaml").read_text(encoding="utf-8")
    assert parse_yaml_fast(text, "flawed.yaml") is None  # flow mappings in most items
    fast = parse_yaml_fast(text, "flawed.yaml", max_reread_share=1.0)
    assert fast is not None
    assert len(fast.reread) > len(fast.entries) / 2


def test_parse_text_takes_the_fast_path_above_the_threshold() -> None:
    text = yaml.safe_dump(synth_catalog(SynthOptions(items=50, seed=1)), allow_unicode=True)
    assert isinstance(parse_text(text, "c.yaml", False, 1000, fast_min_chars=0), YamlFastSourced)
    assert not isinstance(parse_text(text, "c.yaml", False, 1000), YamlFastSourced)
    # more items than allowed: left to the slow path and its streaming count
    assert not isinstance(parse_text(text, "c.yaml", False, 10, fast_min_chars=0), YamlFastSourced)


HEAD = "catalog:\n  id: c1\n  name: 示范县\nitems:\n"

FAST = [
    "- id: A\n  effective: '2026-01-01'\n  note: \"2026-01-01\"\n",
    "- id: A  # comment\n  # a comment line\n  name: 名称 # 注释\n  code: a#b\n\n",
    "- id: A\n  n: 012\n  p: +1\n  m: -1\n  f: 1.5\n  e: 1e3\n  d: .5\n  g: -2.5e-3\n",
    "- id: A\n  t: true\n  f: False\n  z: ~\n  nul: null\n  empty:\n  q: ''\n  it: 'it''s'\n",
    "- id: A\n  list: []\n  map: {}\n  nested:\n  - - x\n    - y\n  - k: v\n    k2: v2\n",
    "- id: A\n  big: 123456789012345678901234567890\n  time: 12:30\n  word: y\n  n: n\n",
    "- id: A\r\n  name: 行政许可\r\n- id: B\r\n",
    "- id: A\n  'quoted key': 1\n  \"double\": 2\n  key with spaces: 3\n",
    "- id: A\n  a: x!y\n  b: a&b\n  c: 2*3\n  d: it's\n  e: 1:20\n  f: ~x\n  g: -x\n",
]
"""Texts the fast path reads itself, or in part through parse_yaml (dates, 1.1 words...)."""

REREAD = [
    "- id: A\n  1: int key\n",
    "- id: A\n  o: 0o17\n  h: 0x1f\n",
    "- id: A\n  inf: .inf\n  ninf: -.Inf\n  nan: .NaN\n",
    "- id: A\n  effective: 2026-01-01\n",
    "- id: A\n  flag: yes\n  other: Off\n  key: ON\n",
    "- id: A\n  n: 1_000\n  f: 685.230_15e+03\n  b: 0b101\n  x: 0X1F\n  o: 0O17\n  s: +0x1f\n",
    "- id: A\n  nan: .Nan\n  inf: .iNf\n",
    "- id: A\n  null: 1\n  1.5: 3\n  2026-01-01: 4\n  yes: 5\n  .inf: 6\n",
    "- id: A\n  ~: 2\n",
    "- id: A\n  _8: key\n  v: _8\n  w: -_9\n",
    "- id: A\n  block: |\n    line 1\n    line 2\n  folded: >\n    a\n      b\n\n    c\n",
    "- id: A\n  flow: [1, b, {c: d}]\n  map: {x: 1, y: [2]}\n",
    "- id: A\n  long: a\n    b\n  quoted: 'x\n\n    y  '\n  dq: \"x  \n     y\"\n",
    '- id: A\n  esc: "a\\tb\\u4e2d\\x41\\N\\_"\n',
    "- id: A\n  ? explicit\n  : value\n",
    "- id: A\n  tab: b\t\n",
    "- id: A\n  stamp: 2026-01-01 10:00\n  iso: 2001-12-14t21:59:43.10-05:00\n",
    "-\n- id: B\n",
]
"""Texts the fast path reads with the entry holding a doubtful token read by parse_yaml."""

SLOW = [
    "- id: A\n  effective: 2026-13-01\n",  # not a date: a located problem
    "- id: A\n  v: =\n",
    "- id: A\n  a: &x 1\n  b: *x\n",
    "- id: A\n  a: !!str 1\n",
    "- id: A\n  a: [&x 1, *x]\n",
    "- id: A\n  a: !x 1\n",
    "- id: A\n  <<: {a: 1}\n",
    "- id: A\n  a: 1\n  a: 2\n",  # duplicate key
    "- id: A\n  a:\tb\n",
    "- id: A\n  a: \x85\n",
    "- id: A\n  a: \x07\n",
    "- id: A\n  a: \u2028\n",
    "- id: A\n  [1, 2]: x\n",
    "- id: A\n  {a: 1}: x\n",
    "- id: A\n  : x\n",
    "- id: A\n  a: -\n",
    "- id: A\n  a: [,]\n",
    "- id: A\n  a: @x\n",
    "- id: A\n  a: b: c\n",
    "- id: A\n   b: 2\n",
    "- id: A\n---\n- id: B\n",
    "- id: A\n...\n",
    "- id: A\n  a: 1\rb: 2\n",
]
"""Texts parse_yaml must read (or refuse) itself."""


@pytest.mark.parametrize("body", FAST)
def test_texts_read_fast(body: str) -> None:
    fast = same_as_slow(HEAD + body)
    assert fast is not None
    assert fast.reread == []  # nothing had to be read again


@pytest.mark.parametrize("body", REREAD)
def test_doubtful_entries_are_read_by_parse_yaml(body: str) -> None:
    text = HEAD + "- id: FIRST\n" + body + "- id: LAST\n"
    fast = same_as_slow(text)
    assert fast is not None
    assert fast.data["items"][0] == {"id": "FIRST"}
    assert fast.data["items"][-1] == {"id": "LAST"}
    assert fast.reread == [("items", 1)]


@pytest.mark.parametrize("body", SLOW)
def test_texts_left_to_parse_yaml(body: str) -> None:
    assert same_as_slow(HEAD + body) is None


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffcatalog:\n  id: c\nitems:\n- id: A\n",  # BOM
        "%YAML 1.1\n---\ncatalog:\n  id: c\n",
        "---\ncatalog:\n  id: c\n",
        "catalog:\n  id: c\nitems:\n- id: A\n  date: 2026-02-30\n",
        "- not a mapping\n",
        "just text\n",
        "",
        "# only a comment\n",
        "'catalog': 1\n",
        "catalog: 1\ncatalog: 2\n",
        "catalog: 1\nyes: 2\n",
        "catalog: 1\ntrue: 2\nnull: 3\n",
        "catalog: &a 1\n",
        "items:\n  - id: A\n  - id: B\n ",
        "items:\n  - id: A\n - id: B\n",
        *(f"catalog:\n  {'k' * n}: 1\n" for n in (1024, 1025)),  # a simple key's length limit
        *(f"items:\n- '{'中' * n}': 1\n" for n in (1022, 1023)),
    ],
)
def test_whole_files_the_fast_path_leaves_or_reads_alike(text: str) -> None:
    same_as_slow(text)


def test_indented_items_are_split_into_entries() -> None:
    text = "catalog:\n  id: c\nitems:\n  - id: A\n    effective: 2026-01-01\n  - id: B\n"
    fast = same_as_slow(text)
    assert fast is not None
    assert [entry.path for entry in fast.entries] == [("items", 0), ("items", 1)]
    assert fast.data["items"][0]["effective"] == datetime.date(2026, 1, 1)


KEYS = [
    "id",
    "name",
    "a b",
    "'q'",
    '"dq"',
    "1",
    "1.5",
    "yes",
    "null",
    "~",
    "中文",
    "x:y",
    "-x",
    "_8",
]
VALUES = [
    *("", "1", "012", "0o17", "0x1f", "0X1F", "+1", "-1", "1_0", "1.5", ".5", "1e3", "1."),
    *(".inf", ".NaN", ".Nan", "~", "null", "yes", "No", "on", "true", "False", "=", "-", "@x"),
    *("2026-01-01", "2026-13-01", "'2026-01-01'", "2026-01-01 10:00", "x", "a b", "a #c"),
    *("a#b", "中文", "'it''s'", '"x"', '"a\\tb"', "[]", "{}", "[1, 2]", "{a: 1}", "|", ">"),
    *("&a x", "*a", "!!str 1", "- x", "x: y", "'open", "b\t", "12:30", "x ]", "x,y", "0b1"),
    *("_8", "-_9", "_.5", "_x"),
]


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A catalog-like text: a few items of generated lines, most of them valid YAML."""
    lines = ["catalog:", "  id: c", "items:"]
    for _ in range(draw(st.integers(1, 4))):
        lines.append("- id: A")
        for _ in range(draw(st.integers(0, 5))):
            indent = " " * draw(st.sampled_from([2, 2, 2, 4, 3]))
            dash = draw(st.sampled_from(["", "", "- "]))
            value = draw(st.sampled_from(VALUES))
            if draw(st.booleans()) or not dash:
                key = draw(st.sampled_from(KEYS))
                lines.append(f"{indent}{dash}{key}:{' ' + value if value else ''}")
            else:
                lines.append(f"{indent}{dash}{value}")
    return "\n".join(lines) + "\n"


@settings(max_examples=examples(1000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_read_alike(text: str) -> None:
    same_as_slow(text)


def dump(data: Any) -> str:
    """YAML as the scale benches write it (libyaml's emitter when present)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True)


def test_a_large_file_reports_a_long_text_where_parse_yaml_locates_it(tmp_path: Path) -> None:
    data = synth_catalog(SynthOptions(items=2600, seed=5))
    data["items"][1234]["name"] = "很长的名称" * 80
    text = dump(data)
    assert len(text) > FAST_MIN_CHARS
    path = tmp_path / "large.yaml"
    path.write_text(text, encoding="utf-8")
    limits = LoadLimits(max_cell_chars=300)
    with pytest.raises(InputError) as refused:
        load_catalog_sourced(path, limits)
    at = text.index("name: 很长的名称")  # the key's line and column, as parse_yaml gives them
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    [problem] = refused.value.problems
    assert (problem.location.line, problem.location.column) == (line, column)
    assert problem.location.key == "items[1234].name"
    assert isinstance(parse_text(text, str(path), False), YamlFastSourced)  # over the threshold
