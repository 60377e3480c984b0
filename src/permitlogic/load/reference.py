"""Load the upper level's reference list (PL204/PL205): YAML, JSON or XLSX.

YAML/JSON: ``entries: [{name, status: abolished|devolved, document, date}]``.
XLSX: a sheet 清单 (or else the first sheet) with the headers
事项名称｜状态｜文件｜日期, status written 取消/下放 or abolished/devolved;
a problem is named by sheet, row, header and cell (e.g. ``清单!B3 (状态)``).
The loaders' limits (file size, rows, zip bombs) apply to both.
"""

from __future__ import annotations

from pathlib import Path

from permitlogic.errors import InputError
from permitlogic.load.catalog import parse_text
from permitlogic.load.limits import LoadLimits
from permitlogic.load.raw import decode_utf8, read_bytes
from permitlogic.load.validate import validate
from permitlogic.models.reference import ReferenceList

SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")


def load_reference(path: Path, limits: LoadLimits | None = None) -> ReferenceList:
    """The reference list at ``path``; InputError naming file and line or cell otherwise."""
    limits = limits if limits is not None else LoadLimits.from_env()
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError.single(
            name,
            f"参考清单的文件类型 {suffix or '（无扩展名）'} 不支持：应为 .yaml、.yml、.json 或 .xlsx",
            f"unsupported reference list type {suffix or '(none)'}: expected .yaml, .yml, .json or .xlsx",
            key="--reference",
        )
    if not path.is_file():
        raise InputError.single(
            name, "参考清单文件不存在", "reference list not found", key="--reference"
        )
    if suffix == ".xlsx":
        from permitlogic.load.sheet_loader import reference_from_xlsx

        return reference_from_xlsx(path, limits)
    text = decode_utf8(read_bytes(path, limits), name)
    sourced = parse_text(text, name, suffix == ".json")
    if sourced.data is None:
        raise InputError.single(
            name,
            "参考清单为空：应包含 entries:",
            "the reference list is empty: expected entries:",
            line=1,
        )
    return validate(ReferenceList, sourced)
