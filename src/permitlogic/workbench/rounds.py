"""Review rounds: each upload of a department is its next round; what was fixed, what is new.

Pure functions over the stored reports: a finding is the same finding in two
rounds when its check and its items are the same (``finding_key``). A finding
accepted with a reason no longer counts as open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from permitlogic.models.report import Finding, Severity

WHOLE = ""
"""The department of findings about the whole catalog (no one department)."""


@dataclass(frozen=True)
class Acceptance:
    key: str
    department: str
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class UploadInfo:
    """An upload as the round pages need it (the file itself stays in the store)."""

    id: int
    filename: str
    uploaded_by: str
    at: datetime
    departments: list[str]
    items: int
    findings: list[Finding]


def finding_key(finding: Finding) -> str:
    return f"{finding.rule}|{','.join(finding.items)}"


def department_of(finding: Finding) -> str:
    return finding.department or WHOLE


def of_department(findings: Iterable[Finding], department: str) -> list[Finding]:
    return [f for f in findings if department_of(f) == department]


@dataclass
class Round:
    """One department's round: its findings now, and how they compare with the round before."""

    department: str
    number: int
    upload: UploadInfo
    previous: UploadInfo | None
    findings: list[Finding]
    fixed: list[Finding] = field(default_factory=list)
    new: list[Finding] = field(default_factory=list)
    still_open: list[Finding] = field(default_factory=list)
    accepted: dict[str, Acceptance] = field(default_factory=dict)

    def is_accepted(self, finding: Finding) -> bool:
        return finding_key(finding) in self.accepted

    @property
    def open_findings(self) -> list[Finding]:
        return [f for f in self.findings if not self.is_accepted(f)]

    def open_count(self, severity: Severity) -> int:
        return sum(1 for f in self.open_findings if f.severity is severity)

    @property
    def accepted_here(self) -> list[Finding]:
        return [f for f in self.findings if self.is_accepted(f)]


def department_rounds(uploads: Sequence[UploadInfo], department: str) -> list[UploadInfo]:
    """The uploads that carry ``department``, oldest first: its rounds 1, 2, …"""
    return [u for u in uploads if department in u.departments or _whole(u, department)]


def _whole(upload: UploadInfo, department: str) -> bool:
    return department == WHOLE and any(f.department is None for f in upload.findings)


def round_of(
    uploads: Sequence[UploadInfo],
    department: str,
    acceptances: Mapping[str, Acceptance],
    number: int | None = None,
) -> Round | None:
    """Round ``number`` (default the latest) of ``department``, compared with the one before."""
    rounds = department_rounds(uploads, department)
    if not rounds:
        return None
    index = len(rounds) - 1 if number is None else number - 1
    if not 0 <= index < len(rounds):
        return None
    upload = rounds[index]
    previous = rounds[index - 1] if index > 0 else None
    now = of_department(upload.findings, department)
    result = Round(
        department=department,
        number=index + 1,
        upload=upload,
        previous=previous,
        findings=now,
        accepted={k: a for k, a in acceptances.items() if a.department == department},
    )
    if previous is not None:
        before = of_department(previous.findings, department)
        before_keys = {finding_key(f) for f in before}
        now_keys = {finding_key(f) for f in now}
        result.fixed = [f for f in before if finding_key(f) not in now_keys]
        result.new = [f for f in now if finding_key(f) not in before_keys]
        result.still_open = [f for f in now if finding_key(f) in before_keys]
    else:
        result.new = list(now)
    return result


def departments_of(uploads: Sequence[UploadInfo]) -> list[str]:
    """Every department any upload carried, in the order first seen; whole-catalog last."""
    seen: dict[str, None] = {}
    whole = False
    for upload in uploads:
        for department in upload.departments:
            seen.setdefault(department, None)
        whole = whole or any(f.department is None for f in upload.findings)
    return [*seen, *([WHOLE] if whole else [])]
