"""The ledger through its service functions, on a real store (SQLite file, PostgreSQL)."""

from __future__ import annotations

import csv
import io
import threading
from datetime import date
from pathlib import Path

import pytest
from ledger_support import make_decision
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from permitlogic.errors import InputError
from permitlogic.ledger import service
from permitlogic.ledger.due import due
from permitlogic.ledger.events import supplement_event
from permitlogic.ledger.export import to_csv, to_xlsx
from permitlogic.ledger.model import CaseState, EventKind, Outcome
from permitlogic.ledger.rebuild import verify
from permitlogic.ledger.store import Store, cases, events, open_store
from permitlogic.models.decision import DeferralOutcome

CASE = "A-2026-00931"


def event_count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


def state_of(store: Store, case_id: str = CASE) -> CaseState:
    return service.history(store, case_id).case.state


def test_supplemented_in_time_then_closed(store: Store) -> None:
    [opened] = service.open_cases(store, [make_decision()])
    assert (opened.outcome, opened.rule, opened.state) == (Outcome.applied, "open-case", "open")
    assert opened.missing == ["m3", "m5"]

    partial = service.supplement(store, CASE, ["m3"], date(2026, 2, 20))
    assert (partial.rule, partial.state, partial.missing) == ("supplement-partial", "open", ["m5"])

    complete = service.supplement(store, CASE, ["m5"], date(2026, 2, 27))
    assert (complete.rule, complete.state, complete.missing) == (
        "supplement-complete",
        "supplemented",
        [],
    )

    closed = service.close(store, CASE, date(2026, 3, 2))
    assert (closed.rule, closed.state) == ("close-supplemented", "closed")

    history = service.history(store, CASE)
    assert [e.kind for e in history.events] == [
        EventKind.open,
        EventKind.supplement,
        EventKind.supplement,
        EventKind.close,
    ]
    assert [e.rule for e in history.events] == [
        "open-case",
        "supplement-partial",
        "supplement-complete",
        "close-supplemented",
    ]
    assert history.case.ended_on == date(2026, 3, 2)
    assert history.case.last_event == closed.id
    assert verify(store).clean


def test_tick_past_the_deadline_issues_one_reminder(store: Store) -> None:
    service.open_cases(store, [make_decision()])
    assert service.tick(store, date(2026, 2, 27)) == []  # the deadline day itself is in time

    [reminder] = service.tick(store, date(2026, 2, 28))
    assert (reminder.rule, reminder.state) == ("deadline-passed", "overdue")
    assert service.history(store, CASE).case.reminded_on == date(2026, 2, 28)
    assert service.tick(store, date(2026, 3, 1)) == []  # already overdue: nothing to tick

    late = service.supplement(store, CASE, ["m3", "m5"], date(2026, 3, 2))
    assert (late.rule, late.state, late.missing) == ("supplement-overdue", "overdue", [])
    closed = service.close(store, CASE, date(2026, 3, 3))
    assert (closed.rule, closed.state) == ("close-overdue", "closed")


def test_a_late_supplement_makes_the_case_overdue(store: Store) -> None:
    service.open_cases(store, [make_decision()])
    record = service.supplement(store, CASE, ["m3", "m5"], date(2026, 3, 2))
    assert (record.rule, record.state, record.missing) == (
        "supplement-after-deadline",
        "overdue",
        [],
    )


def test_events_that_do_not_apply_are_recorded_as_rejected(store: Store) -> None:
    service.open_cases(store, [make_decision()])
    revoked = service.revoke(store, CASE, date(2026, 2, 20), reason="承诺不实")
    assert (revoked.rule, revoked.state) == ("revoke-open", "revoked")

    refused = service.supplement(store, CASE, ["m3"], date(2026, 2, 21))
    assert refused.outcome is Outcome.rejected
    assert refused.rule is None
    assert refused.state is CaseState.revoked
    assert refused.missing == ["m3", "m5"]  # nothing recorded against the case
    assert refused.message_en is not None and "revoked" in refused.message_en
    assert refused.message_zh is not None and "已撤销" in refused.message_zh

    history = service.history(store, CASE)
    assert history.case.state is CaseState.revoked
    assert history.case.last_event == refused.id
    assert [e.outcome for e in history.events] == [
        Outcome.applied,
        Outcome.applied,
        Outcome.rejected,
    ]
    assert verify(store).clean


