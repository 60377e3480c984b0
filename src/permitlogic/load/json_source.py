"""JSON parsed with the line and column of every key, refusing duplicate keys.

Strict JSON (RFC 8259): NaN/Infinity, comments and trailing commas are errors.
A well-formed file takes the fast path: the standard library's C parser builds
the data, and one regular-expression pass over the tokens records the offset of
every key and array element (lines and columns are computed only for the
locations asked for). A file that fails there (a syntax error, a duplicate key,
absurd nesting) is parsed again by a small exact parser that reports every
duplicate key at once, or the syntax error, at its line and column.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.scanner import NUMBER_RE
from typing import Any

from permitlogic.errors import InputError, Problem
from permitlogic.load.yaml_source import LineIndex, Path, Sourced, key_path
from permitlogic.models.out import Location

MAX_DEPTH = 64
"""A catalog nests about six levels; anything far deeper is not a catalog."""

_WHITESPACE = " \t\n\r"


class _SyntaxError(Exception):
    def __init__(self, position: int, zh: str, en: str) -> None:
        super().__init__(en)
        self.position = position
        self.zh = zh
        self.en = en


class _Parser:
    def __init__(self, text: str, file: str | None) -> None:
        self.text = text
        self.file = file
        self.lines = LineIndex(text)
        self.sourced = Sourced(data=None, file=file)
        self.problems: list[Problem] = []

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a character offset."""
        return self.lines.position(offset)

    def where(self, offset: int, path: Path = ()) -> Location:
        line, column = self.position(offset)
        return Location(file=self.file, line=line, column=column, key=key_path(path) or None)

    def skip(self, position: int) -> int:
        text = self.text
        while position < len(text) and text[position] in _WHITESPACE:
            position += 1
        return position

    def expected(self, position: int, what_zh: str, what_en: str) -> _SyntaxError:
        if position >= len(self.text):
            return _SyntaxError(
                position,
                f"文件意外结束，缺少{what_zh}",
                f"unexpected end of file, expected {what_en}",
            )
        found = self.text[position]
        return _SyntaxError(
            position,
            f"此处应为{what_zh}，实际为 {found!r}",
            f"expected {what_en}, found {found!r}",
        )

    def value(self, position: int, path: Path, depth: int) -> tuple[Any, int]:
        if depth > MAX_DEPTH:
            raise _SyntaxError(
                position, f"嵌套超过 {MAX_DEPTH} 层", f"nested deeper than {MAX_DEPTH} levels"
            )
        if path not in self.sourced.locations:
            self.sourced.locations[path] = self.position(position)
        text = self.text
        char = text[position] if position < len(text) else ""
        if char == "{":
            return self.mapping(position + 1, path, depth)
        if char == "[":
            return self.sequence(position + 1, path, depth)
        if char == '"':
            return self.string(position + 1)
        for literal, result in (("true", True), ("false", False), ("null", None)):
            if text.startswith(literal, position):
                return result, position + len(literal)
        match = NUMBER_RE.match(text, position)
        if match is not None and match.end() > position:
            integer, fraction, exponent = match.groups()
            try:
                if fraction or exponent:
                    return float(integer + (fraction or "") + (exponent or "")), match.end()
                return int(integer), match.end()
            except ValueError:
                raise _SyntaxError(position, "数字位数过多", "number has too many digits") from None
        raise self.expected(
            position, "一个值（对象、数组、字符串、数字、true、false 或 null）", "a value"
        )

    def string(self, position: int) -> tuple[str, int]:
        try:
            result: tuple[str, int] = scanstring(self.text, position, True)
        except json.JSONDecodeError as exc:
            reason = exc.msg.removesuffix(" starting at").removesuffix(" at")
            raise _SyntaxError(exc.pos, f"字符串有误：{reason}", f"bad string: {reason}") from None
        return result

    def mapping(self, position: int, path: Path, depth: int) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        position = self.skip(position)
        if self.text.startswith("}", position):
            return out, position + 1
        while True:
            if not self.text.startswith('"', position):
                raise self.expected(position, "用双引号括起的键", "a key in double quotes")
            key_start = position
            key, position = self.string(position + 1)
            position = self.skip(position)
            if not self.text.startswith(":", position):
                raise self.expected(position, "冒号 :", "':'")
            position = self.skip(position + 1)
            child = (*path, key)
            value, position = self.value(position, child, depth + 1)
            if key in out:
                self.problems.append(
                    Problem(
                        location=self.where(key_start, child),
                        message_zh=f"键 {key} 重复出现（后一个会悄悄覆盖前一个）",
                        message_en=f"duplicate key {key} (the later one would silently win)",
                    )
                )
            else:
                out[key] = value
                self.sourced.locations[child] = self.position(key_start)
            position = self.skip(position)
            if self.text.startswith(",", position):
                position = self.skip(position + 1)
                continue
            if self.text.startswith("}", position):
                return out, position + 1
            raise self.expected(position, "逗号 , 或右花括号 }", "',' or '}'")

    def sequence(self, position: int, path: Path, depth: int) -> tuple[list[Any], int]:
        out: list[Any] = []
        position = self.skip(position)
        if self.text.startswith("]", position):
            return out, position + 1
        while True:
            value, position = self.value(position, (*path, len(out)), depth + 1)
            out.append(value)
            position = self.skip(position)
            if self.text.startswith(",", position):
                position = self.skip(position + 1)
                continue
            if self.text.startswith("]", position):
                return out, position + 1
            raise self.expected(position, "逗号 , 或右方括号 ]", "',' or ']'")


