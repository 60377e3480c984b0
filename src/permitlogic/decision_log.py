"""The decision log: one JSON line per decision, so every decision can be audited and replayed.

A line is one of three records, told apart by ``kind``:

- ``green_channel``: time, decision_id, the project (``input``), the rule-pack
  version hash, the decision (``output``);
- ``deferral``: the same for an application, plus the catalog it was decided
  against (``catalog``: id and sha256);
- ``catalog``: a catalog's content, written once per catalog (by sha256) before
  the first decision that uses it, so replay can rebuild it.

Writing is thread-safe: one lock, each batch written as one block and flushed.

Crash safety (docs/limits.md): each batch is handed to the operating system in
one write before its decisions are answered, so a killed process loses no
answered decision; a kill during the write leaves at most one incomplete
trailing line. Opening the log again ends such a line (appends a newline) so the
next record starts on a line of its own, and ``replay`` reports and skips
incomplete lines by number. With ``PERMITLOGIC_LOG_FSYNC=1`` each batch is also
fsynced, so an operating-system crash or power cut loses no answered decision
either (at the cost of one disk sync per batch).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import from_json

from permitlogic.errors import InputError, Problem
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import (
    Application,
    DeferralDecision,
    GreenChannelDecision,
    Project,
)
from permitlogic.models.out import Location, Out

MAX_PROBLEMS = 100
"""Stop listing unreadable lines after this many (a log may be very long)."""
FSYNC_ENV = "PERMITLOGIC_LOG_FSYNC"


def now() -> datetime:
    return datetime.now(UTC)


def catalog_sha256(catalog: Catalog) -> str:
    """The sha256 of the catalog's canonical JSON: the same catalog always hashes the same."""
    return hashlib.sha256(catalog.model_dump_json().encode("utf-8")).hexdigest()


class CatalogRef(Out):
    """Which catalog a deferral decision was made against."""

    id: str
    sha256: str


class GreenChannelRecord(Out):
    kind: Literal["green_channel"] = "green_channel"
    time: datetime
    decision_id: str
    pack_version: str
    input: Project
    output: GreenChannelDecision


class DeferralRecord(Out):
    kind: Literal["deferral"] = "deferral"
    time: datetime
    decision_id: str
    pack_version: str
    catalog: CatalogRef
    input: Application
    output: DeferralDecision


class CatalogRecord(Out):
    kind: Literal["catalog"] = "catalog"
    time: datetime
    catalog: CatalogRef
    content: Catalog


Record = GreenChannelRecord | DeferralRecord | CatalogRecord


class DecisionLogError(Exception):
    """The log could not be written: the decisions must not be given unlogged."""


class DecisionLog:
    """Append-only JSON-lines writer, safe to share between threads."""

    def __init__(self, path: Path, *, fsync: bool | None = None) -> None:
        self.path = path
        self.fsync = os.environ.get(FSYNC_ENV, "") in ("1", "true") if fsync is None else fsync
        self._lock = threading.Lock()
        self._logged_catalogs: set[str] = set()
        self._file: IO[bytes] = path.open("ab")
        self.repaired = _end_last_line(self._file)
        """True when the log ended in an incomplete line (a crash) and was given its newline."""

    def _flush(self, handle: IO[bytes]) -> None:
        handle.flush()
        if self.fsync:
            os.fsync(handle.fileno())

    def _open(self) -> IO[bytes]:
        """The open file (reopened for appending after close(); call with the lock held)."""
        if self._file.closed:
            self._file = self.path.open("ab")
            _end_last_line(self._file)
        return self._file

    def _append(self, data: bytes) -> None:
        """Write ``data`` at the end and flush it (call with the lock held)."""
        try:
            handle = self._open()
            handle.write(data)
            self._flush(handle)
        except OSError as exc:
            raise DecisionLogError(f"{self.path}: {exc.strerror or exc}") from exc

    def write(self, records: Sequence[Record]) -> None:
        """Append the records as one block and flush it to the operating system."""
        if not records:
            return
        block = b"".join(record.model_dump_json().encode("utf-8") + b"\n" for record in records)
        with self._lock:
            self._append(block)

    def write_catalog(self, catalog: Catalog, sha256: str) -> None:
        """Record a catalog's content once per process (replay needs it to rebuild decisions)."""
        with self._lock:
            if sha256 in self._logged_catalogs:
                return
        record = CatalogRecord(
            time=now(), catalog=CatalogRef(id=catalog.catalog.id, sha256=sha256), content=catalog
        )
        line = record.model_dump_json().encode("utf-8") + b"\n"
        with self._lock:
            if sha256 in self._logged_catalogs:
                return
            self._append(line)
            self._logged_catalogs.add(sha256)

    def close(self) -> None:
        """Close the file; a later write opens it again (an app may be started twice)."""
        with self._lock:
            if not self._file.closed:
                self._file.close()