def test_close_refused_while_missing_is_asked_again_once_supplemented(store: Store) -> None:
    service.open_cases(store, [make_decision(deferred=["m3"])])
    refused = service.close(store, CASE, date(2026, 2, 20))
    assert refused.outcome is Outcome.rejected
    assert refused.message_en is not None and "m3" in refused.message_en

    again = service.close(store, CASE, date(2026, 2, 20))
    assert again.duplicate and again.id == refused.id

    service.supplement(store, CASE, ["m3"], date(2026, 2, 20))
    closed = service.close(store, CASE, date(2026, 2, 20))
    assert not closed.duplicate
    assert (closed.outcome, closed.state) == (Outcome.applied, "closed")


def test_a_repeated_key_is_applied_once(store: Store) -> None:
    [first] = service.open_cases(store, [make_decision()])
    [again] = service.open_cases(store, [make_decision()])
    assert again.duplicate and again.id == first.id

    supplied = service.supplement(store, CASE, ["m3"], date(2026, 2, 20))
    repeated = service.supplement(store, CASE, ["m3"], date(2026, 2, 20))
    assert repeated.duplicate and repeated.id == supplied.id
    assert event_count(store) == 2
    assert service.history(store, CASE).case.last_event == supplied.id


def test_a_key_reused_for_another_event_is_an_input_error(store: Store) -> None:
    service.open_cases(store, [make_decision()])
    service.apply(store, supplement_event(CASE, ["m3"], date(2026, 2, 20), key="window-17"))
    with pytest.raises(InputError, match="window-17"):
        service.apply(store, supplement_event(CASE, ["m5"], date(2026, 2, 20), key="window-17"))
    assert event_count(store) == 2


def test_the_same_case_cannot_be_opened_from_another_decision(store: Store) -> None:
    service.open_cases(store, [make_decision()])
    with pytest.raises(InputError, match="already open"):
        service.open_cases(store, [make_decision(deferred=["m7"])], key="second-open")


@pytest.mark.parametrize(
    "outcome", [DeferralOutcome.notice, DeferralOutcome.accept, DeferralOutcome.reject]
)
def test_only_a_deferral_decision_opens_a_case(store: Store, outcome: DeferralOutcome) -> None:
    good = make_decision("A-2026-00001")
    bad = make_decision("A-2026-00002", outcome=outcome)
    with pytest.raises(InputError) as raised:
        service.open_cases(store, [good, bad])
    assert "A-2026-00002" in str(raised.value)
    assert outcome.value in str(raised.value)
    assert event_count(store) == 0  # checked before anything is opened


def test_a_decision_without_deadline_or_materials_is_refused(store: Store) -> None:
    with pytest.raises(InputError, match="deadline"):
        service.open_cases(store, [make_decision(deadline=None)])
    with pytest.raises(InputError, match="no deferred materials"):
        service.open_cases(store, [make_decision(deferred=[])])


def test_unknown_material_or_case_is_an_input_error(store: Store) -> None:
    service.open_cases(store, [make_decision()])
    with pytest.raises(InputError, match="m9"):
        service.supplement(store, CASE, ["m3", "m9"], date(2026, 2, 20))
    with pytest.raises(InputError, match="no such case"):
        service.supplement(store, "A-404", ["m3"], date(2026, 2, 20))
    with pytest.raises(InputError, match="no such case"):
        service.history(store, "A-404")
    assert event_count(store) == 1