def parse_json(text: str, file: str | None) -> Sourced:
    """Parse JSON text into plain data with locations; raise InputError on any problem."""
    try:
        offsets: dict[Path, int] = {}
        start = _skip(text, 0)
        if start >= len(text):
            raise ValueError("empty")
        data, end = _shallow(text, start, (), offsets)
        if _skip(text, end) != len(text):
            raise ValueError("extra data")
    except (ValueError, RecursionError, IndexError):
        return _parse_exactly(text, file)
    return JsonSourced(data=data, file=file, text=text, offsets=offsets)


SHALLOW_DEPTH = 2
"""Offsets are recorded eagerly down to ``items[i]``; deeper ones when first asked for."""


def _skip(text: str, position: int) -> int:
    return _WHITESPACE_RUN.match(text, position).end()  # type: ignore[union-attr]


def _shallow(text: str, position: int, path: Path, offsets: dict[Path, int]) -> tuple[Any, int]:
    """The value at ``position``; containers above SHALLOW_DEPTH walked here, the rest in C."""
    if not path:
        offsets[path] = position
    opening = text[position]
    if len(path) >= SHALLOW_DEPTH or opening not in "{[":
        value: tuple[Any, int] = _DECODER.raw_decode(text, position)
        return value
    position = _skip(text, position + 1)
    if opening == "{":
        out: dict[str, Any] = {}
        if text[position] == "}":
            return out, position + 1
        while True:
            if text[position] != '"':
                raise ValueError("key")
            key, after = scanstring(text, position + 1, True)
            if key in out:
                raise ValueError("duplicate key")
            offsets[(*path, key)] = position
            position = _skip(text, after)
            if text[position] != ":":
                raise ValueError(":")
            out[key], position = _shallow(text, _skip(text, position + 1), (*path, key), offsets)
            position = _skip(text, position)
            if text[position] == ",":
                position = _skip(text, position + 1)
            elif text[position] == "}":
                return out, position + 1
            else:
                raise ValueError("}")
    items: list[Any] = []
    if text[position] == "]":
        return items, position + 1
    while True:
        offsets[(*path, len(items))] = position
        value_, position = _shallow(text, position, (*path, len(items)), offsets)
        items.append(value_)
        position = _skip(text, position)
        if text[position] == ",":
            position = _skip(text, position + 1)
        elif text[position] == "]":
            return items, position + 1
        else:
            raise ValueError("]")


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(name)


