"""Read one YAML rule pack file into its pydantic model, errors named by file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from permitlogic.errors import InputError
from permitlogic.load.validate import validate
from permitlogic.load.yaml_source import parse_yaml

M = TypeVar("M", bound=BaseModel)


def load_pack(model: type[M], path: Path) -> M:
    """The pack at ``path`` validated as ``model``; InputError with locations otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError.single(str(path), "规则包文件不存在", "rule pack file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError.single(
            str(path), f"无法读取规则包：{exc}", f"cannot read rule pack: {exc}"
        ) from None
    return validate(model, parse_yaml(text, str(path)))


def load_pack_in(
    model: type[M], rules_dir: Path | None, file_name: str, bundled: Callable[[], M]
) -> M:
    """The pack ``file_name`` of ``rules_dir`` as ``model``.

    The bundled one (``bundled()``) when no directory is given or it has no such file.
    """
    if rules_dir is None:
        return bundled()
    path = rules_dir / file_name
    if not path.exists():
        return bundled()
    return load_pack(model, path)
