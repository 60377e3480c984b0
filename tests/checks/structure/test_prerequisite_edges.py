"""The effective prerequisite edges: declared ones and those found among real published materials."""

from __future__ import annotations

from pathlib import Path

from permitlogic.check_runner import build_context, check
from permitlogic.check_support.prerequisite_edges import (
    effective_edges,
    effective_graph,
    material_edges,
)
from permitlogic.load.catalog import load_catalog
from permitlogic.models.catalog import Catalog

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "cases" / "checks" / "examples"


def _catalog(items: list[dict[str, object]]) -> Catalog:
    return Catalog.model_validate(
        {
            "catalog": {
                "id": "edges",
                "jurisdiction": "灵山县",
                "level": "county",
                "published": True,
            },
            "items": items,
        }
    )


def test_the_published_feasibility_approval_hides_two_prerequisites_in_its_materials() -> None:
    # 灵山县发展和改革局's feasibility-study approval as the Guangxi platform
    # publishes it (PL102's fail fixture): two materials are other authorities' opinions.
    ctx = build_context(load_catalog(FIXTURES / "PL102" / "fail.yaml"))
    found = {e.material.id: e for e in material_edges(ctx) if e.material is not None}
    assert set(found) == {"m6", "m9"}
    assert found["m9"].source == "external:社会稳定风险评估意见"
    assert found["m9"].known == ()
    assert found["m6"].source == "external:节能审查意见"
    assert [c.ref for c in found["m6"].known] == ["jynyf:15"]
    declared = [e for e in effective_edges(ctx) if e.origin == "declared"]
    assert len(declared) == sum(len(i.prerequisites) for i in ctx.catalog.items)
    assert effective_edges(ctx)[len(declared) :] == material_edges(ctx)


def test_the_applicants_own_documents_are_not_prerequisites() -> None:
    # cases/real/lingshan-county: 申请书 and 节能报告 are the applicant's own.
    ctx = build_context(
        load_catalog(ROOT / "cases" / "real" / "lingshan-county" / "lingshan-county.json")
    )
    assert material_edges(ctx) == []
    assert effective_graph(ctx) is ctx.graph


def test_an_edge_between_listed_items_joins_the_effective_graph_not_the_declared_one() -> None:
    ctx = build_context(load_catalog(FIXTURES / "PL101" / "fail.yaml"))
    graph = effective_graph(ctx)
    assert graph.edges["TD-001", "LC-001"]["origin"] == "materials"
    assert not ctx.graph.has_edge("TD-001", "LC-001")  # timing and PL103/PL109 read this one


def test_a_transaction_asking_for_its_own_license_finds_no_prerequisite() -> None:
    # 广安区生态环境局's hazardous-waste license and its change, as published
    # (cases/real/guangan-district); the change asks back for the license it changes.
    catalog = _catalog(
        [
            {
                "id": "511A16002004",
                "name": "危险废物经营许可申请（市级）",
                "department": "区生态环境局",
                "kind": "license",
            },
            {
                "id": "511A16002006",
                "name": "危险废物经营许可变更(市级)",
                "department": "区生态环境局",
                "kind": "license",
                "materials": [{"id": "m1", "name": "危险废物经营许可证（原件）"}],
            },
        ]
    )
    ctx = build_context(catalog)
    assert material_edges(ctx) == []
    assert not [f for f in check(catalog, select=["PL1"]).findings if f.rule == "PL105"]


def test_a_material_already_declared_as_a_prerequisite_is_not_found_again() -> None:
    catalog = _catalog(
        [
            {
                "id": "FGJ-001",
                "name": "政府投资项目审批——可行性研究报告审批",
                "department": "灵山县发展和改革局",
                "kind": "license",
                "prerequisites": [
                    {
                        "external": "社会稳定风险评估意见",
                        "basis": {
                            "level": "normative_document",
                            "title": "桂发改投资〔2013〕833号",
                        },
                    }
                ],
                "materials": [
                    {"id": "m9", "name": "县级以上人民政府出具的社会稳定风险评估意见（详见备注）"}
                ],
            }
        ]
    )
    report = check(catalog, select=["PL102"])
    assert [(f.severity.value, f.witness and "found_in" in f.witness) for f in report.findings] == [
        ("error", False)
    ]


def test_the_published_materials_of_lingshan_records_hide_no_prerequisite() -> None:
    # Three more 灵山县 platform records, names and materials verbatim (the ten-item
    # response quoted in RequestTaskItemPayload.java, cases/real/lingshan-county/SOURCES.md):
    # the applicant's own papers and its own body's consent are not another
    # authority's approval.
    religious = [
        "建设资金说明",
        "拟改建或者新建建筑物的设计草图、位置图、效果图及可行性报告",
        "宗教活动场所管理组织集体研究同意的书面材料",
        "有权改建或者新建建筑物的材料",
    ]
    catalog = _catalog(
        [
            {
                "id": "11450721348531435D4001033002000",
                "name": "全民健身设施拆迁或者改变用途批准",
                "department": "灵山县文化广电体育和旅游局",
                "kind": "other_power",
                "materials": [{"id": "m1", "name": "申请表"}],
            },
            {
                "id": "11450721MB155808114000141005000",
                "name": "在宗教活动场所内改建或者新建建筑物（不影响该宗教活动场所现有布局和功能的）审批",
                "department": "灵山县行政审批局",
                "kind": "license",
                "materials": [
                    {"id": "m1", "name": "申请书，内容包括拟改建或者新建建筑物的项目说明及理由"},
                    *({"id": f"m{n}", "name": name} for n, name in enumerate(religious, 2)),
                ],
            },
            {
                "id": "11450721MB155808114000141005000-2",
                "name": "在宗教活动场所内改建或者新建建筑物审批",
                "department": "灵山县行政审批局",
                "kind": "license",
                "materials": [
                    {
                        "id": "m1",
                        "name": "申请书（内容包括拟改建或者新建建筑物的项目说明及理由等）",
                    },
                    *({"id": f"m{n}", "name": name} for n, name in enumerate(religious, 2)),
                ],
            },
        ]
    )
    assert material_edges(build_context(catalog)) == []
