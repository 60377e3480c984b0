"""Shared by the decision tests: inputs, hypothesis strategies, and a plain-Python reading of a pack.

The plain reading follows the packs' documented meaning line by line, without
durable-rules; the differential tests require the engine to agree with it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from permitlogic.models.catalog import Catalog, Item, Material
from permitlogic.models.decision import Application, Project, ProjectCategory
from permitlogic.packs.deferral import DeferralCheck, DeferralPack
from permitlogic.packs.green_channel import GreenChannelPack, project_flags
from permitlogic.workdays.calendar import WorkdayCalendar
from permitlogic.workdays.deadline import working_days_after

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "cases" / "decisions"
DATA = Path(__file__).resolve().parent / "data"
CATALOG_PATH = CASES / "data" / "catalog.yaml"
DIGITS = "0123456789"


# Strategies


@st.composite
def projects(draw: st.DrawFn) -> Project:
    flags = {name: draw(st.booleans()) for name in sorted(project_flags())}
    return Project(
        id="P-" + draw(st.text(DIGITS, min_size=1, max_size=6)),
        name="项目",
        category=draw(st.sampled_from(list(ProjectCategory))),
        **flags,
    )


DAYS_2026 = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 10))


@st.composite
def applications(draw: st.DrawFn, catalog: Catalog) -> Application:
    items = catalog.items
    item_id = draw(st.sampled_from([i.id for i in items] + ["ZZ-404"]))
    known = [m.id for i in items if i.id == item_id for m in i.materials]
    submitted = draw(st.lists(st.sampled_from([*known, "m1", "x9"]), max_size=8))
    return Application(
        id="A-" + draw(st.text(DIGITS, min_size=1, max_size=6)),
        item=item_id,
        applicant={
            "id": "9142",
            "credit": draw(st.sampled_from(["good", "warned", "blacklisted"])),
        },
        received=draw(DAYS_2026),
        submitted=submitted,
        commitment=draw(st.booleans()),
    )


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    """A few items with materials, some core, and departments to forbid."""
    items = []
    for n in range(draw(st.integers(1, 4))):
        count = draw(st.integers(0, 5))
        materials = [
            Material(id=f"m{k}", name=f"材料{k}", core=draw(st.booleans())) for k in range(count)
        ]
        items.append(
            Item(
                id=f"IT-{n}",
                name=f"事项{n}",
                department=draw(
                    st.sampled_from(["县住房和城乡建设局", "县消防救援大队", '县"某"局'])
                ),
                kind="service",
                materials=materials,
            )
        )
    return Catalog(catalog={"id": "c", "jurisdiction": "测试县"}, items=items)


# The plain reading


def read_green_channel(pack: GreenChannelPack, project: Project) -> dict[str, Any]:
    unmet: list[tuple[str, str]] = []
    met: list[str] = []
    scope = pack.scope
    entry = next(c for c in scope.categories if c.category == project.category)
    if not entry.eligible:
        unmet.append((scope.id, "category"))
    elif entry.requires is not None and not getattr(project, entry.requires.field):
        unmet.append((scope.id, entry.requires.field))
    else:
        met.append(scope.id)
    for condition in pack.conditions:
        if condition.applies_when and not getattr(project, condition.applies_when):
            continue
        if getattr(project, condition.field):
            met.append(condition.id)
        else:
            unmet.append((condition.id, condition.field))
    return {
        "decision": "not_eligible" if unmet else "eligible",
        "unmet": unmet,
        "met": met,
        "effect": None if unmet else pack.effect.zh,
    }


def read_deferral(
    pack: DeferralPack, catalog: Catalog, application: Application, calendar: WorkdayCalendar
) -> dict[str, Any]:
    item = next((i for i in catalog.items if i.id == application.item), None)
    out: dict[str, Any] = {"missing": [], "deferred": [], "deadline": None, "notice_due": None}
    if item is None:
        rule = pack.rule_for(DeferralCheck.item_listed)
        return out | {"decision": "reject", "reasons": [rule.id], "met": [], "unknown": []}
    asked = [m.id for m in item.materials]
    unknown = list(dict.fromkeys(s for s in application.submitted if s not in asked))
    missing = [m for m in item.materials if m.id not in application.submitted]
    core = [m for m in missing if m.core]
    noncore = [m for m in missing if not m.core]
    forbidden = pack.deferral_forbidden
    verdicts: dict[DeferralCheck, bool | None] = {
        DeferralCheck.item_listed: True,
        DeferralCheck.materials_known: not unknown,
        DeferralCheck.core_complete: not core,
        DeferralCheck.commitment_signed: application.commitment if noncore else None,
        DeferralCheck.credit_allowed: (
            application.applicant.credit not in pack.excluded_credit if noncore else None
        ),
        DeferralCheck.deferral_allowed: (
            item.id not in forbidden.items and item.department not in forbidden.departments
            if noncore
            else None
        ),
    }
    reasons = [r.id for r in pack.rules if verdicts[r.check] is False]
    met = [r.id for r in pack.rules if verdicts[r.check] is True]
    rejected = verdicts[DeferralCheck.materials_known] is False
    out |= {"reasons": reasons, "met": met, "unknown": unknown}
    if rejected:
        return out | {"decision": "reject"}
    if reasons:
        due = working_days_after(application.received, pack.notice_working_days, calendar)
        return out | {"decision": "notice", "missing": [m.id for m in missing], "notice_due": due}
    if missing:
        deadline = working_days_after(application.received, pack.deadline_working_days, calendar)
        ids = [m.id for m in missing]
        return out | {
            "decision": "accept_with_deferral",
            "missing": ids,
            "deferred": ids,
            "deadline": deadline,
        }
    return out | {"decision": "accept"}
