"""Load the upper level's reference list (YAML; XLSX by the spreadsheet loader)."""

from __future__ import annotations

from pathlib import Path

from permitlogic.errors import InputError
from permitlogic.load.validate import validate
from permitlogic.load.yaml_source import parse_yaml
from permitlogic.models.reference import ReferenceList


def load_reference(path: Path) -> ReferenceList:
    """The reference list at ``path``; InputError naming file and line otherwise."""
    if not path.is_file():
        raise InputError.single(str(path), "参考清单文件不存在", "reference list not found")
    return validate(ReferenceList, parse_yaml(path.read_text(encoding="utf-8"), str(path)))
