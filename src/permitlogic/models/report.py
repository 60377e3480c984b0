"""Findings and the Report: what every check returns and every renderer reads."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field

from permitlogic.models.out import Location as Location
from permitlogic.models.out import Out as Out


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info: compare with ``>=``."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]

    @property
    def zh(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


class Change(Out):
    """One change a fix proposes: set ``field`` of ``item`` from ``old`` to ``new``."""

    item: str
    field: str
    old: int | str | None = None
    new: int | str | None = None


class Fix(Out):
    """A suggested fix, in words and, where it is a change of values, as changes."""

    message_zh: str
    message_en: str
    changes: list[Change] = Field(default_factory=list)


class LawQuote(Out):
    """The text a finding cites, from the register: a reader sees what the law says."""

    ref: str
    title: str
    article: str | None = None
    quote: str | None = None
    version: str


class Finding(Out):
    """One defect: the check, the items in a meaningful order, why, and the law it breaks."""

    rule: str
    name: str
    severity: Severity
    items: list[str] = Field(default_factory=list)
    department: str | None = None
    message_zh: str
    message_en: str
    citation: str
    law: list[LawQuote] = Field(default_factory=list)
    witness: dict[str, Any] | None = None
    fix: Fix | None = None
    location: Location | None = None


class ToolInfo(Out):
    name: str = "permitlogic"
    version: str


class CatalogInfo(Out):
    id: str
    items: int
    source: str | None = None


class Summary(Out):
    error: int = 0
    warning: int = 0
    info: int = 0

    @classmethod
    def of(cls, findings: list[Finding]) -> Summary:
        counts = {s.value: 0 for s in Severity}
        for finding in findings:
            counts[finding.severity.value] += 1
        return cls(**counts)


class TimelineItem(Out):
    """An item placed on a chain's worst-case schedule (working days from day 0)."""

    item: str
    name: str
    department: str
    days: int
    start: int
    end: int
    critical: bool = False


class StageTimeline(Out):
    name: str
    bound_days: int | None = None
    start: int
    worst_case_days: int
    holds: bool | None = None
    critical_path: list[str] = Field(default_factory=list)
    items: list[TimelineItem] = Field(default_factory=list)


class Timeline(Out):
    """A chain's worst-case schedule and whether its bounds hold (proved by z3)."""

    chain: str
    name: str
    bound_days: int | None = None
    joint: bool = False
    schedulable: bool = True
    total_days: int | None = None
    holds: bool | None = None
    critical_path: list[str] = Field(default_factory=list)
    stages: list[StageTimeline] = Field(default_factory=list)
    note_zh: str | None = None
    note_en: str | None = None


class NotJudged(Out):
    """Items a check could not judge because the catalog leaves a field it needs unknown."""

    rule: str
    name: str
    count: int
    of: int
    fields: list[str]
    items: list[str] = Field(default_factory=list)
    message_zh: str
    message_en: str


class Report(Out):
    """What ``permitlogic check`` returns (the JSON of interfaces.md, plus ``not_judged``)."""

    tool: ToolInfo
    catalog: CatalogInfo
    findings: list[Finding] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    timelines: list[Timeline] = Field(default_factory=list)
    not_judged: list[NotJudged] = Field(default_factory=list)

    def at_or_above(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity.rank >= severity.rank]
