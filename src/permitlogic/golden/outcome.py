"""What running one golden case (or one property) gives: its status, the diff, what it exercised."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Status(StrEnum):
    passed = "passed"
    failed = "failed"
    skipped = "skipped"


class Side(StrEnum):
    """The two ways a check or a pack rule can be exercised (opa-style coverage)."""

    raised = "raised"
    """A check produced the finding a case expects."""
    silent = "silent"
    """A check ran where a case forbids any finding of it (``exactly: true``) and stayed silent."""
    met = "met"
    unmet = "unmet"
    hit = "hit"
    """A row of a decision table was reached."""


@dataclass(frozen=True)
class Unit:
    """One thing coverage counts: a check raised or silent, a rule met or unmet, a row hit."""

    area: str
    """``check``, ``green_channel``, ``deferral`` or ``row``."""
    id: str
    side: Side


@dataclass(frozen=True)
class DiffLine:
    """A line of the expected-versus-actual diff: ``-`` expected only, ``+`` actual only, `` `` both."""

    sign: str
    text: str


@dataclass
class CaseOutcome:
    """The result of one case: passed, failed (with reasons and a diff) or skipped."""

    file: Path
    name: str
    kind: str
    """``check``, ``green_channel``, ``deferral`` or ``property``."""
    status: Status
    reasons: list[str] = field(default_factory=list)
    diff: list[DiffLine] = field(default_factory=list)
    skip_reason: str | None = None
    seconds: float = 0.0
    exercised: frozenset[Unit] = frozenset()
    """What the case exercised; counted only when it passed."""
    label: str | None = None
    """How the file is shown (relative to the directory under test)."""

    @property
    def node_id(self) -> str:
        """``checks/structure.yaml::两个事项互为前置``, as pytest names a test."""
        return f"{self.label or self.file.as_posix()}::{self.name}"

    @property
    def passed(self) -> bool:
        return self.status is Status.passed


def crash_reason(error: BaseException) -> str:
    """An exception that is not an input error: a bug, shown with where it was raised."""
    where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    place = f" ({where[0].filename}:{where[0].lineno})" if where else ""
    return f"崩溃 / crash: {type(error).__name__}: {error}{place}"
