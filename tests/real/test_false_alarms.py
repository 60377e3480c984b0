"""False alarms seen on published county lists, each with the real items that caused it.

The items below are copied as the lists publish them (事项名称, 实施机关 as an
approval bureau, the 设定依据 and the prerequisite's article); the laws cited
are the versions in force. Each test failed before its check was fixed.
"""

from __future__ import annotations

from typing import Any

from permitlogic.check_runner import check
from permitlogic.models.catalog import Catalog

BUREAU = "县行政审批服务局"
"""Under 相对集中行政许可权 one approval bureau handles the construction items."""


def catalog(*items: dict[str, Any]) -> Catalog:
    return Catalog.model_validate(
        {
            "catalog": {"id": "real-items", "jurisdiction": "示范县", "level": "county"},
            "items": list(items),
        }
    )


def law(title: str, article: str, level: str = "law") -> dict[str, str]:
    return {"level": level, "title": title, "article": article}


FIRE_REVIEW = {
    "id": "XF-001",
    "name": "特殊建设工程消防设计审查",
    "department": BUREAU,
    "kind": "license",
    "basis": [law("中华人民共和国消防法", "第十一条")],
    "promised_days": 15,
}
PLANNING = {
    "id": "ZR-003",
    "name": "建设工程规划许可证核发",
    "department": "县自然资源局",
    "kind": "license",
    "basis": [law("中华人民共和国城乡规划法", "第四十条")],
    "promised_days": 10,
}
CONSTRUCTION = {
    "id": "JS-001",
    "name": "建筑工程施工许可证核发",
    "department": BUREAU,
    "kind": "license",
    "basis": [law("中华人民共和国建筑法", "第七条")],
    "promised_days": 3,
    "prerequisites": [
        # 消防法 Art. 12: 特殊建设工程未经消防设计审查或者审查不合格的，建设单位、施工单位不得施工.
        {"item": "XF-001", "basis": law("中华人民共和国消防法", "第十二条")},
    ],
}


def findings(cat: Catalog, rule: str) -> list[list[str]]:
    return [f.items for f in check(cat, select=[rule]).findings]


def test_pl103_construction_permit_after_the_fire_design_review_of_one_bureau() -> None:
    assert findings(catalog(FIRE_REVIEW, CONSTRUCTION), "PL103") == []


def test_pl103_pre_sale_permit_after_the_construction_permit_of_one_bureau() -> None:
    pre_sale = {
        "id": "JS-002",
        "name": "商品房预售许可",
        "department": BUREAU,
        "kind": "license",
        "basis": [law("中华人民共和国城市房地产管理法", "第四十五条")],
        "promised_days": 10,
        # 城市商品房预售管理办法 Art. 5 (二): 持有建设工程规划许可证和施工许可证.
        "prerequisites": [
            {
                "item": "JS-001",
                "basis": law("城市商品房预售管理办法", "第五条", "departmental_rule"),
            }
        ],
    }
    cat = catalog(FIRE_REVIEW, CONSTRUCTION, pre_sale)
    assert findings(cat, "PL103") == []
    # Whether a departmental rule may make that prerequisite is PL102's question.
    assert findings(cat, "PL102") == [["JS-002", "JS-001"]]


def test_pl103_practice_registration_after_the_establishment_approval_of_one_bureau() -> None:
    establishment = {
        "id": "WJ-001",
        "name": "医疗机构设置审批",
        "department": BUREAU,
        "kind": "license",
        "basis": [law("医疗机构管理条例", "第九条", "administrative_regulation")],
        "promised_days": 20,
    }
    registration = {
        "id": "WJ-002",
        "name": "医疗机构执业登记",
        "department": BUREAU,
        "kind": "license",
        "basis": [law("医疗机构管理条例", "第十五条", "administrative_regulation")],
        "promised_days": 20,
        "prerequisites": [
            {
                "item": "WJ-001",
                "basis": law("医疗机构管理条例", "第十六条", "administrative_regulation"),
            }
        ],
    }
    assert findings(catalog(establishment, registration), "PL103") == []


def test_pl103_still_reports_a_supervision_formality_of_the_same_bureau() -> None:
    supervision = {
        "id": "JS-009",
        "name": "建设工程质量安全监督手续办理",
        "department": BUREAU,
        "kind": "license",
        "basis": [
            {"level": "departmental_rule", "title": "房屋建筑和市政基础设施工程质量监督管理规定"}
        ],
        "promised_days": 3,
    }
    construction = {
        **CONSTRUCTION,
        "prerequisites": [
            *CONSTRUCTION["prerequisites"],
            {"item": "JS-009", "basis": supervision["basis"][0]},
        ],
    }
    report = check(catalog(FIRE_REVIEW, supervision, construction), select=["PL103"])
    assert [(f.items, (f.witness or {})["reason"]) for f in report.findings] == [
        (["JS-001", "JS-009"], "not_established")
    ]


