"""Eligibility inputs and decisions (decisions.md): green channel and 容缺受理."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from permitlogic.models.catalog import IsoDate
from permitlogic.models.report import Out


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

    id: Annotated[str, Field(min_length=1)]
    name: Annotated[str, Field(min_length=1)]
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
    id: Annotated[str, Field(min_length=1)]
    credit: Annotated[Credit, Field(strict=False)]


class Application(In):
    """An application asking to be accepted with materials to follow (容缺受理)."""

    id: Annotated[str, Field(min_length=1)]
    item: Annotated[str, Field(min_length=1)]
    applicant: Applicant
    received: IsoDate
    submitted: list[str]
    commitment: bool


class Condition(Out):
    """One condition of a rule pack, as evaluated: its rule id, citation and message."""

    rule: str
    condition: str
    message_zh: str
    message_en: str
    citation: str


class GreenChannelOutcome(StrEnum):
    eligible = "eligible"
    not_eligible = "not_eligible"


class GreenChannelDecision(Out):
    decision_id: str | None = None
    project: str
    decision: GreenChannelOutcome
    unmet: list[Condition] = Field(default_factory=list)
    met: list[str] = Field(default_factory=list)
    effect: str | None = None
    effect_en: str | None = None
    pack_version: str | None = None


class DeferralOutcome(StrEnum):
    reject = "reject"
    notice = "notice"
    accept_with_deferral = "accept_with_deferral"
    accept = "accept"


class MissingMaterial(Out):
    id: str
    name: str
    core: bool


class DeferralDecision(Out):
    decision_id: str | None = None
    application: str
    item: str
    department: str | None = None
    applicant: str
    received: date
    decision: DeferralOutcome
    reasons: list[Condition] = Field(default_factory=list)
    met: list[str] = Field(default_factory=list)
    missing: list[MissingMaterial] = Field(default_factory=list)
    deferred: list[MissingMaterial] = Field(default_factory=list)
    deadline: date | None = None
    notice_due: date | None = None
    pack_version: str | None = None
