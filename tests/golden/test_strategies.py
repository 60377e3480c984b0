"""The strategies draw valid catalogs of realistic shape, and each defect knob trips its check."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings

from permitlogic.check_runner import check
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Application, Project
from permitlogic.models.report import Severity
from permitlogic.testing.strategies import DEFECTS, applications, catalogs, projects
from sizes import examples

FAST = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(catalogs(defects=()))
def test_a_lawful_draft_has_no_error(catalog: Catalog) -> None:
    errors = [f for f in check(catalog).findings if f.severity is Severity.error]
    assert errors == []


@FAST
@given(catalogs(min_items=3, max_items=8))
def test_catalogs_have_realistic_shape(catalog: Catalog) -> None:
    assert 3 <= len({i.id for i in catalog.items}) <= 8 + 3 * 2  # planted items add a few
    assert all(i.department.startswith(("县", "市")) for i in catalog.items)
    for chain in catalog.chains:
        assert 1 <= len(chain.stages) <= 4


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_can_trip_its_check(defect: str) -> None:
    rule = re.search(r"\((PL\d{3})", DEFECTS[defect])
    assert rule is not None
    found = find(
        catalogs(max_items=8, defects=[defect], min_defects=1, max_defects=1),
        lambda c: any(f.rule == rule.group(1) for f in check(c).findings),
        # Any example will do: no shrinking.
        settings=settings(max_examples=examples(300), deadline=None, database=None, phases=[Phase.generate]),
    )
    assert any(f.rule == rule.group(1) for f in check(found).findings)


def test_unknown_defects_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown defects"):
        find(catalogs(defects=["typo"]), lambda c: True)


@FAST
@given(projects(missing=1))
def test_near_line_projects_miss_at_most_one_condition(project: Project) -> None:
    flags = [v for v in project.model_dump().values() if isinstance(v, bool)]
    assert flags.count(False) <= 1


@FAST
@given(
    catalogs(max_items=4, defects=(), chains=False, materials=(1, 3)).flatmap(
        lambda c: applications(c).map(lambda a: (c, a))
    )
)
def test_applications_name_the_catalogs_items_and_materials(
    case: tuple[Catalog, Application],
) -> None:
    catalog, application = case
    items = {i.id: {m.id for m in i.materials} for i in catalog.items}
    item = application.item
    submitted = set(application.submitted)
    assert item in items or item == "ZZ-404"
    assert submitted - items.get(item, set()) <= {"x9"}
