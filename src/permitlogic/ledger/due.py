"""What falls due on a date and what is overdue, by department: the window's morning list."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Text, cast, select, type_coerce

from permitlogic.ledger.model import (
    PENDING,
    CaseState,
    DepartmentDue,
    DueCase,
    DueReport,
    DueSummary,
)
from permitlogic.ledger.store import Store, cases
from permitlogic.models.decision import MissingMaterial

_COLUMNS = (
    cases.c.case_id,
    cases.c.application,
    cases.c.item,
    cases.c.item_name,
    cases.c.department,
    cases.c.applicant,
    cases.c.state,
    # Raw values: a morning list runs to tens of thousands of rows sharing a few
    # dates and material lists, each converted once below.
    type_coerce(cases.c.deadline, Text).label("deadline"),
    type_coerce(cases.c.reminded_on, Text).label("reminded_on"),
    cast(cases.c.deferred, Text).label("deferred"),
    cast(cases.c.missing, Text).label("missing"),
)
_STATES = {state.value: state for state in CaseState}


class _Decoded:
    """Memoized conversions of the raw column values."""

    def __init__(self) -> None:
        self.days: dict[object, date] = {}
        self.deferred: dict[str, list[MissingMaterial]] = {}
        self.missing: dict[str, frozenset[str]] = {}

    def day(self, value: object) -> date | None:
        if value is None or isinstance(value, date):
            return value
        found = self.days.get(value)
        if found is None:
            found = self.days[value] = date.fromisoformat(str(value))
        return found

    def still_missing(self, deferred: str, missing: str) -> list[MissingMaterial]:
        materials = self.deferred.get(deferred)
        if materials is None:
            materials = self.deferred[deferred] = [
                MissingMaterial.model_validate(m) for m in json.loads(deferred)
            ]
        ids = self.missing.get(missing)
        if ids is None:
            ids = self.missing[missing] = frozenset(json.loads(missing))
        return [m for m in materials if m.id in ids]


def due(store: Store, on: date, within: int = 0) -> DueReport:
    """Open cases whose deadline falls in [on, on + within days], and every overdue case.

    A case still ``open`` past its deadline is listed as overdue too: its reminder
    waits for the next ``cases tick``. Only dates are compared: the deadline was
    counted in working days when the case was decided.
    """
    until = on + timedelta(days=within)
    query = select(*_COLUMNS).where(
        cases.c.state.in_([state.value for state in PENDING]), cases.c.deadline <= until
    )
    with store.read() as conn:
        rows = conn.execute(query).all()
    decoded = _Decoded()
    groups: dict[str | None, DepartmentDue] = {}
    counts = {"due": 0, "overdue": 0}
    for row in rows:
        entry = _due_case(row, decoded, on)
        overdue = entry.state is CaseState.overdue or entry.deadline < on
        group = groups.get(entry.department)
        if group is None:
            group = groups[entry.department] = DepartmentDue(department=entry.department)
        (group.overdue if overdue else group.due).append(entry)
        counts["overdue" if overdue else "due"] += 1
    departments = sorted(groups.values(), key=lambda g: (g.department is None, g.department or ""))
    for group in departments:
        group.due.sort(key=lambda c: (c.deadline, c.case_id))
        group.overdue.sort(key=lambda c: (c.deadline, c.case_id))
    return DueReport(
        on=on,
        until=until,
        departments=departments,
        summary=DueSummary(
            due=counts["due"], overdue=counts["overdue"], departments=len(departments)
        ),
    )


def _due_case(row: Sequence[Any], decoded: _Decoded, on: date) -> DueCase:
    """One case as the reminder lists it, from a row of ``_COLUMNS``."""
    (
        case_id,
        application,
        item,
        item_name,
        department,
        applicant,
        state_value,
        raw_deadline,
        raw_reminded_on,
        deferred,
        missing,
    ) = row
    deadline = decoded.day(raw_deadline)
    assert deadline is not None
    return DueCase(
        case_id=case_id,
        application=application,
        item=item,
        item_name=item_name,
        department=department,
        applicant=applicant,
        deadline=deadline,
        state=_STATES[state_value],
        missing=decoded.still_missing(deferred, missing),
        days_overdue=max(0, (on - deadline).days),
        reminded_on=decoded.day(raw_reminded_on),
    )
