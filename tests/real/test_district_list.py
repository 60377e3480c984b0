"""A district's published list: the defects the structure checks must find there.

The rows are copied verbatim (实施部门, 事项名称, the platform's itemCode) from the
published list of 广安市广安区 served by the provincial 政务服务网 and kept in the
public repository v-luobo/zwfw (file bszl-data.js, commit 1e2173b), all of
taskType 1 (行政许可). The list publishes no limits, bases or prerequisites, so the
catalog is ``published`` (unknown is not false).
"""

from __future__ import annotations

from permitlogic.check_runner import check
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Severity

ROWS = [
    (
        "区公安分局",
        "第三类易制毒化学品运输备案证明",
        "511A0146700000-511602000000-000-1151130000877869M-1-00",
    ),
    (
        "区公安分局",
        "旅馆业特种行业许可证核发",
        "511A0146000000-511602000000-000-1151130000877869M-1-00",
    ),
    (
        "区交通运输局",
        "道路货物运输车辆道路运输证配发",
        "511A1839900001-511602000000-000-11511301008778386B-1-00",
    ),
    (
        "区卫健局",
        "放射源诊疗技术和医用辐射机构许可校验（县级）",
        "511A0004200009-511602000000-000-11511301008778490F-1-00",
    ),
    (
        "区卫健局",
        "医疗机构执业审批（校验）（县级）",
        "511A0013700020-511602000000-000-11511301008778490F-1-00",
    ),
    (
        "区人社局",
        "劳务派遣单位设立分公司书面报告(县级)",
        "511A14003005-511602000000-000-11511301008778239R-1-00",
    ),
    (
        "区行政审批局",
        "城市建筑物、设施上张挂、张贴宣传品审批",
        "511A17033003-511602000000-000-115113016823646795-1-00",
    ),
    (
        "区行政审批局",
        "城市建筑物、设施上张挂、张贴宣传品审批",
        "511A0188100004-511602000000-000-115113016823646795-1-00",
    ),
    (
        "区行政审批局",
        "医疗机构执业审批（新办）（县级）",
        "511A0013700019-511602000000-000-115113016823646795-1-00",
    ),
    (
        "区行政审批局",
        "放射源诊疗技术和医用辐射机构许可新办审批（县级）",
        "511A0004200008-511602000000-000-115113016823646795-1-00",
    ),
]
IDS = [code for _, _, code in ROWS]


def district() -> Catalog:
    return Catalog.model_validate(
        {
            "catalog": {
                "id": "guangan-district-sample",
                "jurisdiction": "广安区",
                "level": "district",
                "published": True,
            },
            "items": [
                {"id": code, "name": name, "department": department, "kind": "license"}
                for department, name, code in ROWS
            ],
        }
    )


def found(rule: str) -> list[list[str]]:
    return [f.items for f in check(district(), select=[rule]).findings]


def test_the_same_item_twice_in_the_approval_bureau() -> None:
    assert found("PL110") == [[IDS[6], IDS[7]]]


def test_grants_in_the_approval_bureau_and_checks_in_the_health_bureau() -> None:
    assert found("PL111") == [[IDS[8], IDS[4]], [IDS[9], IDS[3]]]


def test_filings_and_transactions_listed_as_licenses() -> None:
    assert found("PL206") == [[IDS[0]], [IDS[2]], [IDS[3]], [IDS[4]], [IDS[5]]]


def test_no_error_on_the_published_rows() -> None:
    report = check(district())
    assert [f.rule for f in report.findings if f.severity is Severity.error] == []
