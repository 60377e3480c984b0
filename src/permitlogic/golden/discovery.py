"""Find the golden case files under a directory: YAML files with a top-level ``kind:``.

``kind: check`` files hold check cases; ``kind: green_channel`` and
``kind: deferral`` files hold decision cases (permitlogic.golden.decision_file). Every
other YAML file (catalogs, reference lists, rule packs the cases name) is data.
A file with top-level ``cases:`` but no known kind is an error, never skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from permitlogic.errors import InputError, Problem
from permitlogic.golden.decision_file import CaseKind
from permitlogic.models.out import Location

CHECK = "check"
DECISION_KINDS = frozenset(kind.value for kind in CaseKind)

_TOP_KEY = re.compile(r"^(kind|cases)\s*:\s*(.*?)\s*(#.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class CaseFile:
    path: Path
    kind: str
    """``check``, or the decision kind (``green_channel``, ``deferral``)."""


def discover(target: Path) -> list[CaseFile]:
    """The case files of ``target`` (a directory, searched recursively, or one file), sorted."""
    if not target.exists():
        raise InputError.single(
            str(target), "案例目录不存在", "no such case directory or file", key="DIR"
        )
    if target.is_file():
        found = _case_file(target)
        if found is None:
            raise InputError.single(
                str(target),
                "不是案例文件：缺少顶层 kind:（check、green_channel 或 deferral）",
                "not a case file: no top-level kind: (check, green_channel or deferral)",
                line=1,
            )
        return [found]
    files = sorted(
        p
        for p in target.rglob("*")
        if p.suffix in (".yaml", ".yml")
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(target).parts)
    )
    problems: list[Problem] = []
    out: list[CaseFile] = []
    for path in files:
        try:
            found = _case_file(path)
        except InputError as error:
            problems.extend(error.problems)
            continue
        if found is not None:
            out.append(found)
    if problems:
        raise InputError(problems)
    return out


def _case_file(path: Path) -> CaseFile | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    keys = {
        m.group(1): (m.group(2), text.count("\n", 0, m.start()) + 1)
        for m in _TOP_KEY.finditer(text)
    }
    if "kind" not in keys:
        if "cases" in keys:
            raise InputError(
                [
                    Problem(
                        location=Location(file=str(path), line=keys["cases"][1], key="kind"),
                        message_zh="案例文件缺少 kind:（check、green_channel 或 deferral）",
                        message_en="a case file needs kind: (check, green_channel or deferral)",
                    )
                ]
            )
        return None
    value, line = keys["kind"]
    kind = value.strip("'\"")
    if kind != CHECK and kind not in DECISION_KINDS:
        raise InputError(
            [
                Problem(
                    location=Location(file=str(path), line=line, key="kind"),
                    message_zh=f"不认识的案例类型 {kind!r}：应为 check、green_channel 或 deferral",
                    message_en=f"unknown case kind {kind!r}: expected check, green_channel or deferral",
                )
            ]
        )
    return CaseFile(path=path, kind=kind)
