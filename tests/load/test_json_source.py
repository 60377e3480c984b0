"""JSON catalogs: positions of keys, duplicate keys, strict JSON, and the same model as YAML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog, load_catalog_sourced
from permitlogic.load.json_source import parse_json

CASES = Path(__file__).resolve().parents[2] / "cases"


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as raised:
        parse_json(text, "c.json")
    return [p.describe("en") for p in raised.value.problems]


def test_key_positions_with_tabs_and_escapes() -> None:
    text = '{\n\t"a": [1, 2.5e3, "x\\/y\\u4e2d"],\n\t"b": {"c": null,\t"e": true}\n}'
    sourced = parse_json(text, "c.json")
    assert sourced.data == {"a": [1, 2500.0, "x/y中"], "b": {"c": None, "e": True}}
    for path, line, column in [(("a",), 2, 2), (("a", 1), 2, 11), (("b", "e"), 3, 19)]:
        where = sourced.locate(path)
        assert (where.line, where.column) == (line, column)


def test_every_duplicate_key_is_reported_with_its_line() -> None:
    found = problems('{"a": 1,\n "a": 2,\n "b": {"c": 1,\n "c": 2}}')
    assert found == [
        "c.json:2:2 [a]: duplicate key a (the later one would silently win)",
        "c.json:4:2 [b.c]: duplicate key c (the later one would silently win)",
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"a": 1,}', "c.json:1:9"),
        ('{"a": NaN}', "c.json:1:7"),
        ("{'a': 1}", "c.json:1:2"),
        ('{"a": 1} // comment', "c.json:1:10"),
        ('{"a": "tab\there"}', "c.json:1:11"),
        ('{"a": 01}', "c.json:1:8"),
        ('{"a": [1, 2', "c.json:1:12"),
        ("[" * 5000 + "]" * 5000, "c.json:1:66"),
        ('{"n": ' + "9" * 5000 + "}", "c.json:1:7"),
    ],
)
def test_not_json_is_a_syntax_error_at_its_position(text: str, where: str) -> None:
    (found,) = problems(text)
    assert found.startswith(f"{where}: JSON syntax error"), found


def test_json_and_yaml_of_the_demo_are_the_same_catalog(tmp_path: Path) -> None:
    catalog = load_catalog(CASES / "demo-county.yaml")
    path = tmp_path / "demo.json"
    path.write_text(
        json.dumps(catalog.model_dump(mode="json"), ensure_ascii=False, indent="\t"),
        encoding="utf-8",
    )
    assert load_catalog(path) == catalog


def test_validation_errors_point_at_the_json_line(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        '{"catalog": {"id": "x", "jurisdiction": "示范县"},\n'
        ' "items": [{"id": "A", "name": "n", "department": "d",\n'
        '            "kind": "license", "promised_days": "5"}]}',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        load_catalog_sourced(path)
    (problem,) = raised.value.problems
    assert (problem.location.line, problem.location.column) == (3, 32)
    assert problem.location.key == "items[0].promised_days"
    assert "应为整数" in problem.message_zh


def test_fast_and_exact_parsers_agree_on_every_location() -> None:
    from permitlogic.load.json_source import _parse_exactly

    catalog = load_catalog(CASES / "demo-county.yaml")
    text = json.dumps(catalog.model_dump(mode="json"), ensure_ascii=False, indent=1)
    text = text.replace('"name": "', '"name": "\\u0020\\"', 3)  # escapes in a few values
    fast, exact = parse_json(text, "c.json"), _parse_exactly(text, "c.json")
    assert fast.data == exact.data
    assert len(exact.locations) > 1000
    for path in exact.locations:
        assert fast.locate(path) == exact.locate(path), path


def test_deep_locations_are_the_same_in_any_order_of_asking() -> None:
    """Each item's keys are scanned when first asked for: the order of asking changes nothing."""
    from permitlogic.load.json_source import _parse_exactly

    catalog = load_catalog(CASES / "flawed-county.yaml")
    text = json.dumps(catalog.model_dump(mode="json"), ensure_ascii=False, indent=2)
    exact = _parse_exactly(text, "c.json")
    paths = sorted(exact.locations, key=lambda p: (-len(p), str(p)))
    fast = parse_json(text, "c.json")
    assert [fast.locate(p) for p in paths] == [exact.locate(p) for p in paths]
    assert fast.locate(("items", 0, "nosuch", 3)) == exact.locate(("items", 0, "nosuch", 3))
