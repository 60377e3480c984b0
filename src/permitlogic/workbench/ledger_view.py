"""The ledger page's data: pending cases counted by department, and one page of them.

Counting is done by the database (GROUP BY) and the rows of only one page are
read, so the page opens as fast with 100,000 cases as with ten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, case, func, or_, select

from permitlogic.ledger.model import PENDING, Case, CaseState
from permitlogic.ledger.store import Store, case_from_row, cases

PAGE = 100


@dataclass(frozen=True)
class DepartmentCount:
    department: str | None
    due: int
    overdue: int


@dataclass(frozen=True)
class LedgerPage:
    on: date
    until: date
    departments: list[DepartmentCount]
    rows: list[Case]
    department: str | None
    page: int
    pages: int
    total: int

    def is_overdue(self, case: Case) -> bool:
        return case.state is CaseState.overdue or case.deadline < self.on


def _pending(on: date, until: date) -> object:
    return and_(cases.c.state.in_([s.value for s in PENDING]), cases.c.deadline <= until)


def ledger_page(
    store: Store, on: date, within: int, department: str | None, page: int
) -> LedgerPage:
    until = on + timedelta(days=within)
    pending = _pending(on, until)
    overdue = or_(cases.c.state == CaseState.overdue.value, cases.c.deadline < on)
    counts = (
        select(
            cases.c.department,
            func.sum(case((overdue, 0), else_=1)),
            func.sum(case((overdue, 1), else_=0)),
        )
        .where(pending)  # type: ignore[arg-type]
        .group_by(cases.c.department)
        .order_by(cases.c.department)
    )
    where = [pending]
    if department is not None:
        where.append(
            cases.c.department == department if department else cases.c.department.is_(None)
        )
    with store.read() as conn:
        departments = [
            DepartmentCount(d, int(due or 0), int(late or 0))
            for d, due, late in conn.execute(counts)
        ]
        total = int(
            conn.execute(select(func.count()).select_from(cases).where(*where)).scalar_one()  # type: ignore[arg-type]
        )
        pages = max(1, -(-total // PAGE))
        page = min(max(1, page), pages)
        query = (
            select(cases)
            .where(*where)  # type: ignore[arg-type]
            .order_by(cases.c.deadline, cases.c.case_id)
            .limit(PAGE)
            .offset((page - 1) * PAGE)
        )
        rows = [case_from_row(r) for r in conn.execute(query).mappings()]
    return LedgerPage(on, until, departments, rows, department, page, pages, total)
