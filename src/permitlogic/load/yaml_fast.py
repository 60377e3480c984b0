"""Large YAML read by yaml-rs (Rust) when a scan of the text proves the result is parse_yaml's.

parse_yaml builds every node in Python and records the line of each of a
large catalog's million key paths; yaml-rs builds the same data several times
faster. The two loaders read some texts differently (YAML 1.1 words such as
``yes``, ``1_000``, ``0X1F``, dates, ``null`` and float keys, anchors, tags,
multi-document streams, characters PyYAML refuses), so the fast path is taken
only for text whose every line is simple block YAML and where nothing those
loaders differ on appears. An item (or a top-level block) holding such a
token is read again by parse_yaml alone; anything else in doubt, a problem in
any value, or an error from yaml-rs sends the whole file to parse_yaml, which
reports it with its line.

Locations are not recorded up front: the text is split once into its
top-level blocks and the entries of ``items``, and the first question about a
path inside one of them parses just that part with parse_yaml, its lines
shifted to the file's. Every path is located exactly as parse_yaml does.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from permitlogic.errors import Problem
from permitlogic.load.yaml_source import LineIndex, Path, Sourced, _build, _Loader

MAX_REREAD_SHARE = 0.5
"""Past this share of the text in parts parse_yaml must read, it reads the whole file."""

MAX_INDENT = 80
"""Deeper indentation than this is left to parse_yaml (and its nesting limit)."""

_REFUSED_CHARACTER = re.compile(
    # characters PyYAML's reader refuses, U+0085, U+2028/9, the BOM
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_END = r"(?=[ ]*(?:[ ]\#|\r?\n))"
"""Where a scalar ends on a simple line: at a comment or the end of the line."""

_WORDS_11 = r"[yY]es|YES|[nN]o|NO|[oO]n|ON|[oO]ff|OFF|="
"""YAML 1.1 booleans that parse_yaml reads as true/false, and ``=`` (a value tag it refuses)."""

_DOUBTFUL_VALUE = (
    r"(?:(?:"
    + _WORDS_11
    + r")"
    + _END
    # numbers the loaders read differently: 0b/0B/0O/0X, signed 0x, .inf/.nan cases,
    # 1_000, _8 (yaml-rs reads underscores in numbers)
    + r"|[-+]?(?:0[bBoOxX]|\.[iInN]|_)|[-+]?[.0-9][^\n_]*_"
    # dates and timestamps (parse_yaml reads them, yaml-rs is asked not to)
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})"
)
_DOUBTFUL_KEY = (
    # a 1.1 boolean, null, or a key starting like a number (floats and dates are keys
    # parse_yaml turns into text; yaml-rs reads _8 as 8)
    r"(?:(?:" + _WORDS_11 + r"|~|null|Null|NULL)[ ]*:|[-+._0-9])"
)
_PLAIN_REST = r"[^:\n\r#\t ]*+(?:(?:[ ]++(?=[^ \n\r#])|:(?![ \r\n])|(?<![ ])\#)[^:\n\r#\t ]*+)*+"
_KEY = (
    r"(?!(?=[yYnNoO=~+\-._0-9])" + _DOUBTFUL_KEY + r")"
    r"""(?:[^\s\-?:,\[\]{}#&*!|>'"%@`]""" + _PLAIN_REST + r"""|'(?:[^'\n]|'')*+'|"[^"\\\n]*+")"""
)
_VALUE = (
    r"(?!(?=[yYnNoO=+\-._0-9])" + _DOUBTFUL_VALUE + r")"
    r"""(?:(?:[^\s\-?:,\[\]{}#&*!|>'"%@`]|-(?=[^ \t\r\n]))"""
    + _PLAIN_REST
    + r"""|'(?:[^'\n]|'')*+'|"[^"\\\n]*+"|\[\]|\{\})"""
)
_INDENT = rf"[ ]{{0,{MAX_INDENT}}}+"
_KEY_VALUE = _KEY + r"[ ]*+:(?:[ ]++" + _VALUE + r")?+"
_SIMPLE_LINES = re.compile(
    r"(?:"
    + _INDENT
    + r"(?:"
    + _KEY_VALUE
    + r"|(?:-[ ]++){1,8}+(?:"
    + _KEY_VALUE
    + r"|"
    + _VALUE
    + r")"
    r"|\#[^\n]*+"
    r")?+(?:[ ]++\#[^\n]*+|[ ]*+)\r?\n)*+"
)
"""Lines that are one key (with its value or none), one entry, a comment or blank.

Not simple: block scalars, flow collections, multi-line scalars, explicit
keys, tabs, empty entries, and the tokens the two loaders read differently.
"""
_LOCAL_DOUBT = ("<<", "\\")
"""Merge keys and escapes in double-quoted text, anywhere."""

_COLUMN0 = re.compile(r"\n[^ \n\r#]")
_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]|\r?\n|$)")
_ENTRY_AT = re.compile(r"-(?:[ ]|\r?\n|$)")
_FIRST_CONTENT = re.compile(r"^[ ]*(?=[^ \n\r#])", re.MULTILINE)


