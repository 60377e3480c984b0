"""YAML (and JSON, which is YAML's subset) parsed with the line of every key.

Anchors and aliases are refused (a catalog never needs them, and they are how
an alias bomb explodes), duplicate keys are refused (the later one would win
silently), and every value's position is recorded under its key path.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from permitlogic.errors import InputError, Problem
from permitlogic.models.out import Location

Path = tuple[str | int, ...]


@dataclass
class Sourced:
    """Parsed data and the location of every key path in it."""

    data: Any
    file: str | None
    locations: dict[Path, Location | tuple[int, int]] = field(default_factory=dict)
    """Key path -> Location, or (line, column) for text formats (cheaper for big files)."""
    problems: list[Problem] = field(default_factory=list)
    """Problems with single values found while parsing, left for validate() to report."""

    def item_spans(self, count: int) -> list[tuple[int, int]] | None:
        """Where in the text each of the ``count`` items was written (start, end), if known."""
        return None

    def locations_only(self) -> Sourced:
        """The same source map without the parsed data (once validated, only places are asked for)."""
        return replace(self, data=None)

    def locate(self, path: Path) -> Location:
        """The location of ``path``, or of its nearest ancestor that was written."""
        probe = tuple(path)
        while probe not in self.locations and probe:
            probe = probe[:-1]
        found = self.locations.get(probe)
        key = key_path(path) or None
        if found is None:
            return Location(file=self.file, key=key)
        if isinstance(found, tuple):
            return Location(file=self.file, line=found[0], column=found[1], key=key)
        return found.model_copy(update={"key": key})


class LineIndex:
    """The line and column of a character offset in ``text``.

    Where each line starts is found when first asked, and kept compactly
    (8 bytes a line, not 36).
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: array[int] | None = None

    def line(self, offset: int) -> int:
        """The 1-based line of ``offset``."""
        return bisect.bisect_right(self._found(), offset)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of ``offset``."""
        starts = self._found()
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def _found(self) -> array[int]:
        if self._starts is None:
            self._starts = array("q", [0])
            self._starts.extend(match.end() for match in _NEWLINE.finditer(self._text))
        return self._starts


_NEWLINE = re.compile("\n")


def key_path(path: Path) -> str:
    """``items[3].basis[0].level`` from ``("items", 3, "basis", 0, "level")``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """The safe loader (libyaml when present): plain data only, never Python objects.

    Numbers are read as YAML 1.2 reads them (the core schema): ``1:20`` is text,
    not the YAML 1.1 sexagesimal 80; ``012`` is twelve, not octal ten; ``1_000``
    is text. Only decimal, ``0o`` octal and ``0x`` hexadecimal are integers.
    """


_INT_12 = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT_12 = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


