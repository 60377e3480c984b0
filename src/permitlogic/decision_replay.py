"""Replay a decision log with the current rule packs: which decisions would now differ, and how.

The audit a legal office runs after changing a rule pack: every logged input is
decided again, and each decision whose outcome changed is reported with the
fields that changed (old and new value). ``decision_id`` and ``pack_version``
are identity, not outcome, and are not compared.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from permitlogic.decision_log import LoggedCatalog, LoggedDecision, read_log
from permitlogic.errors import InputError, Problem
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Application, Project
from permitlogic.models.out import Location, Out
from permitlogic.service.engine import DecisionEngine, EngineOutcome

NOT_COMPARED = frozenset({"decision_id", "pack_version"})
CHUNK = 2_000
"""Decisions evaluated per engine call (keeps memory flat on a long log)."""


class FieldChange(Out):
    field: str
    old: Any = None
    new: Any = None


class Difference(Out):
    """A logged decision that the current packs decide differently."""

    line: int
    decision_id: str
    kind: str
    subject: str = Field(description="the project or application id")
    catalog: str | None = None
    logged_pack_version: str
    changes: list[FieldChange]


class ReplayReport(Out):
    log: str
    pack_versions: dict[str, str]
    decisions: int = 0
    unchanged: int = 0
    differences: list[Difference] = Field(default_factory=list)
    incomplete: list[int] = Field(
        default_factory=list,
        description="lines skipped as incomplete records (cut short by a crash while writing)",
    )

    @property
    def differ(self) -> int:
        return len(self.differences)


@dataclass
class _Pending:
    """Logged decisions of one kind (and catalog) waiting to be decided again."""

    records: list[tuple[int, LoggedDecision]] = field(default_factory=list)
    inputs: list[Any] = field(default_factory=list)


def replay(log: Path, rules_dir: Path | None = None) -> ReplayReport:
    """Decide every logged input again with the packs of ``rules_dir`` and compare.

    Raises InputError listing every line that cannot be replayed (not a record,
    an input the current models reject, a deferral whose catalog is not in the log).
    """
    engine = DecisionEngine(rules_dir)
    report = ReplayReport(log=str(log), pack_versions=engine.pack_versions)
    problems: list[Problem] = []
    catalogs: dict[str, Catalog] = {}
    pending: dict[tuple[str, str | None], _Pending] = {}

    def flush(key: tuple[str, str | None]) -> None:
        batch = pending.pop(key, None)
        if batch is None or not batch.records:
            return
        kind, sha = key
        outcomes: Sequence[EngineOutcome]
        if kind == "green_channel":
            outcomes = engine.green_channel_each(batch.inputs)
        else:
            outcomes = engine.deferral_each(batch.inputs, catalogs[str(sha)])
        for (line, record), outcome in zip(batch.records, outcomes, strict=True):
            report.decisions += 1
            difference = _compare(line, record, outcome)
            if difference is None:
                report.unchanged += 1
            else:
                report.differences.append(difference)

    try:
        for line, record in read_log(log, report.incomplete):
            if isinstance(record, LoggedCatalog):
                try:
                    catalogs[record.catalog.sha256] = Catalog.model_validate(record.content)
                except ValidationError as exc:
                    problems.append(_invalid(log, line, "content", exc))
                continue
            key, parsed = _parsed_input(log, line, record, catalogs, problems)
            if parsed is None:
                continue
            batch = pending.setdefault(key, _Pending())
            batch.records.append((line, record))
            batch.inputs.append(parsed)
            if len(batch.records) >= CHUNK:
                flush(key)
    except InputError as error:
        problems.extend(error.problems)
    for key in list(pending):
        flush(key)
    if problems:
        raise InputError(problems)
    report.differences.sort(key=lambda d: d.line)
    return report


def _parsed_input(
    log: Path,
    line: int,
    record: LoggedDecision,
    catalogs: dict[str, Catalog],
    problems: list[Problem],
) -> tuple[tuple[str, str | None], Project | Application | None]:
    if record.kind == "green_channel":
        key: tuple[str, str | None] = ("green_channel", None)
        try:
            return key, Project.model_validate(record.input)
        except ValidationError as exc:
            problems.append(_invalid(log, line, "input", exc))
            return key, None
    sha = record.catalog.sha256 if record.catalog else None
    key = ("deferral", sha)
    if sha is None or sha not in catalogs:
        problems.append(
            Problem(
                location=Location(file=str(log), line=line, key="catalog"),
                message_zh="日志中没有此决定所用的目录（catalog 记录缺失），无法重放",
                message_en="the catalog this decision used is not in the log; cannot replay it",
            )
        )
        return key, None
    try:
        return key, Application.model_validate(record.input)
    except ValidationError as exc:
        problems.append(_invalid(log, line, "input", exc))
        return key, None


def _invalid(log: Path, line: int, where: str, exc: ValidationError) -> Problem:
    first = exc.errors(include_url=False)[0]
    key = ".".join([where, *(str(p) for p in first["loc"])])
    return Problem(
        location=Location(file=str(log), line=line, key=key),
        message_zh=f"记录无法按当前模型读取：{first['msg']}",
        message_en=f"the record does not fit the current model: {first['msg']}",
    )


def _compare(line: int, record: LoggedDecision, outcome: EngineOutcome) -> Difference | None:
    if isinstance(outcome, InputError):
        new: dict[str, Any] = {"error": outcome.describe("en")}
    else:
        new = outcome.model_dump(mode="json")
    changes = list(_changed_fields(record.output, new))
    if not changes:
        return None
    return Difference(
        line=line,
        decision_id=record.decision_id,
        kind=record.kind,
        subject=str(record.input.get("id", "")),
        catalog=record.catalog.id if record.catalog else None,
        logged_pack_version=record.pack_version,
        changes=changes,
    )


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> Iterator[FieldChange]:
    """Top-level fields whose values differ; a field absent on one side counts as None."""
    keys = [k for k in old if k not in NOT_COMPARED]
    keys += [k for k in new if k not in NOT_COMPARED and k not in old]
    for key in keys:
        before, after = old.get(key), new.get(key)
        if before != after:
            yield FieldChange(field=key, old=before, new=after)