@dataclass
class _Part:
    """A top-level block, or one entry of ``items``: where its text starts and ends."""

    start: int
    end: int
    path: Path


def _split(text: str) -> tuple[list[_Part], list[_Part]] | None:
    """The top-level blocks and the entries of ``items``, or None when the layout is not simple."""
    blocks: list[_Part] = []
    column0 = [m.start() + 1 for m in _COLUMN0.finditer(text)]
    if text[:1] not in ("", " ", "\n", "\r", "#"):
        column0.insert(0, 0)
    for start in column0:
        if text[start] == "-" and blocks and _ENTRY_AT.match(text, start) is not None:
            continue  # an entry of a top-level sequence written at the first column
        key = _TOP_KEY.match(text, start)
        if key is None:
            return None
        blocks.append(_Part(start, len(text), (key.group(1),)))
    if not blocks:
        return None
    for before, after in itertools.pairwise(blocks):
        before.end = after.start
    entries: list[_Part] = []
    items = next((block for block in blocks if block.path == ("items",)), None)
    if items is not None:
        entries = _entries(text, items, column0)
    return blocks, entries


def _entries(text: str, block: _Part, column0: list[int]) -> list[_Part]:
    """The entries of the block sequence under ``items:``: each from its ``-`` to the next.

    ``column0``: where the lines starting at the first column start (entries
    written there were checked by _split).
    """
    after_key = text.index(":", block.start) + 1
    first = _FIRST_CONTENT.search(text, after_key, block.end)
    if first is None or _ENTRY_AT.match(text, first.end()) is None:
        return []
    indent = first.end() - first.start()
    starts: list[int] = []
    if indent == 0:
        starts = column0[
            bisect.bisect_left(column0, first.start()) : bisect.bisect_left(column0, block.end)
        ]
    else:
        shallow = re.compile(rf"\n[ ]{{0,{indent}}}(?=[^ \n\r#])")
        for line in shallow.finditer(text, first.start() - 1, block.end):
            if line.end() - line.start() - 1 != indent or _ENTRY_AT.match(text, line.end()) is None:
                return []  # a line outside the entries: not a plain sequence
            starts.append(line.start() + 1)
    ends = [*starts[1:], block.end]
    return [
        _Part(start, end, ("items", index))
        for index, (start, end) in enumerate(zip(starts, ends, strict=True))
    ]


def _marked(text: str) -> bool:
    """Whether an anchor, alias or tag may be in the text, or a CR that ends no CRLF."""
    for mark in "&*!":
        at = text.find(mark)
        while at >= 0:
            if at == 0 or text[at - 1] in " \n[{,":
                return True
            at = text.find(mark, at + 1)
    return "\r" in text and re.search("\r(?!\n)", text) is not None


class _Doubt(Exception):
    """The fast path cannot prove its result equal to parse_yaml's."""