def test_due_lists_what_falls_due_and_what_is_overdue_by_department(store: Store) -> None:
    service.open_cases(
        store,
        [
            make_decision("A-1", deadline=date(2026, 3, 2)),  # due that day
            make_decision("A-2", deadline=date(2026, 2, 27)),  # overdue, reminded
            make_decision("A-3", deadline=date(2026, 2, 28), department="县自然资源局"),
            make_decision("A-4", deadline=date(2026, 3, 5), department="县自然资源局"),
            make_decision("A-5", deadline=date(2026, 3, 2), department=None),
            make_decision("A-6", deadline=date(2026, 2, 20)),  # revoked: not listed
            make_decision("A-7", deadline=date(2026, 3, 2)),  # supplemented: not listed
        ],
    )
    service.tick(store, date(2026, 2, 28))  # fall overdue
    service.revoke(store, "A-6", date(2026, 2, 28))
    service.supplement(store, "A-7", ["m3", "m5"], date(2026, 2, 25))
    service.supplement(store, "A-1", ["m3"], date(2026, 2, 25))

    report = due(store, date(2026, 3, 2))

    grouped = {
        g.department: ([c.case_id for c in g.due], [c.case_id for c in g.overdue])
        for g in report.departments
    }
    assert grouped == {
        "县住房和城乡建设局": (["A-1"], ["A-2"]),
        "县自然资源局": ([], ["A-3"]),  # open past its deadline: overdue, reminder pending
        None: (["A-5"], []),
    }
    assert [g.department for g in report.departments][-1] is None
    assert (report.summary.due, report.summary.overdue, report.summary.departments) == (2, 2, 3)
    a1 = report.departments[0].due[0]
    assert [m.id for m in a1.missing] == ["m5"]
    a2 = report.departments[0].overdue[0]
    assert (a2.days_overdue, a2.reminded_on, a2.state) == (3, date(2026, 2, 28), "overdue")
    a3 = report.departments[1].overdue[0]
    assert (a3.days_overdue, a3.reminded_on, a3.state) == (2, None, "open")

    ahead = due(store, date(2026, 3, 2), within=3)
    assert "A-4" in [c.case_id for g in ahead.departments for c in g.due]


def test_verify_finds_a_tampered_case_and_a_tampered_event(store: Store) -> None:
    service.open_cases(store, [make_decision()])
    supplied = service.supplement(store, CASE, ["m3"], date(2026, 2, 20))
    assert verify(store).clean
    with store.write() as conn:
        conn.execute(update(cases).where(cases.c.case_id == CASE).values(state="closed"))
        conn.execute(
            update(events).where(events.c.id == supplied.id).values(rule="supplement-complete")
        )
    report = verify(store)
    assert not report.clean
    found = {(m.case_id, m.field, m.event) for m in report.mismatches}
    assert (CASE, "state", None) in found
    assert (CASE, "event.rule", supplied.id) in found
    assert report.cases == 1 and report.events == 2


def test_export_csv_and_xlsx(store: Store) -> None:
    service.open_cases(store, [make_decision(), make_decision("A-2", department=None)])
    service.supplement(store, CASE, ["m3"], date(2026, 2, 20))

    rows = list(csv.reader(io.StringIO(to_csv(store, "zh").decode("utf-8-sig"))))
    assert rows[0][:3] == ["案件编号", "申请编号", "事项"]
    assert [r[0] for r in rows[1:]] == ["A-2", CASE]
    mine = dict(zip(rows[0], rows[2], strict=True))
    assert mine["状态"] == "待补齐"
    assert mine["尚缺材料"] == "m5 监理合同"

    book = load_workbook(io.BytesIO(to_xlsx(store, "en")))
    sheet = book.active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "case"
    assert {v[0]: v[values[0].index("state")] for v in values[1:]} == {"A-2": "open", CASE: "open"}


def test_concurrent_writers_apply_every_event_once(store_url: str) -> None:
    setup = open_store(store_url)
    service.open_cases(
        setup, [make_decision(f"A-{n}", deferred=["m3", "m5", "m7"]) for n in range(8)]
    )
    setup.close()
    errors: list[BaseException] = []

    def worker(offset: int) -> None:
        ledger = open_store(store_url)
        try:
            for n in range(8):
                # Both workers send the same m3 event (one wins) and their own material.
                service.supplement(ledger, f"A-{n}", ["m3"], date(2026, 2, 20))
                own = "m5" if offset == 0 else "m7"
                service.supplement(ledger, f"A-{n}", [own], date(2026, 2, 21))
        except BaseException as error:
            errors.append(error)
        finally:
            ledger.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    check = open_store(store_url)
    assert event_count(check) == 8 + 8 * 3
    assert all(state_of(check, f"A-{n}") is CaseState.supplemented for n in range(8))
    assert verify(check).clean
    check.close()


def test_sqlite_store_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "permitlogic.db"))
    try:
        with store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 30_000
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
            plan = " ".join(
                str(row[-1])
                for row in conn.exec_driver_sql(
                    "EXPLAIN QUERY PLAN SELECT case_id FROM cases "
                    "WHERE state IN ('open', 'overdue') AND deadline <= '2026-03-02'"
                )
            )
            assert "ix_cases_state_deadline" in plan
    finally:
        store.close()
