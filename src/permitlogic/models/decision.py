"""Eligibility inputs and decisions (decisions.md): green channel and 容缺受理."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from permitlogic.models.input_fields import IsoDate
from permitlogic.models.out import Out
from permitlogic.models.text_policy import Id, Name, OutId, OutName


class In(BaseModel):
    """Base of decision inputs: strict, unknown keys rejected, a missing field is an error."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class ProjectCategory(StrEnum):
    major_infrastructure = "major_infrastructure"
    major_investment = "major_investment"
    emergency = "emergency"
    ordinary = "ordinary"


class Project(In):
    """A project asking for the green channel (绿色通道, 1+3+2+1)."""

    id: Id
    name: Name
    category: Annotated[ProjectCategory, Field(strict=False)]
    emergency_designated: bool
    urban: bool
    eia_approval: bool
    reviewed_drawings: bool
    contractor_selected: bool
    supervisor_selected: bool
    wage_deposit_paid: bool
    safety_deposit_paid: bool
    dust_deposit_paid: bool
    injury_insurance: bool


class Credit(StrEnum):
    good = "good"
    warned = "warned"
    blacklisted = "blacklisted"


class Applicant(In):
    id: Id
    credit: Annotated[Credit, Field(strict=False)]


class Application(In):
    """An application asking to be accepted with materials to follow (容缺受理)."""

    id: Id
    item: Id
    applicant: Applicant
    received: IsoDate
    submitted: list[Id]
    commitment: bool


class Condition(Out):
    """An unmet condition of a rule pack: its rule id, the input it read, message, citation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    condition: str
    message_zh: str
    message_en: str
    citation: str


class GreenChannelOutcome(StrEnum):
    eligible = "eligible"
    not_eligible = "not_eligible"


class GreenChannelDecision(Out):
    """Whether a project enters the green channel, every condition unmet and met, in pack order."""

    decision_id: str | None = None
    project: str
    decision: GreenChannelOutcome
    unmet: list[Condition] = Field(default_factory=list)
    met: list[str] = Field(default_factory=list)
    effect: str | None = None
    pack_version: str | None = None


class DeferralOutcome(StrEnum):
    reject = "reject"
    notice = "notice"
    accept_with_deferral = "accept_with_deferral"
    accept = "accept"


class MissingMaterial(Out):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: OutId
    name: OutName
    core: bool


class DeferralDecision(Out):
    """What the window does with an application: reject, notice, accept with deferral, accept.

    ``reasons`` are the unmet rules and ``met`` the met ones, in pack order;
    ``missing`` every missing material (notice and accept_with_deferral),
    ``deferred`` the ones accepted to follow, due by ``deadline``; ``unknown``
    the submitted ids the item does not ask for; ``notice_due`` the last day to
    serve the 一次性告知 notice.
    """

    decision_id: str | None = None
    application: OutId
    item: OutId
    item_name: OutName | None = None
    department: OutName | None = None
    applicant: OutId
    received: date
    decision: DeferralOutcome
    reasons: list[Condition] = Field(default_factory=list)
    met: list[str] = Field(default_factory=list)
    missing: list[MissingMaterial] = Field(default_factory=list)
    deferred: list[MissingMaterial] = Field(default_factory=list)
    unknown: list[OutId] = Field(default_factory=list)
    deadline: date | None = None
    notice_due: date | None = None
    pack_version: str | None = None


class NoticeKind(StrEnum):
    notice = "notice"
    """一次性告知: the application is not accepted until these materials are supplied."""
    deferral = "deferral"
    """容缺受理告知: accepted now; these materials are due by the deadline."""


class NoticeMaterial(Out):
    id: str
    name: str
    core: bool
    due: date | None = None


class Notice(Out):
    """The one notice (一次性告知) listing every missing material at once, with its due date.

    For a ``notice`` decision ``due`` is the last day to serve it (行政许可法
    Art. 32); for ``accept_with_deferral`` it is the day the deferred materials
    are due.
    """

    kind: NoticeKind
    application: str
    applicant: str
    item: str
    item_name: str | None = None
    department: str | None = None
    received: date
    due: date
    materials: list[NoticeMaterial]
    reasons: list[Condition] = Field(default_factory=list)
    citation: str
    pack_version: str | None = None