def _parse_part(text: str, part: _Part, line: int, file: str | None) -> tuple[Any, Sourced]:
    """A part's data and its locations by parse_yaml's own builder, lines shifted to the file's.

    An entry of ``items`` is read as a one-entry sequence, a top-level block
    as a one-key mapping. Any problem, in syntax or in a value, is a doubt:
    parse_yaml then reads the whole file and reports it.
    """
    loader = _Loader(text[part.start : part.end])
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        raise _Doubt from None
    finally:
        loader.dispose()
    shifted = Sourced(data=None, file=file)
    problems: list[Problem] = []
    path: Path = ()
    if len(part.path) == 2:
        if not isinstance(root, yaml.SequenceNode) or len(root.value) != 1:
            raise _Doubt
        node, path = root.value[0], part.path
    else:
        if not isinstance(root, yaml.MappingNode) or len(root.value) != 1:
            raise _Doubt
        node, path = root, ()
    try:
        data = _build(loader, node, path, shifted, problems, {})
    except RecursionError:
        raise _Doubt from None
    if problems:
        raise _Doubt
    offset = line - 1
    shifted.locations = {
        key: (where[0] + offset, where[1])
        for key, where in shifted.locations.items()
        if key and isinstance(where, tuple)
    }
    if len(part.path) == 2:
        return data, shifted
    if list(data) != [part.path[0]]:
        raise _Doubt  # a top-level key parse_yaml reads as something else than its text
    return data[part.path[0]], shifted


@dataclass
class YamlFastSourced(Sourced):
    """Sourced YAML read on the fast path: each part located when it is first asked about."""

    text: str = ""
    blocks: list[_Part] = field(default_factory=list)
    entries: list[_Part] = field(default_factory=list)
    _lines: LineIndex = field(init=False, repr=False)
    _read: set[Path] = field(default_factory=set)
    reread: list[Path] = field(default_factory=list)
    """The parts whose data parse_yaml gave, for a token the two loaders may read differently."""

    def __post_init__(self) -> None:
        self._lines = LineIndex(self.text)

    def item_spans(self, count: int) -> list[tuple[int, int]] | None:
        if len(self.entries) != count:
            return None
        return [(entry.start, entry.end) for entry in self.entries]

    def line_of(self, offset: int) -> int:
        """The 1-based line of a character offset."""
        return self._lines.line(offset)

    def locate(self, path: Path) -> Any:
        part = self._part(tuple(path))
        if part is not None and part.path not in self._read:
            self._read.add(part.path)
            _, read = _parse_part(self.text, part, self.line_of(part.start), self.file)
            self.locations.update(read.locations)
        return super().locate(path)

    def _part(self, path: Path) -> _Part | None:
        if not path:
            return None
        if path[0] == "items" and len(path) > 1 and self.entries:
            index = path[1]
            if isinstance(index, int) and 0 <= index < len(self.entries):
                return self.entries[index]
            return None
        if len(path) == 1:
            return None  # the top-level keys are located up front
        return next((block for block in self.blocks if block.path[0] == path[0]), None)


def parse_yaml_fast(
    text: str,
    file: str | None,
    max_items: int | None = None,
    max_reread_share: float = MAX_REREAD_SHARE,
) -> YamlFastSourced | None:
    """The text's data and source map as parse_yaml gives them, or None when that is not proven.

    None also when ``items`` has more than ``max_items`` entries (the caller's
    streaming count refuses those exactly as before), and when the parts to be
    read again by parse_yaml are more than ``max_reread_share`` of the text.
    """
    if _REFUSED_CHARACTER.search(text) is not None or _marked(text):
        return None
    split = _split(text)
    if split is None:
        return None
    blocks, entries = split
    if max_items is not None and len(entries) > max_items:
        return None
    try:
        doubtful = _doubtful_parts(text, blocks, entries)
    except _Doubt:
        return None
    if sum(part.end - part.start for part in doubtful) > max_reread_share * len(text):
        return None  # parse_yaml would read most of it again: let it read all of it
    try:
        import yaml_rs
    except ImportError:  # a platform without its wheel: parse_yaml reads everything
        return None
    try:
        data = _load_parts(yaml_rs.loads, text, blocks, entries)
    except Exception:  # yaml-rs's errors are parse_yaml's to report, with their lines
        return None
    if not isinstance(data, dict) or list(data) != [block.path[0] for block in blocks]:
        return None
    items = data.get("items")
    if entries and (not isinstance(items, list) or len(items) != len(entries)):
        return None
    if not entries and isinstance(items, list) and items:
        return None
    sourced = YamlFastSourced(data=data, file=file, text=text, blocks=blocks, entries=entries)
    line, counted = 1, 0
    for block in blocks:
        line += text.count("\n", counted, block.start)
        counted = block.start
        sourced.locations[block.path] = (line, 1)
    sourced.locations[()] = sourced.locations[blocks[0].path]
    try:
        _reread(sourced, doubtful)
    except _Doubt:
        return None
    return sourced


