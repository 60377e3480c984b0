"""The window's decisions: forms read into inputs, conditions listed met or unmet, stored
until the clerk opens a case, and the notice's deadline counted in working days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select
from starlette.datastructures import FormData

from permitlogic.errors import InputError
from permitlogic.models.decision import (
    Application,
    DeferralDecision,
    GreenChannelDecision,
    Project,
    ProjectCategory,
)
from permitlogic.packs.deferral import DeferralPack
from permitlogic.packs.green_channel import GreenChannelPack
from permitlogic.workbench.db import WorkbenchDb, now
from permitlogic.workbench.tables import decisions
from permitlogic.workbench.web import text_field
from permitlogic.workdays.calendar import WorkdayCalendar

PROJECT_FLAGS = tuple(
    name for name, field in Project.model_fields.items() if field.annotation is bool
)
"""The project's yes/no facts, in the model's order: one checkbox each on the window form."""


def project_of(form: FormData) -> Project:
    category = text_field(form, "category", limit=40)
    if category not in {c.value for c in ProjectCategory}:
        raise InputError.single(
            None,
            f"项目类别不对：{category}",
            f"unknown project category: {category}",
            key="category",
        )
    fields: dict[str, Any] = {
        "id": text_field(form, "id", limit=200),
        "name": text_field(form, "name", limit=400),
    }
    fields["category"] = category
    for flag in PROJECT_FLAGS:
        fields[flag] = form.get(flag) == "yes"
    return Project.model_validate(fields)


def application_of(form: FormData) -> Application:
    received_text = text_field(form, "received", limit=10)
    try:
        received = date.fromisoformat(received_text)
    except ValueError:
        raise InputError.single(
            None,
            f"受理日期应为 YYYY-MM-DD：{received_text}",
            f"the received date must be YYYY-MM-DD: {received_text}",
            key="received",
        ) from None
    credit = text_field(form, "credit", limit=20)
    if credit not in ("good", "warned", "blacklisted"):
        raise InputError.single(
            None, f"信用等级不对：{credit}", f"unknown credit: {credit}", key="credit"
        )
    submitted = [m for m in form.getlist("submitted") if isinstance(m, str) and m]
    return Application.model_validate(
        {
            "id": text_field(form, "id", limit=128),
            "item": text_field(form, "item", limit=128),
            "applicant": {"id": text_field(form, "applicant", limit=128), "credit": credit},
            "received": received,
            "submitted": submitted,
            "commitment": form.get("commitment") == "yes",
        }
    )


@dataclass(frozen=True)
class ConditionRow:
    """One rule of a pack as the decision page shows it."""

    rule: str
    name_zh: str
    name_en: str
    citation: str
    status: str
    """``met``, ``unmet`` or ``na`` (did not apply to this input)."""
    message_zh: str = ""
    message_en: str = ""


def green_rows(decision: GreenChannelDecision, pack: GreenChannelPack) -> list[ConditionRow]:
    unmet = {c.rule: c for c in decision.unmet}
    met = set(decision.met)
    rows = []
    rules = [(pack.scope.id, pack.scope.name_zh, pack.scope.name_en, pack.scope.citation)]
    rules += [(c.id, c.name_zh, c.name_en, c.citation) for c in pack.conditions]
    for rule, name_zh, name_en, citation in rules:
        if rule in unmet:
            u = unmet[rule]
            rows.append(
                ConditionRow(
                    rule, name_zh, name_en, u.citation, "unmet", u.message_zh, u.message_en
                )
            )
        else:
            rows.append(
                ConditionRow(rule, name_zh, name_en, citation, "met" if rule in met else "na")
            )
    return rows


def deferral_rows(decision: DeferralDecision, pack: DeferralPack) -> list[ConditionRow]:
    unmet = {c.rule: c for c in decision.reasons}
    met = set(decision.met)
    rows = []
    for rule in pack.rules:
        if rule.id in unmet:
            u = unmet[rule.id]
            rows.append(
                ConditionRow(
                    rule.id,
                    rule.name_zh,
                    rule.name_en,
                    u.citation,
                    "unmet",
                    u.message_zh,
                    u.message_en,
                )
            )
        else:
            rows.append(
                ConditionRow(
                    rule.id,
                    rule.name_zh,
                    rule.name_en,
                    rule.citation,
                    "met" if rule.id in met else "na",
                )
            )
    return rows


def working_days_between(start: date, end: date, calendar: WorkdayCalendar) -> int:
    """Working days after ``start`` up to and including ``end``."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if calendar.is_workday(day):
            count += 1
    return count


def save_decision(
    db: WorkbenchDb,
    user: str,
    decision: GreenChannelDecision | DeferralDecision,
    upload_id: int | None = None,
) -> str:
    kind = "green_channel" if isinstance(decision, GreenChannelDecision) else "deferral"
    assert decision.decision_id is not None
    with db.write() as conn:
        conn.execute(
            insert(decisions).values(
                decision_id=decision.decision_id,
                kind=kind,
                upload_id=upload_id,
                decision=decision.model_dump(mode="json"),
                decided_by=user,
                at=now(),
            )
        )
        db.record(
            conn,
            user,
            f"decide.{kind}",
            decision.decision_id,
            {"decision": decision.decision.value},
        )
    return decision.decision_id


@dataclass(frozen=True)
class SavedDecision:
    decision: GreenChannelDecision | DeferralDecision
    kind: str
    upload_id: int | None
    decided_by: str


def load_decision(db: WorkbenchDb, decision_id: str) -> SavedDecision | None:
    with db.read() as conn:
        row = conn.execute(
            select(decisions).where(decisions.c.decision_id == decision_id[:64])
        ).first()
    if row is None:
        return None
    m = row._mapping
    model: type[GreenChannelDecision] | type[DeferralDecision] = (
        GreenChannelDecision if m["kind"] == "green_channel" else DeferralDecision
    )
    return SavedDecision(
        model.model_validate(m["decision"]), m["kind"], m["upload_id"], m["decided_by"]
    )
