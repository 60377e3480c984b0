"""Shared pieces of the report tests: real catalogs checked by the runner, and a timeline.

Test modules reach these through fixtures (``checked``, ``county``, ``timeline``):
with ``--import-mode=importlib`` a conftest is not importable by name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from permitlogic.check_runner import check
from permitlogic.load.catalog import load_catalog_sourced
from permitlogic.models.report import Report, StageTimeline, Timeline, TimelineItem
from permitlogic.packs.checks_pack import bundled_checks_pack
from permitlogic.report.context import RenderInput

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
COUNTY = FIXTURES / "county.yaml"
COUNTY_2025 = FIXTURES / "county-2025.yaml"
SARIF_SCHEMA = HERE / "sarif-schema-2.1.0-rtm.5.json"


def checked(path: Path | str, lang: str = "zh") -> RenderInput:
    """The catalog at ``path`` checked by the runner, ready for a renderer."""
    catalog, source = load_catalog_sourced(str(path))
    report = check(catalog, source=source)
    return RenderInput(report, catalog, source, bundled_checks_pack(), lang)


def with_timelines(inp: RenderInput, timelines: list[Timeline]) -> RenderInput:
    report: Report = inp.report.model_copy(update={"timelines": timelines})
    return RenderInput(report, inp.catalog, inp.source, inp.pack, inp.lang)


def gov_building_timeline() -> Timeline:
    """The worst-case schedule of county.yaml's chain, as the time proofs state it."""

    def entry(item: str, name: str, department: str, start: int, days: int) -> TimelineItem:
        return TimelineItem(
            item=item, name=name, department=department, days=days, start=start, end=start + days
        )

    return Timeline(
        chain="gov-building",
        name="政府投资房屋建筑类项目",
        bound_days=30,
        total_days=52,
        holds=False,
        critical_path=["FG-001", "ZR-001", "HB-001", "ZR-003", "JS-001"],
        stages=[
            StageTimeline(
                name="立项用地规划许可",
                bound_days=20,
                start=0,
                worst_case_days=35,
                holds=False,
                critical_path=["FG-001", "ZR-001", "HB-001"],
                items=[
                    entry("FG-001", "政府投资项目建议书审批", "县发展和改革局", 0, 5),
                    entry("ZR-001", "建设项目用地预审与选址意见书核发", "县自然资源局", 5, 10),
                    entry("ZR-002", "建设用地规划许可证核发", "县自然资源局", 15, 8),
                    entry("HB-001", "建设项目环境影响报告书审批", "县生态环境局", 15, 20),
                ],
            ),
            StageTimeline(
                name="工程建设许可",
                bound_days=10,
                start=35,
                worst_case_days=17,
                holds=False,
                critical_path=["ZR-003", "JS-001"],
                items=[
                    entry("ZR-003", "建设工程规划许可证核发", "县自然资源局", 35, 10),
                    entry("JS-001", "建筑工程施工许可证核发", "县住房和城乡建设局", 45, 7),
                ],
            ),
        ],
    )


@pytest.fixture(name="checked", scope="session")
def checked_fixture() -> Callable[..., RenderInput]:
    return checked


@pytest.fixture(scope="session")
def county() -> RenderInput:
    """county.yaml checked by the runner, with its chain's timeline."""
    return with_timelines(checked(COUNTY), [gov_building_timeline()])


@pytest.fixture(scope="session")
def county_en() -> RenderInput:
    return with_timelines(checked(COUNTY, "en"), [gov_building_timeline()])


@pytest.fixture(scope="session")
def timeline() -> Timeline:
    return gov_building_timeline()
