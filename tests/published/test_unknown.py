"""Unknown is not false: a published catalog leaves fields unknown and checks say what they could not judge."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from permitlogic.check_runner import check
from permitlogic.models.catalog import Catalog, DayUnit, Kind


def _catalog(items: list[dict[str, Any]], published: bool = True) -> Catalog:
    return Catalog.model_validate(
        {"catalog": {"id": "t", "jurisdiction": "某县", "published": published}, "items": items}
    )


def _item(n: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"X-{n}", "name": f"事项{n}", "department": "县某局", "kind": "license", **extra}


def test_a_published_license_needs_no_promise_and_leaves_it_unknown() -> None:
    catalog = _catalog([_item(1)])
    item = catalog.items[0]
    assert item.promised_days is None
    assert item.on_the_spot is None
    assert item.review_levels is None
    assert item.decision is None


def test_a_v1_license_still_needs_its_promise_and_gets_the_v1_defaults() -> None:
    with pytest.raises(ValidationError) as raised:
        _catalog([_item(1)], published=False)
    assert raised.value.errors()[0]["loc"] == ("items", 0, "promised_days")
    item = _catalog([_item(1, promised_days=5)], published=False).items[0]
    assert (item.on_the_spot, item.review_levels, item.decision) == (False, 1, "approve_or_refuse")


def test_time_checks_report_not_judged_for_every_item_instead_of_guessing() -> None:
    catalog = _catalog([_item(n) for n in range(1, 6)])
    report = check(catalog)
    assert report.findings == []
    by_rule = {n.rule: n for n in report.not_judged}
    assert by_rule["PL305"].count == 5 and by_rule["PL305"].of == 5
    assert by_rule["PL305"].fields == ["on_the_spot"]
    assert by_rule["PL301"].fields == ["promised_days", "statutory_days"]
    assert by_rule["PL304"].items == [f"X-{n}" for n in range(1, 6)]
    assert "5 of 5 items not judged" in by_rule["PL305"].message_en


def test_a_rate_counts_only_the_items_that_say() -> None:
    items = [_item(1, on_the_spot=True), _item(2, on_the_spot=False)] + [
        _item(n) for n in range(3, 9)
    ]
    report = check(_catalog(items), select=["PL305"])
    [finding] = report.findings
    assert finding.witness is not None
    assert (finding.witness["on_the_spot"], finding.witness["total"]) == (1, 2)
    [unjudged] = report.not_judged
    assert (unjudged.count, unjudged.of) == (6, 8)


def test_a_promise_in_working_days_against_a_statute_in_calendar_days() -> None:
    # 30 calendar days hold at least 15 working days around the Spring Festival.
    items = [
        _item(1, promised_days=15, statutory_days=30, statutory_unit="calendar"),
        _item(2, promised_days=16, statutory_days=30, statutory_unit="calendar"),
        _item(3, promised_days=20, statutory_days=20),
    ]
    report = check(_catalog(items), select=["PL301"])
    assert [f.items for f in report.findings] == [["X-2"]]
    assert report.findings[0].witness is not None
    assert report.findings[0].witness["allowed_days"] == 15
    assert _catalog(items).items[0].statutory_unit is DayUnit.calendar


def test_items_outside_the_approval_kinds_are_out_of_the_checks_scope() -> None:
    items = [_item(1, kind="penalty"), _item(2, kind="inspection", on_the_spot=False)]
    report = check(_catalog(items))
    assert report.findings == []
    assert report.not_judged == []
    assert _catalog(items).items[0].kind is Kind.penalty


def test_an_unclassified_basis_never_counts_as_a_normative_document() -> None:
    items = [
        _item(1, basis=[{"title": "某某办法", "text": "《某某办法》第三条"}]),
        _item(2, basis=[{"title": "某县通知", "level": "normative_document"}]),
    ]
    report = check(_catalog(items), select=["PL201"])
    assert [f.items for f in report.findings] == [["X-2"]]
    assert report.not_judged[0].items == ["X-1"]


def test_a_sub_item_names_its_parent_in_the_catalog() -> None:
    items = [_item(1), _item(2, parent="X-1", transactions=[{"name": "新办", "code": "01"}])]
    assert _catalog(items).items[1].parent == "X-1"
    with pytest.raises(ValidationError) as raised:
        _catalog([_item(1, parent="X-9")])
    assert raised.value.errors()[0]["loc"] == ("items", 0, "parent")


def test_the_published_flag_holds_however_the_catalog_is_validated() -> None:
    from pydantic import TypeAdapter

    data = {
        "catalog": {"id": "t", "jurisdiction": "某县", "published": True},
        "items": [_item(1)],
    }
    catalog = TypeAdapter(Catalog).validate_python(data)  # as the HTTP service does
    assert catalog.items[0].promised_days is None
    with pytest.raises(ValidationError):
        TypeAdapter(Catalog).validate_python(
            {**data, "catalog": {"id": "t", "jurisdiction": "某县"}}
        )