def _yaml12_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """The loader's implicit resolvers with int and float replaced by YAML 1.2's."""
    numeric = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in numeric]
        for first, resolvers in getattr(_Base, "yaml_implicit_resolvers", {}).items()
    }
    for tag, pattern, firsts in (
        (numeric[0], _INT_12, "-+0123456789"),
        (numeric[1], _FLOAT_12, "-+.0123456789"),
    ):
        for first in firsts:
            table.setdefault(first, []).append((tag, pattern))
    return table


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_float(loader: Any, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


_Loader.yaml_implicit_resolvers = _yaml12_resolvers()
_ANY_FIRST = _Loader.yaml_implicit_resolvers.get(None, [])
_BY_FIRST = {
    first: [*resolvers, *_ANY_FIRST]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    if first is not None
}


def _resolve(self: Any, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
    """``BaseResolver.resolve`` for a loader without path resolvers, its lists merged once.

    libyaml's composer asks this for every node: PyYAML's version cost a fifth
    of a large file's load.
    """
    if kind is yaml.ScalarNode:
        if implicit[0]:
            for tag, regexp in _BY_FIRST.get(value[:1], _ANY_FIRST):
                if regexp.match(value):
                    return str(tag)
        return str(self.DEFAULT_SCALAR_TAG)
    if kind is yaml.SequenceNode:
        return str(self.DEFAULT_SEQUENCE_TAG)
    return str(self.DEFAULT_MAPPING_TAG)


def _no_path_resolvers(self: Any, *args: Any) -> None:
    """No path resolvers are registered: nothing to descend into or ascend from."""


if not _Loader.yaml_path_resolvers:
    _Loader.resolve = _resolve
    _Loader.descend_resolver = _no_path_resolvers
    _Loader.ascend_resolver = _no_path_resolvers
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def count_items(text: str, limit: int) -> tuple[int, int] | None:
    """Stream the YAML's events: past ``limit`` entries under the top-level ``items``,
    their count so far (limit + 1) and the line of the ``items`` key; else None.

    Cheap next to building the document, so a file of a million items is refused
    before any of them is built. Syntax errors are left to the real parse.
    """
    depth = 0
    at_key = False
    last_key: str | None = None
    key_line = 0
    in_items = False
    count = 0
    try:
        for event in yaml.parse(text, Loader=_Base):
            if (
                in_items
                and depth == 2
                and isinstance(
                    event, (yaml.CollectionStartEvent, yaml.ScalarEvent, yaml.AliasEvent)
                )
            ):
                count += 1
                if count > limit:
                    return count, key_line
            if isinstance(event, yaml.CollectionStartEvent):
                if depth == 1:
                    in_items = last_key == "items" and isinstance(event, yaml.SequenceStartEvent)
                depth += 1
                if depth == 1:
                    at_key = isinstance(event, yaml.MappingStartEvent)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                if depth == 1:
                    in_items = False
                    at_key = True
            elif depth == 1 and isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
                if at_key and isinstance(event, yaml.ScalarEvent):
                    last_key = event.value
                    key_line = event.start_mark.line + 1 if event.start_mark else 0
                at_key = not at_key
    except yaml.YAMLError:
        return None
    return None
    return None


def parse_yaml(text: str, file: str | None, *, defer_value_problems: bool = False) -> Sourced:
    """Parse YAML text into plain data with locations; raise InputError on any problem.

    With ``defer_value_problems``, problems with single values (a bad date, an
    alias, a duplicate key) are kept in ``Sourced.problems`` so that validate()
    reports them together with the model's own problems, all at once.
    """
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        reason = f"{exc.problem or ''} {exc.context or ''}".strip()
        raise InputError.single(
            file,
            f"YAML 语法错误：{reason}",
            f"YAML syntax error: {reason}",
            line=line,
            column=column,
        ) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise InputError.single(
            file,
            f"YAML 中有不允许的控制字符 #x{exc.character:04x}（文件是否为二进制？）",
            f"the YAML holds a control character #x{exc.character:04x} (a binary file?)",
            line=line,
            column=column,
        ) from None
    except yaml.YAMLError as exc:
        raise InputError.single(
            file, f"YAML 无法解析：{exc}", f"YAML cannot be parsed: {exc}"
        ) from None
    finally:
        loader.dispose()
    sourced = Sourced(data=None, file=file)
    if root is None:
        return sourced
    problems: list[Problem] = []
    seen: dict[int, bool] = {}
    sourced.data = _build(loader, root, (), sourced, problems, seen)
    if problems and not defer_value_problems:
        raise InputError(problems)
    sourced.problems = problems
    return sourced


_STR = "tag:yaml.org,2002:str"


def _here(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


def _build(
    loader: _Loader,
    node: yaml.Node,
    path: Path,
    sourced: Sourced,
    problems: list[Problem],
    seen: dict[int, bool],
) -> Any:
    """Plain data for ``node``; ``seen`` maps each node built to whether its alias was reported."""
    if id(node) in seen:
        if seen[id(node)]:
            return None  # one problem per anchored value, however often it is aliased
        seen[id(node)] = True
        problems.append(
            _problem(
                sourced,
                node,
                path,
                "不允许使用 YAML 锚点和别名（&/*），请直接写出内容",
                "YAML anchors and aliases (&/*) are not allowed; write the value out",
            )
        )
        return None
    seen[id(node)] = False
    if path not in sourced.locations:
        sourced.locations[path] = _here(node)
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(loader, node, path, sourced, problems, seen)
    if isinstance(node, yaml.SequenceNode):
        return _build_sequence(loader, node, path, sourced, problems, seen)
    if node.tag == _STR:
        return node.value  # what the safe constructor gives for a plain text scalar
    return _scalar(loader, node, path, sourced, problems)


def _build_sequence(
    loader: _Loader,
    node: yaml.SequenceNode,
    path: Path,
    sourced: Sourced,
    problems: list[Problem],
    seen: dict[int, bool],
) -> list[Any]:
    """A sequence's plain data; each entry's nodes are let go once it is built.

    The node tree of a large file outweighs the data built from it: freeing it
    entry by entry lets the data reuse its memory. An aliased node stays alive
    while another entry refers to it; ``seen`` keeps ids only, and no node is
    made after the tree, so no id is taken again.
    """
    out: list[Any] = []
    children = node.value
    for index, child in enumerate(children):
        out.append(_build(loader, child, (*path, index), sourced, problems, seen))
        children[index] = None
    return out


def _build_mapping(
    loader: _Loader,
    node: yaml.MappingNode,
    path: Path,
    sourced: Sourced,
    problems: list[Problem],
    seen: dict[int, bool],
) -> dict[Any, Any]:
    """A mapping's plain data: text keys, each located; merge keys and duplicates refused."""
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(
                _problem(sourced, key_node, path, "键必须是简单文本", "a key must be plain text")
            )
            continue
        if key_node.tag == "tag:yaml.org,2002:merge":
            problems.append(
                _problem(
                    sourced,
                    key_node,
                    path,
                    "不允许使用合并键 <<",
                    "merge keys (<<) are not allowed",
                )
            )
            continue
        if key_node.tag == _STR:
            key = key_node.value
        else:
            try:
                key = loader.construct_object(key_node)
            except (yaml.YAMLError, ValueError, OverflowError):
                key = key_node.value
        key = str(key) if not isinstance(key, (str, int)) else key
        child = (*path, key)
        if key in out:
            problems.append(
                _problem(
                    sourced,
                    key_node,
                    child,
                    f"键 {key} 重复出现（后一个会悄悄覆盖前一个）",
                    f"duplicate key {key} (the later one would silently win)",
                )
            )
            continue
        sourced.locations[child] = _here(key_node)
        out[key] = _build(loader, value_node, child, sourced, problems, seen)
    return out


def _scalar(
    loader: _Loader, node: yaml.Node, path: Path, sourced: Sourced, problems: list[Problem]
) -> Any:
    """A scalar other than text, as the safe constructor reads it, or None with the problem noted."""
    try:
        return loader.construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        if node.tag == "tag:yaml.org,2002:timestamp":
            zh, en = f"{node.value} 不是有效日期", f"{node.value} is not a calendar date ({exc})"
        else:
            zh, en = f"无法识别的值：{exc}", f"unreadable value: {exc}"
        problems.append(_problem(sourced, node, path, zh, en))
        return None


def _problem(sourced: Sourced, node: yaml.Node, path: Path, zh: str, en: str) -> Problem:
    line, column = _here(node)
    where = Location(file=sourced.file, line=line, column=column, key=key_path(path) or None)
    return Problem(location=where, message_zh=zh, message_en=en)
