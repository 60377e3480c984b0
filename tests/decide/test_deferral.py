"""容缺受理 decisions through the Python API: first match wins, every missing material at once."""

from __future__ import annotations

from datetime import date

import pytest
from decide_support import CATALOG_PATH

import permitlogic as pl
from permitlogic.decide.api import decide_deferral_batch, decide_deferral_each, deferral_notice
from permitlogic.errors import InputError
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import NoticeKind
from permitlogic.service.examples import APPLICATION
from permitlogic.workdays.calendar import CalendarGap


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return pl.load_catalog(CATALOG_PATH)


def test_accept_with_deferral_across_spring_festival(catalog: Catalog) -> None:
    decision = pl.decide_deferral({"application": APPLICATION}, catalog)
    assert decision.decision == "accept_with_deferral"
    assert [m.id for m in decision.deferred] == ["m3", "m5", "m6"]
    assert all(not m.core for m in decision.deferred)
    assert decision.deadline == date(2026, 2, 27)
    assert decision.notice_due is None
    assert decision.item_name == "建筑工程施工许可证核发"
    assert decision.department == "县住房和城乡建设局"


def test_blacklisted_applicant_missing_only_non_core_gets_a_notice(catalog: Catalog) -> None:
    application = dict(APPLICATION, applicant={"id": "x", "credit": "blacklisted"})
    decision = pl.decide_deferral(application, catalog)
    assert decision.decision == "notice"
    assert [r.rule for r in decision.reasons] == ["DF-5"]
    assert "失信" in decision.reasons[0].message_zh
    assert "m3（施工合同）" in decision.reasons[0].message_zh
    assert [m.id for m in decision.missing] == ["m3", "m5", "m6"]
    assert decision.deferred == [] and decision.deadline is None
    assert decision.notice_due == date(2026, 2, 27)


def test_the_notice_lists_every_missing_material_at_once(catalog: Catalog) -> None:
    application = dict(APPLICATION, submitted=["m4"], commitment=False)
    decision = pl.decide_deferral(application, catalog)
    assert decision.decision == "notice"
    assert [r.rule for r in decision.reasons] == ["DF-3", "DF-4"]
    notice = deferral_notice(decision)
    assert notice is not None and notice.kind is NoticeKind.notice
    assert [m.id for m in notice.materials] == ["m1", "m2", "m3", "m5", "m6"]
    assert notice.due == date(2026, 2, 27)
    assert "第三十二条" in notice.citation


def test_deferral_notice_gives_the_due_date_of_each_material(catalog: Catalog) -> None:
    notice = deferral_notice(pl.decide_deferral(APPLICATION, catalog))
    assert notice is not None and notice.kind is NoticeKind.deferral
    assert {m.due for m in notice.materials} == {date(2026, 2, 27)}


def test_no_notice_for_accept_and_reject(catalog: Catalog) -> None:
    accepted = pl.decide_deferral(
        dict(APPLICATION, submitted=[f"m{k}" for k in range(1, 7)]), catalog
    )
    rejected = pl.decide_deferral(dict(APPLICATION, item="ZZ-1"), catalog)
    assert (accepted.decision, rejected.decision) == ("accept", "reject")
    assert deferral_notice(accepted) is None and deferral_notice(rejected) is None


def test_unknown_materials_are_named(catalog: Catalog) -> None:
    decision = pl.decide_deferral(dict(APPLICATION, submitted=["m1", "m2", "q7", "q7"]), catalog)
    assert decision.decision == "reject"
    assert decision.unknown == ["q7"]
    assert "q7" in decision.reasons[0].message_zh


def test_a_year_without_holiday_data_is_an_error_naming_the_year(catalog: Catalog) -> None:
    with pytest.raises(CalendarGap) as caught:
        pl.decide_deferral(dict(APPLICATION, received="2027-02-10"), catalog)
    assert caught.value.year == 2027
    problem = caught.value.problems[0]
    assert problem.location.key == "received"
    assert "2027" in problem.message_zh and "2027" in problem.message_en


def test_missing_fields_are_input_errors(catalog: Catalog) -> None:
    application = {k: v for k, v in APPLICATION.items() if k != "commitment"}
    with pytest.raises(InputError) as caught:
        pl.decide_deferral(application, catalog)
    assert caught.value.problems[0].location.key == "commitment"
    with pytest.raises(InputError):
        pl.decide_deferral(dict(APPLICATION, received="13/02/2026"), catalog)


def test_batch_and_each(catalog: Catalog) -> None:
    applications = [
        dict(APPLICATION, id="A-1"),
        dict(APPLICATION, id="A-2", received="2027-01-04"),
        dict(APPLICATION, id="A-3", submitted=[f"m{k}" for k in range(1, 7)]),
    ]
    outcomes = decide_deferral_each(applications, catalog)
    assert isinstance(outcomes[1], InputError)
    assert [getattr(o, "decision", None) for o in outcomes] == [
        "accept_with_deferral",
        None,
        "accept",
    ]
    with pytest.raises(InputError) as caught:
        decide_deferral_batch(applications, catalog)
    assert [p.location.key for p in caught.value.problems] == ["[1].received"]
    decisions = decide_deferral_batch([applications[0], applications[2]] * 300, catalog)
    assert [d.application for d in decisions] == ["A-1", "A-3"] * 300