def test_pl109_never_advises_dropping_a_statutory_edge_implied_only_through_an_unlawful_one() -> (
    None
):
    # 建筑法 Art. 8 (二) makes the planning permit a prerequisite of the construction
    # permit; a county notice (PL102) makes it one of the fire-design review too,
    # so PLANNING -> XF-001 -> JS-001 "implies" the statutory edge PLANNING -> JS-001.
    fire_review = {
        **FIRE_REVIEW,
        "prerequisites": [
            {
                "item": "ZR-003",
                "basis": {
                    "level": "normative_document",
                    "title": "县人民政府办公室关于规范消防设计审查的通知",
                },
            }
        ],
    }
    construction = {
        **CONSTRUCTION,
        "prerequisites": [
            *CONSTRUCTION["prerequisites"],
            {"item": "ZR-003", "basis": law("中华人民共和国建筑法", "第八条")},
        ],
    }
    cat = catalog(PLANNING, fire_review, construction)
    assert findings(cat, "PL109") == []
    assert findings(cat, "PL102") == [["XF-001", "ZR-003"]]


def test_pl109_keeps_a_redundant_statutory_edge_and_says_so() -> None:
    fire_review = {
        **FIRE_REVIEW,
        "prerequisites": [{"item": "ZR-003", "basis": law("中华人民共和国消防法", "第十一条")}],
    }
    construction = {
        **CONSTRUCTION,
        "prerequisites": [
            *CONSTRUCTION["prerequisites"],
            {"item": "ZR-003", "basis": law("中华人民共和国建筑法", "第八条")},
        ],
    }
    [finding] = check(catalog(PLANNING, fire_review, construction), select=["PL109"]).findings
    assert finding.items == ["JS-001", "ZR-003"]
    assert finding.fix is not None
    assert "删去" not in finding.fix.message_zh and "drop" not in finding.fix.message_en


def test_fix_cites_the_registered_law_instead_of_dropping() -> None:
    # A 政府投资 feasibility approval citing a departmental rule, with the 选址意见书
    # required on a county notice, while 《政府投资条例》 and 城乡规划法 Art. 36 exist.
    siting = {
        "id": "ZR-001",
        "name": "建设项目用地预审与选址意见书核发",
        "department": "县自然资源局",
        "kind": "license",
        "basis": [law("中华人民共和国城乡规划法", "第三十六条")],
        "promised_days": 10,
    }
    feasibility = {
        "id": "FG-001",
        "name": "政府投资项目可行性研究报告审批",
        "department": "县发展和改革局",
        "kind": "license",
        "basis": [law("中央预算内直接投资项目管理办法", "第十条", "departmental_rule")],
        "promised_days": 10,
        "prerequisites": [
            {"item": "ZR-001", "basis": {"level": "normative_document", "title": "县政府通知"}}
        ],
    }
    report = check(catalog(siting, feasibility), select=["PL102", "PL201"])
    fixes = {f.rule: f.fix for f in report.findings}
    assert set(fixes) == {"PL102", "PL201"}
    for rule, cite in (
        ("PL201", "《政府投资条例》第九条"),
        ("PL102", "《中华人民共和国城乡规划法》第三十六条"),
    ):
        fix = fixes[rule]
        assert fix is not None and cite in fix.message_zh
        assert "删去" not in fix.message_zh and "取消" not in fix.message_zh


def test_fix_still_says_drop_where_the_register_knows_no_law() -> None:
    item = {
        "id": "JS-001",
        "name": "建筑工程施工许可证核发",
        "department": "县住房和城乡建设局",
        "kind": "license",
        "basis": [law("中华人民共和国建筑法", "第七条")],
        "promised_days": 3,
        "prerequisites": [
            {
                "external": "银行资信证明",
                "basis": {"level": "normative_document", "title": "县政府办公室通知"},
            }
        ],
    }
    [finding] = check(catalog(item), select=["PL102"]).findings
    assert finding.fix is not None and "删去" in finding.fix.message_zh


def test_every_known_law_reference_is_in_the_register() -> None:
    from permitlogic.check_support.known_law import load_known_law
    from permitlogic.law import default_register, parse_ref

    known = load_known_law()
    refs = [r for e in known.items for r in e.cites] + [
        r for e in known.prerequisites for r in e.cites
    ]
    assert refs
    for ref in refs:
        _, article = default_register().resolve(parse_ref(ref))
        assert article is not None, ref