def _end_last_line(handle: IO[bytes]) -> bool:
    """End an incomplete last line (left by a crash mid-write) so records start afresh."""
    end = handle.seek(0, os.SEEK_END)
    if end == 0:
        return False
    with open(handle.name, "rb") as reader:
        reader.seek(end - 1)
        if reader.read(1) == b"\n":
            return False
    handle.write(b"\n")
    handle.flush()
    return True


# Reading: inputs and outputs stay plain JSON until replay validates them with the
# current models, so a log written by an older version still reads.


class LoggedLine(BaseModel):
    model_config = ConfigDict(extra="allow")


class LoggedDecision(LoggedLine):
    kind: Literal["green_channel", "deferral"]
    time: datetime
    decision_id: str
    pack_version: str
    catalog: CatalogRef | None = None
    input: dict[str, Any]
    output: dict[str, Any]


class LoggedCatalog(LoggedLine):
    kind: Literal["catalog"]
    time: datetime
    catalog: CatalogRef
    content: dict[str, Any]


_LINE: TypeAdapter[LoggedDecision | LoggedCatalog] = TypeAdapter(
    Annotated[LoggedDecision | LoggedCatalog, Field(discriminator="kind")]
)


def read_log(
    path: Path, incomplete: list[int] | None = None
) -> Iterator[tuple[int, LoggedDecision | LoggedCatalog]]:
    """Each record with its 1-based line number; InputError listing every unreadable line.

    Blank lines are skipped. With ``incomplete``, a line that is the start of a
    JSON document ended early (a record cut short by a crash) is not an error:
    its number goes there. The
    records are yielded as they are read; the InputError, if any, comes after
    the last one.
    """
    problems: list[Problem] = []
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError.single(
            str(path), f"无法读取决定日志：{exc.strerror}", f"cannot read the decision log: {exc}"
        ) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                yield number, _LINE.validate_json(raw)
            except ValidationError as exc:
                if incomplete is not None and _cut_short(raw, exc):
                    incomplete.append(number)
                elif len(problems) < MAX_PROBLEMS:
                    problems.append(_problem(path, number, exc))
    if problems:
        raise InputError(problems)


def _cut_short(raw: bytes, exc: ValidationError) -> bool:
    """A line that is the start of a JSON object, ended early (not other malformed text)."""
    if exc.errors(include_url=False)[0]["type"] != "json_invalid":
        return False
    try:
        return isinstance(from_json(raw.rstrip(b"\r\n"), allow_partial=True), dict)
    except ValueError:
        return False


def _problem(path: Path, line: int, exc: ValidationError) -> Problem:
    first = exc.errors(include_url=False)[0]
    if first["type"] == "json_invalid":
        zh, en = "不是有效的 JSON 行", f"not a JSON line: {first['msg']}"
    else:
        key = ".".join(str(p) for p in first["loc"])
        zh = f"不是决定日志记录（{key}）"
        en = f"not a decision-log record ({key}: {first['msg']})"
    return Problem(location=Location(file=str(path), line=line), message_zh=zh, message_en=en)