_DECODER = json.JSONDecoder(object_pairs_hook=_unique, parse_constant=_no_constant)
_WHITESPACE_RUN = re.compile(r"[ \t\n\r]*")
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]]|[^\s{}\[\],:"]+')


def _offsets(text: str, start: int = 0, base: Path = ()) -> dict[Path, int]:
    """The offset of every key (objects) and element (arrays), by key path.

    The value starting at ``start`` (the whole text by default) is scanned, its
    paths under ``base``. Only value-starting tokens, keys and brackets are
    scanned: inside an object, tokens alternate key, value; inside an array,
    each value start is the next element. The text is known to be valid JSON here.
    """
    offsets: dict[Path, int] = {}
    paths: list[Path] = []  # path of each open container
    in_object: list[bool] = []
    want_key: list[bool] = []
    index: list[int] = []
    keys: list[str | int] = []
    for match in _TOKEN.finditer(text, start):
        token = match.group()
        first = token[0]
        if first == "}" or first == "]":
            paths.pop()
            in_object.pop()
            want_key.pop()
            index.pop()
            keys.pop()
            if not paths:
                break  # the value scanned is closed
            if in_object[-1]:
                want_key[-1] = True
            continue
        if in_object and in_object[-1] and want_key[-1]:
            key = token[1:-1] if "\\" not in token else json.loads(token)
            keys[-1] = key
            offsets[(*paths[-1], key)] = match.start()
            want_key[-1] = False
            continue
        if not paths:
            path: Path = base
            offsets[path] = match.start()
            if first != "{" and first != "[":
                break  # a single value, not a container
        elif in_object[-1]:
            path = (*paths[-1], keys[-1])
        else:
            path = (*paths[-1], index[-1])
            offsets[path] = match.start()
            index[-1] += 1
        if first == "{" or first == "[":
            paths.append(path)
            in_object.append(first == "{")
            want_key.append(first == "{")
            index.append(0)
            keys.append("")
        elif in_object and in_object[-1]:
            want_key[-1] = True
    return offsets


@dataclass
class JsonSourced(Sourced):
    """Sourced JSON: locations are character offsets, turned into lines when asked.

    Offsets down to SHALLOW_DEPTH come with the parse; the first request for a
    deeper path scans the whole text once for all of them.
    """

    text: str = ""
    offsets: dict[Path, int] = field(default_factory=dict)
    _complete: bool = False
    _scanned: set[Path] = field(default_factory=set)
    _lines: LineIndex = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._lines = LineIndex(self.text)

    def locate(self, path: Path) -> Location:
        if len(path) > SHALLOW_DEPTH and not self._complete:
            self._scan_below(path[:SHALLOW_DEPTH])
        probe = tuple(path)
        while probe not in self.offsets and probe:
            probe = probe[:-1]
        offset = self.offsets.get(probe)
        if offset is None:
            return super().locate(path)
        line, column = self._lines.position(offset)
        return Location(file=self.file, line=line, column=column, key=key_path(path) or None)

    def item_spans(self, count: int) -> list[tuple[int, int]] | None:
        starts = [self.offsets.get(("items", index)) for index in range(count)]
        if None in starts:
            return None
        known = [start for start in starts if start is not None]
        return list(zip(known, [*known[1:], len(self.text)], strict=True))

    def _scan_below(self, entry: Path) -> None:
        """Record the offsets within ``entry`` (one item, say): scanned once, on first need.

        A path whose entry is not recorded (a key that is not there) scans the whole text.
        """
        start = self.offsets.get(entry)
        if start is None:
            self.offsets = _offsets(self.text)
            self._complete = True
        elif entry not in self._scanned:
            self.offsets.update(_offsets(self.text, start, entry))
            self._scanned.add(entry)


def _parse_exactly(text: str, file: str | None) -> Sourced:
    """The exact parser: every duplicate key, or the syntax error, with its position."""
    parser = _Parser(text, file)
    try:
        start = parser.skip(0)
        if start >= len(text):
            return parser.sourced
        data, end = parser.value(start, (), 0)
        end = parser.skip(end)
        if end < len(text):
            raise _SyntaxError(end, "JSON 值之后还有多余内容", "extra content after the JSON value")
    except _SyntaxError as exc:
        where = parser.where(exc.position, ())
        raise InputError(
            [
                *parser.problems,
                Problem(
                    location=where,
                    message_zh=f"JSON 语法错误：{exc.zh}",
                    message_en=f"JSON syntax error: {exc.en}",
                ),
            ]
        ) from None
    if parser.problems:
        raise InputError(parser.problems)
    parser.sourced.data = data
    return parser.sourced
