"""Load a catalog from .yaml/.yml/.json/.xlsx/.csv (or ``-``): a Catalog and where each key was.

Every problem of a file is reported at once (一次性告知), each with its file
and line/column (YAML, JSON) or sheet, row, header and cell (XLSX, CSV). The
limits of LoadLimits (size, items, cell length; zip bombs and XML entities
for XLSX) apply to every format. ``-`` reads YAML or JSON from standard input:
JSON when the first non-blank character is ``{`` or ``[``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from permitlogic.errors import InputError, Problem
from permitlogic.gc_pause import collector_paused
from permitlogic.load.json_source import parse_json
from permitlogic.load.limits import FAST_MIN_CHARS, LoadLimits
from permitlogic.load.raw import STDIN, decode_utf8, read_bytes, read_stdin
from permitlogic.load.validate import validate
from permitlogic.load.yaml_source import Path as KeyPath
from permitlogic.load.yaml_source import Sourced, count_items, key_path, parse_yaml
from permitlogic.models.catalog import Catalog
from permitlogic.models.out import Location

SUFFIXES = (".yaml", ".yml", ".json", ".xlsx", ".csv")


def load_catalog_sourced(
    path: str | Path, limits: LoadLimits | None = None
) -> tuple[Catalog, Sourced]:
    """The catalog in ``path`` and its source map; InputError with every problem otherwise."""
    limits = limits if limits is not None else LoadLimits.from_env()
    with collector_paused():
        return _load(path, limits)


def _load(path: str | Path, limits: LoadLimits) -> tuple[Catalog, Sourced]:
    name = str(path)
    if name == "-":
        text = decode_utf8(read_stdin(limits), STDIN)
        as_json = text.lstrip().startswith(("{", "["))
        return _tree_catalog(parse_text(text, STDIN, as_json, limits.max_items), limits, len(text))
    file = Path(path)
    suffix = file.suffix.lower()
    if file.is_dir():
        raise folder_given(name)
    if suffix not in SUFFIXES:
        raise InputError.single(
            name,
            f"不支持的文件类型 {suffix or '（无扩展名）'}：应为 .yaml、.yml、.json、.xlsx 或 .csv",
            f"unsupported file type {suffix or '(none)'}: expected .yaml, .yml, .json, .xlsx or .csv",
        )
    if suffix in (".xlsx", ".csv"):
        from permitlogic.published.importer import import_published, sniff

        if sniff(file):
            imported = import_published(file, limits=limits)
            return imported.catalog, imported.sourced
        # openpyxl is imported only for spreadsheets.
        from permitlogic.load.sheet_loader import catalog_from_csv, catalog_from_xlsx

        return (catalog_from_xlsx if suffix == ".xlsx" else catalog_from_csv)(file, limits)
    text = decode_utf8(read_bytes(file, limits), name)
    sourced = parse_text(text, name, suffix == ".json", limits.max_items)
    # A catalog's JSON has ``items`` at the top: only other JSON may be platform records
    # (the importer, and all it loads, is not needed to tell).
    if suffix == ".json" and not (isinstance(sourced.data, dict) and "items" in sourced.data):
        from permitlogic.published.importer import import_published, is_platform_data

        if is_platform_data(sourced.data):
            imported = import_published(file, limits=limits)
            return imported.catalog, imported.sourced
    return _tree_catalog(sourced, limits, len(text))


def folder_given(name: str) -> InputError:
    """A folder where a file was expected: say so, rather than "no such file" or "no suffix"."""
    return InputError.single(
        name,
        "这是一个文件夹，不是文件：请给出其中的文件，如 cases/demo-county.yaml",
        "this is a folder, not a file: name a file in it, e.g. cases/demo-county.yaml",
    )


def load_catalog(path: str | Path, limits: LoadLimits | None = None) -> Catalog:
    """The catalog in ``path`` (see load_catalog_sourced)."""
    return load_catalog_sourced(path, limits)[0]


STREAM_COUNT_CHARS = 256 * 1024
"""YAML larger than this has its items counted from the event stream before it is built."""


def parse_text(
    text: str,
    name: str,
    as_json: bool,
    max_items: int | None = None,
    fast_min_chars: int = FAST_MIN_CHARS,
) -> Sourced:
    """YAML or JSON text with the location of every key; InputError on a syntax problem.

    YAML longer than ``fast_min_chars`` is read by yaml-rs when that gives
    parse_yaml's result (see yaml_fast). With ``max_items``, a large YAML file
    with more items than that is refused while streaming, before any item is built.
    """
    if as_json:
        return parse_json(text, name)
    if len(text) > fast_min_chars:
        from permitlogic.load.yaml_fast import parse_yaml_fast

        fast = parse_yaml_fast(text, name, max_items)
        if fast is not None:
            return fast
    if max_items is not None and len(text) > STREAM_COUNT_CHARS and _may_exceed(text, max_items):
        over = count_items(text, max_items)
        if over is not None:
            raise InputError.single(
                name,
                f"事项超过 {max_items} 个，已停止读取（上限可用环境变量 PERMITLOGIC_MAX_ITEMS 调整）",
                f"more than {max_items} items; reading stopped "
                "(set PERMITLOGIC_MAX_ITEMS to change the limit)",
                line=over[1],
                key="items",
            )
    try:
        return parse_yaml(text, name, defer_value_problems=True)
    except RecursionError:
        raise InputError.single(
            name, "YAML 嵌套层数过多", "the YAML is nested too deeply", line=1
        ) from None


def _may_exceed(text: str, limit: int) -> bool:
    """Whether the YAML text could hold more than ``limit`` items (else it is not streamed).

    Every entry of a block sequence starts with ``-`` and the entries of a flow
    sequence are separated by ``,``: a text with few of both has few items.
    """
    return text.count("-") + text.count(",") + 1 > limit


def _tree_catalog(sourced: Sourced, limits: LoadLimits, size: int) -> tuple[Catalog, Sourced]:
    """Validate YAML/JSON data, after the empty-file and limit checks."""
    if sourced.data is None:
        raise InputError.single(
            sourced.file,
            "文件为空：应包含 catalog: 和 items:",
            "the file is empty: expected catalog: and items:",
            line=1,
        )
    problems: list[Problem] = []
    items = sourced.data.get("items") if isinstance(sourced.data, dict) else None
    if isinstance(items, list) and len(items) > limits.max_items:
        where = sourced.locate(("items",))
        raise InputError(
            [
                Problem(
                    location=where,
                    message_zh=f"事项超过 {limits.max_items} 个（{len(items)} 个；"
                    "上限可用环境变量 PERMITLOGIC_MAX_ITEMS 调整）",
                    message_en=f"more than {limits.max_items} items ({len(items)}; "
                    "set PERMITLOGIC_MAX_ITEMS to change the limit)",
                )
            ]
        )
    if size > limits.max_cell_chars and _long_text_in(sourced, limits.max_cell_chars):
        _long_texts(sourced.data, (), sourced, limits.max_cell_chars, problems)
    try:
        catalog = validate(Catalog, sourced)
    except InputError as error:
        raise InputError([*problems, *error.problems]) from None
    if problems:
        raise InputError(problems)
    return catalog, sourced


def _long_text_in(sourced: Sourced, limit: int) -> bool:
    """Whether any text value is longer than ``limit``.

    Where the source knows the span of text each item was written in (JSON, and
    YAML read on the fast path, which has no aliases), an item written in no
    more than ``limit`` characters cannot hold a longer text (escapes and line
    folding only lengthen the source): only the others are walked.
    """
    data = sourced.data
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return _any_long_text(data, limit)
    spans = sourced.item_spans(len(items))
    if spans is None:
        return _any_long_text(data, limit)
    rest = {key: value for key, value in data.items() if key != "items"}
    return _any_long_text(rest, limit) or any(
        _any_long_text(item, limit)
        for item, (start, end) in zip(items, spans, strict=True)
        if end - start > limit
    )


def _any_long_text(data: Any, limit: int) -> bool:
    """Whether any text value is longer than ``limit`` (a quick walk; _long_texts locates them)."""
    stack = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is str:
            if len(value) > limit:
                return True
        elif kind is dict:
            stack.extend(value.values())
        elif kind is list:
            stack.extend(value)
    return False


def _long_texts(
    value: Any, path: KeyPath, sourced: Sourced, limit: int, problems: list[Problem]
) -> None:
    """A problem for every text value longer than the cell limit."""
    if isinstance(value, str):
        if len(value) > limit:
            where: Location = sourced.locate(path)
            problems.append(
                Problem(
                    location=where.model_copy(update={"key": key_path(path) or None}),
                    message_zh=f"文本太长（{len(value)} 字，上限 {limit}；"
                    "可用环境变量 PERMITLOGIC_MAX_CELL_CHARS 调整）",
                    message_en=f"text too long ({len(value)} characters, limit {limit}; "
                    "set PERMITLOGIC_MAX_CELL_CHARS to change it)",
                )
            )
    elif isinstance(value, dict):
        for key, child in value.items():
            _long_texts(child, (*path, key), sourced, limit, problems)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _long_texts(child, (*path, index), sourced, limit, problems)
