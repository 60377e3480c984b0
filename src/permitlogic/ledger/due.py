"""What falls due on a date and what is overdue, by department: the window's morning list."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import Text, cast, select

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
    cases.c.deadline,
    cases.c.state,
    # As text: most cases share a few material lists, each decoded once below.
    cast(cases.c.deferred, Text).label("deferred"),
    cast(cases.c.missing, Text).label("missing"),
    cases.c.reminded_on,
)


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
    deferred_lists: dict[str, list[MissingMaterial]] = {}
    missing_sets: dict[str, frozenset[str]] = {}
    groups: dict[str | None, DepartmentDue] = {}
    counts = {"due": 0, "overdue": 0}
    for row in rows:
        deferred = deferred_lists.get(row.deferred)
        if deferred is None:
            deferred = deferred_lists[row.deferred] = [
                MissingMaterial.model_validate(m) for m in json.loads(row.deferred)
            ]
        missing = missing_sets.get(row.missing)
        if missing is None:
            missing = missing_sets[row.missing] = frozenset(json.loads(row.missing))
        state = CaseState(row.state)
        overdue = state is CaseState.overdue or row.deadline < on
        # Built from the ledger's own rows, already validated when they were written.
        entry = DueCase.model_construct(
            case_id=row.case_id,
            application=row.application,
            item=row.item,
            item_name=row.item_name,
            department=row.department,
            applicant=row.applicant,
            deadline=row.deadline,
            state=state,
            missing=[m for m in deferred if m.id in missing],
            days_overdue=max(0, (on - row.deadline).days),
            reminded_on=row.reminded_on,
        )
        group = groups.get(row.department)
        if group is None:
            group = groups[row.department] = DepartmentDue(department=row.department)
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
