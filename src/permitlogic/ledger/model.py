"""The ledger's shapes: case states, events as they come in, events as recorded, cases."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from permitlogic.models.decision import DeferralDecision, MissingMaterial
from permitlogic.models.out import Out
from permitlogic.models.text_policy import Id, Text, normalise_name

KEY_MAX_CHARS = 255
"""Longest idempotency key: the event table's key column is VARCHAR(255) on every store."""
Key = Annotated[str, Field(min_length=1, max_length=KEY_MAX_CHARS), BeforeValidator(normalise_name)]


class CaseState(StrEnum):
    """Where a deferred case (容缺后补) stands.

    ``new`` is the statechart's start state only: a case exists from its ``open`` event on.
    """

    new = "new"
    open = "open"
    supplemented = "supplemented"
    overdue = "overdue"
    closed = "closed"
    revoked = "revoked"

    @property
    def zh(self) -> str:
        return STATE_ZH[self]

    @property
    def final(self) -> bool:
        return self in (CaseState.closed, CaseState.revoked)


STATE_ZH = {
    CaseState.new: "新建",
    CaseState.open: "待补齐",
    CaseState.supplemented: "已补齐",
    CaseState.overdue: "已逾期",
    CaseState.closed: "已办结",
    CaseState.revoked: "已撤销",
}

#: States in which a case still waits for something: what ``cases due`` looks at.
PENDING = (CaseState.open, CaseState.overdue)


class EventKind(StrEnum):
    open = "open"
    supplement = "supplement"
    tick = "tick"
    revoke = "revoke"
    close = "close"

    @property
    def zh(self) -> str:
        return {
            "open": "受理",
            "supplement": "补交材料",
            "tick": "日期推进",
            "revoke": "撤销",
            "close": "办结",
        }[self.value]


class Outcome(StrEnum):
    applied = "applied"
    rejected = "rejected"


class LedgerEvent(BaseModel):
    """One event for one case, as it comes in. ``key`` makes it idempotent."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    case_id: Id
    kind: EventKind
    key: Key
    on: date
    materials: tuple[Id, ...] = ()
    reason: Text | None = None
    decision: DeferralDecision | None = None

    def payload(self) -> dict[str, Any]:
        """What the event table stores besides case, kind and key (JSON-ready)."""
        data: dict[str, Any] = {"on": self.on.isoformat()}
        if self.materials:
            data["materials"] = list(self.materials)
        if self.reason is not None:
            data["reason"] = self.reason
        if self.decision is not None:
            data["decision"] = self.decision.model_dump(mode="json")
        return data

    @classmethod
    def from_stored(cls, case_id: str, kind: str, key: str, payload: dict[str, Any]) -> LedgerEvent:
        decision = payload.get("decision")
        return cls(
            case_id=case_id,
            kind=EventKind(kind),
            key=key,
            on=date.fromisoformat(payload["on"]),
            materials=tuple(payload.get("materials", ())),
            reason=payload.get("reason"),
            decision=DeferralDecision.model_validate(decision) if decision is not None else None,
        )


class Case(Out):
    """A case as the ``cases`` table holds it: derived from its events, nothing else."""

    case_id: str
    application: str
    item: str
    item_name: str | None = None
    department: str | None = None
    applicant: str
    received: date
    deadline: date
    state: CaseState
    deferred: list[MissingMaterial]
    missing: list[str]
    reminded_on: date | None = None
    ended_on: date | None = None
    last_event: int = 0
    updated: datetime | None = None

    def material_name(self, material: str) -> str:
        for deferred in self.deferred:
            if deferred.id == material:
                return deferred.name
        return material


class EventRecord(Out):
    """One row of the append-only event table, and what applying it did."""

    id: int
    case_id: str
    kind: EventKind
    key: str
    payload: dict[str, Any]
    at: datetime
    outcome: Outcome
    rule: str | None = None
    state: CaseState
    missing: list[str]
    message_zh: str | None = None
    message_en: str | None = None
    duplicate: bool = False
    """True when the key had been applied before: this is that earlier result, unchanged."""


class CaseHistory(Out):
    case: Case
    events: list[EventRecord]


class DueCase(Out):
    case_id: str
    application: str
    item: str
    item_name: str | None = None
    department: str | None = None
    applicant: str
    deadline: date
    state: CaseState
    missing: list[MissingMaterial]
    days_overdue: int
    reminded_on: date | None = None


class DepartmentDue(Out):
    department: str | None
    due: list[DueCase] = Field(default_factory=list)
    overdue: list[DueCase] = Field(default_factory=list)


class DueSummary(Out):
    due: int
    overdue: int
    departments: int


class DueReport(Out):
    """What falls due on ``on`` (up to ``until``) and what is overdue, by department."""

    on: date
    until: date
    departments: list[DepartmentDue]
    summary: DueSummary


class Mismatch(Out):
    """One difference between the stored ledger and a clean replay of its events."""

    case_id: str
    event: int | None = None
    field: str
    stored: Any = None
    replayed: Any = None


class VerifyReport(Out):
    cases: int
    events: int
    mismatches: list[Mismatch]

    @property
    def clean(self) -> bool:
        return not self.mismatches
