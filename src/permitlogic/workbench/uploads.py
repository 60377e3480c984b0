"""An uploaded catalog file checked as ``permitlogic check`` checks it, under its own name."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath

from permitlogic.check_runner import check
from permitlogic.errors import InputError, Problem
from permitlogic.load.catalog import SUFFIXES, load_catalog_sourced
from permitlogic.load.limits import LoadLimits
from permitlogic.load.yaml_source import Sourced
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Report
from permitlogic.packs.checks_pack import ChecksPack

_UNSAFE = re.compile(r"[^\w.\-\u3000-\u9fff\uff00-\uffef]+")


def safe_name(filename: str) -> str:
    """The file's own name without any directory part, safe to write in a temp dir."""
    base = PurePath(filename.replace("\\", "/")).name.strip()
    cleaned = _UNSAFE.sub("_", base).strip("._") or "upload"
    suffix = PurePath(base).suffix.lower()
    stem = cleaned[: 120 - len(suffix)]
    if suffix and not stem.lower().endswith(suffix):
        stem += suffix
    return stem


@dataclass
class Checked:
    """A loaded and checked upload: the catalog, where each key was, and the report."""

    filename: str
    content: bytes
    catalog: Catalog
    source: Sourced
    report: Report

    @property
    def departments(self) -> list[str]:
        return list(dict.fromkeys(item.department for item in self.catalog.items))


def _renamed(error: InputError, temp: str, filename: str) -> InputError:
    """Problems located in the temporary copy, named by the file the user sent."""
    problems: list[Problem] = []
    for problem in error.problems:
        location = problem.location
        if location.file and temp in location.file:
            location = location.model_copy(update={"file": filename})
        problems.append(problem.model_copy(update={"location": location}))
    return InputError(problems)


def load_upload(
    filename: str, content: bytes, limits: LoadLimits | None = None
) -> tuple[Catalog, Sourced]:
    """Load the bytes of an uploaded file by its suffix (.yaml .yml .json .xlsx .csv)."""
    name = safe_name(filename)
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError.single(
            name,
            f"不支持的文件类型 {suffix or '（无扩展名）'}：应为 .yaml、.yml、.json、.xlsx 或 .csv",
            f"unsupported file type {suffix or '(none)'}: expected .yaml, .yml, .json, .xlsx "
            "or .csv",
        )
    if not content:
        raise InputError.single(name, "文件是空的", "the file is empty")
    with tempfile.TemporaryDirectory(prefix="permitlogic-upload-") as directory:
        path = Path(directory) / name
        path.write_bytes(content)
        try:
            catalog, source = load_catalog_sourced(path, limits)
        except InputError as error:
            raise _renamed(error, directory, name) from None
    source.file = name
    return catalog, source


def check_upload(
    filename: str, content: bytes, pack: ChecksPack, limits: LoadLimits | None = None
) -> Checked:
    catalog, source = load_upload(filename, content, limits)
    report = check(catalog, pack=pack, source=source)
    findings = [
        f.model_copy(update={"location": f.location.model_copy(update={"file": source.file})})
        if f.location is not None
        else f
        for f in report.findings
    ]
    report = report.model_copy(
        update={
            "findings": findings,
            "catalog": report.catalog.model_copy(update={"source": source.file}),
        }
    )
    return Checked(safe_name(filename), content, catalog, source, report)
