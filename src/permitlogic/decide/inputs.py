"""Decision inputs from models, dicts or files: validated, and every error located."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from permitlogic.errors import InputError, Problem
from permitlogic.load.raw import STDIN, read_text
from permitlogic.load.validate import problems_of
from permitlogic.load.yaml_source import Path as KeyPath
from permitlogic.load.yaml_source import Sourced, key_path, parse_yaml
from permitlogic.models.out import Location

M = TypeVar("M", bound=BaseModel)

_NO_SOURCE = Sourced(data=None, file=None)


@dataclass
class _Within(Sourced):
    """A view of a source whose key paths start at ``prefix``."""

    base: Sourced | None = None
    prefix: KeyPath = ()

    def locate(self, path: KeyPath) -> Location:
        assert self.base is not None
        return self.base.locate((*self.prefix, *path))


def within(sourced: Sourced, prefix: KeyPath) -> Sourced:
    return _Within(data=None, file=sourced.file, base=sourced, prefix=prefix)


def coerce(
    model: type[M],
    value: object,
    wrapper: str,
    sourced: Sourced | None = None,
    path: KeyPath = (),
) -> M:
    """``value`` as ``model``: the model itself, its fields, or ``{wrapper: fields}``.

    A missing or mistyped field is an InputError at its key path (and line, when
    ``sourced`` is the file it came from); never a silent default.
    """
    if isinstance(value, model):
        return value
    source = sourced or _NO_SOURCE
    if not isinstance(value, Mapping):
        where = source.locate(path)
        raise InputError(
            [
                Problem(
                    location=where,
                    message_zh=f"应为键值对象（{wrapper} 的各字段）",
                    message_en=f"expected an object (the fields of a {wrapper})",
                )
            ]
        )
    data: Any = value
    if len(value) == 1 and wrapper in value:
        data = value[wrapper]
        path = (*path, wrapper)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems_of(exc, within(source, path))) from None


def location(sourced: Sourced | None, path: KeyPath) -> Location:
    """Where ``path`` was written, or just the key path when there is no file."""
    if sourced is None:
        return Location(key=key_path(path) or None)
    return sourced.locate(path)


def read_document(name: str) -> Sourced:
    """A YAML or JSON file (``-`` for standard input) with the line of every key.

    The size limit of catalogs (PERMITLOGIC_MAX_FILE_MB) applies, to standard input too.
    """
    if name != "-" and Path(name).is_dir():
        raise InputError.single(
            name,
            "这是一个文件夹，不是文件：请给出其中的输入文件，如 cases/inputs/projects.yaml",
            "this is a folder, not a file: name an input file in it, e.g. cases/inputs/projects.yaml",
        )
    return parse_yaml(read_text(name), STDIN if name == "-" else name)


def elements(sourced: Sourced) -> list[tuple[object, KeyPath]]:
    """One object or a list of them, each with its key path in the document."""
    data = sourced.data
    if data is None:
        raise InputError.single(sourced.file, "文件是空的", "the file is empty")
    if isinstance(data, list):
        if not data:
            raise InputError.single(sourced.file, "列表是空的", "the list is empty")
        return [(value, (index,)) for index, value in enumerate(data)]
    return [(data, ())]


def coerce_all(
    model: type[M], values: list[tuple[object, KeyPath]], wrapper: str, sourced: Sourced | None
) -> list[M]:
    """Every value as ``model``; one InputError listing every problem in every value."""
    out: list[M] = []
    problems: list[Problem] = []
    for value, path in values:
        try:
            out.append(coerce(model, value, wrapper, sourced, path))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return out