def _load_parts(
    loads: Callable[..., Any], text: str, blocks: list[_Part], entries: list[_Part]
) -> dict[str | int, Any]:
    """The document's data, read by yaml-rs one top-level block and one item at a time.

    A block or an item read alone is what it is in the whole document (the split
    found each where its indentation puts it); reading them one by one never
    holds the whole document's copy of yaml-rs's strings at once. _Doubt when
    a part is not the one value expected (a top-level key twice, say).
    """
    data: dict[str | int, Any] = {}
    for block in blocks:
        key = block.path[0]
        if key in data:
            raise _Doubt
        if block.path == ("items",) and entries:
            data[key] = [_one_entry(loads, text, entry) for entry in entries]
            continue
        value = loads(text[block.start : block.end], parse_datetime=False)
        if not isinstance(value, dict) or list(value) != [key]:
            raise _Doubt
        data[key] = _share_keys(value)[key]
    return data


def _one_entry(loads: Callable[..., Any], text: str, entry: _Part) -> Any:
    value = loads(text[entry.start : entry.end], parse_datetime=False)
    if not isinstance(value, list) or len(value) != 1:
        raise _Doubt
    return _share_keys(value)[0]


def _share_keys(root: Any) -> Any:
    """``root`` with one string object for each key text, as the standard JSON parser gives.

    yaml-rs makes a new string for every key of every mapping: on 200,000 items
    those copies weighed 700 MB, more than the data they name. Each mapping is
    rebuilt with interned keys, one at a time (the old one is freed at once).
    """
    intern = sys.intern

    def shared(mapping: dict[Any, Any]) -> dict[Any, Any]:
        return {(intern(k) if type(k) is str else k): v for k, v in mapping.items()}

    top = shared(root) if type(root) is dict else root
    stack = [top]
    while stack:
        node = stack.pop()
        children = node.items() if type(node) is dict else enumerate(node)
        for key, value in children:
            kind = type(value)
            if kind is dict:
                value = node[key] = shared(value)  # a value replaced, no key added: safe
                stack.append(value)
            elif kind is list:
                stack.append(value)
    return top


def _doubtful_parts(text: str, blocks: list[_Part], entries: list[_Part]) -> list[_Part]:
    """The parts holding a token the two loaders may read differently, in order."""
    entry_starts = [entry.start for entry in entries]
    block_starts = [block.start for block in blocks]
    parts: list[_Part] = []
    done: set[Path] = set()
    for at in _doubts(text):
        index = bisect.bisect_right(block_starts, at) - 1
        if index < 0:
            raise _Doubt  # before the first key
        part = blocks[index]
        if part.path == ("items",) and entry_starts and at >= entry_starts[0]:
            part = entries[bisect.bisect_right(entry_starts, at) - 1]
        if part.path not in done:
            done.add(part.path)
            parts.append(part)
    return parts


def _reread(sourced: YamlFastSourced, parts: list[_Part]) -> None:
    """The data (and locations) of ``parts`` from parse_yaml, in place of yaml-rs's."""
    for part in parts:
        value, read = _parse_part(sourced.text, part, sourced.line_of(part.start), sourced.file)
        if len(part.path) == 2:
            sourced.data["items"][part.path[1]] = value
        else:
            sourced.data[part.path[0]] = value
        sourced.locations.update(read.locations)
        sourced._read.add(part.path)
        sourced.reread.append(part.path)


def _doubts(text: str) -> list[int]:
    """The offset of every line that is not simple, and of every merge key or escape."""
    probe = text if text.endswith("\n") else text + "\n"
    found: list[int] = []
    position = 0
    while True:
        simple = _SIMPLE_LINES.match(probe, position)
        position = simple.end() if simple is not None else position
        if position >= len(probe):
            break
        found.append(position)
        position = probe.index("\n", position) + 1
    for mark in _LOCAL_DOUBT:
        at = text.find(mark)
        while at >= 0:
            found.append(at)
            at = text.find(mark, at + len(mark))
    return sorted(found)
