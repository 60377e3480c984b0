"""What the 容缺受理 properties run on: drawn cases, the boundary cases, and the dates to draw.

A case is a catalog and an application for one of its items (or one it does
not list). The boundary cases sit on every line of the decision table and
run before any draw.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from permitlogic.decide.api import decide_deferral
from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Applicant, Application, Credit, DeferralDecision
from permitlogic.testing.packs import CatalogLike, Packs, PacksLike, as_catalog, as_packs
from permitlogic.testing.properties.harness import (
    named,
    property_settings,
    shows_input,
    with_examples,
)
from permitlogic.testing.strategies import applications, catalogs

CREDIT_ORDER = [Credit.blacklisted, Credit.warned, Credit.good]
"""Credit standings from worst to best."""
SAMPLE_APPLICANT = "91420100MA4L8R5T6Y"

Case = tuple[Catalog, Application]
Verify = Callable[[Catalog, Application, DeferralDecision, Packs], None]


@dataclass(frozen=True)
class DeferralWorld:
    """What the deferral properties draw from: the packs, and a catalog or a catalog strategy."""

    packs: Packs
    catalog: Catalog | None

    def catalogs(self) -> st.SearchStrategy[Catalog]:
        if self.catalog is not None:
            return st.just(self.catalog)
        forbidden = self.packs.deferral.deferral_forbidden
        return catalogs(
            max_items=4,
            defects=(),
            chains=False,
            departments=forbidden.departments,
            item_ids=forbidden.items,
            materials=(1, 5),
        )

    def received(self) -> st.SearchStrategy[date]:
        """Dates whose deadlines stay inside the years the calendar covers."""
        return st.dates(*received_window(self.packs))

    def cases(self) -> st.SearchStrategy[Case]:
        received = self.received()
        return self.catalogs().flatmap(
            lambda catalog: st.tuples(st.just(catalog), applications(catalog, received=received))
        )

    def boundary(self) -> list[Case]:
        """Applications on every line of the decision table, run before any draw."""
        catalog = self.catalog or boundary_catalog(self.packs)
        first, last = received_window(self.packs)
        received = max(first, min(date(last.year, 2, 13), last))
        return [(catalog, application) for application in boundary_applications(catalog, received)]


def received_window(packs: Packs) -> tuple[date, date]:
    """The earliest and latest receipt dates whose every deadline the calendar can count."""
    years = packs.calendar.years
    last = max(years)
    first = max(min(years), last - 2)
    days = max(packs.deferral.deadline_working_days, packs.deferral.notice_working_days)
    # Ten working days never span more than 30 calendar days (the longest holiday is 9).
    margin = timedelta(days=3 * days + 30)
    return date(first, 1, 1), date(last, 12, 31) - margin


def boundary_catalog(packs: Packs) -> Catalog:
    """Two items with core and non-core materials, and one the pack forbids deferral for."""
    items: list[dict[str, Any]] = [
        {
            "id": "JS-004",
            "name": "建筑工程施工许可证核发",
            "department": "县住房和城乡建设局",
            "kind": "service",
            "materials": [
                {"id": "m1", "name": "施工许可申请表", "core": True},
                {"id": "m2", "name": "施工合同", "core": False},
                {"id": "m3", "name": "安全施工措施资料", "core": False},
            ],
        },
        {
            "id": "ZR-002",
            "name": "建设用地规划许可证核发",
            "department": "县自然资源和规划局",
            "kind": "service",
            "materials": [{"id": "z1", "name": "申请表", "core": False}],
        },
    ]
    forbidden = packs.deferral.deferral_forbidden
    ids = [item_id for item_id in forbidden.items if re.fullmatch(r"[A-Za-z0-9._-]+", item_id)]
    if ids or forbidden.departments:
        items.append(
            {
                "id": ids[0] if ids else "XF-001",
                "name": "规则包不许容缺的事项",
                "department": forbidden.departments[0]
                if forbidden.departments
                else "县消防救援大队",
                "kind": "service",
                "materials": [
                    {"id": "x1", "name": "申请表", "core": True},
                    {"id": "x2", "name": "附件", "core": False},
                ],
            }
        )
    return Catalog.model_validate(
        {"catalog": {"id": "boundary", "jurisdiction": "测试县"}, "items": items}
    )


def boundary_applications(catalog: Catalog, received: date) -> list[Application]:
    """For up to three items with a non-core material: nothing, every core or every non-core
    material missing, or all handed in; by every credit standing, with and without the
    commitment. And an unlisted item, and a material the item does not ask for."""
    made: list[Application] = []
    chosen = [
        item for item in catalog.items if any(not material.core for material in item.materials)
    ][:3]

    def application(item: str, submitted: list[str], credit: Credit, commitment: bool) -> None:
        made.append(
            Application(
                id=f"A-{len(made) + 1:05d}",
                item=item,
                applicant=Applicant(id=SAMPLE_APPLICANT, credit=credit),
                received=received,
                submitted=submitted,
                commitment=commitment,
            )
        )

    for item in chosen:
        every = [material.id for material in item.materials]
        core = [material.id for material in item.materials if material.core]
        handed_in = [every, core, [material for material in every if material not in core], []]
        for submitted in handed_in:
            for credit in CREDIT_ORDER:
                for commitment in (True, False):
                    application(item.id, submitted, credit, commitment)
    application("ZZ-404", [], Credit.good, True)
    if chosen:
        application(chosen[0].id, ["x9-unknown"], Credit.good, True)
    return made


def every_deferral(
    name: str,
    packs: PacksLike,
    catalog: CatalogLike,
    max_examples: int | None,
    verify: Verify,
) -> None:
    """Decide every drawn application (the boundary ones first) and verify each decision
    (given its catalog, the application, the decision and the packs).

    ``name`` is what hypothesis calls the test in a falsifying example.
    """
    world = DeferralWorld(as_packs(packs), as_catalog(catalog))
    pack, calendar = world.packs.deferral, world.packs.calendar

    @property_settings(max_examples)
    @given(case=world.cases())
    @with_examples("case", world.boundary())
    @shows_input
    @named(name)
    def holds(case: Case) -> None:
        case_catalog, application = case
        decision = decide_deferral(application, case_catalog, pack, calendar)
        verify(case_catalog, application, decision, world.packs)

    holds()
