"""Name normalization: spelling differences go, different names and departments stay apart."""

from __future__ import annotations

import pytest

from permitlogic.names import department_key, is_own_department, item_name_key, plain

J = "示范县"


@pytest.mark.parametrize(
    ("name", "department", "key"),
    [
        ("城镇污水排入排水管网许可", "县住房和城乡建设局", "城镇污水排入排水管网许可"),
        ("县水利局：城镇污水排入 排水管网许可", "县水利局", "城镇污水排入排水管网许可"),
        ("城镇污水排入排水管网许可（县水利局）", "县水利局", "城镇污水排入排水管网许可"),
        ("示范县户外广告设施设置审批", "县城市管理局", "户外广告设施设置审批"),
        ("县住建局临时占用城市绿地审批", "县住房和城乡建设局", "临时占用城市绿地审批"),
        ("示范县住房和城乡建设局 建筑工程施工许可", "县住房和城乡建设局", "建筑工程施工许可"),
        ("市场监督管理局食品经营许可", "示范县市场监督管理局", "食品经营许可"),
        ("娱乐场所经营许可（含变更）", "县文化和旅游局", "娱乐场所经营许可含变更"),
        ("ＡＢＣ　认证", None, "ABC认证"),
    ],
)
def test_item_names_lose_spelling_and_prefixes(name: str, department: str | None, key: str) -> None:
    assert item_name_key(name, department, J) == key


@pytest.mark.parametrize(
    "name",
    ["民办学校办学许可", "县级文物保护单位修缮审批", "市政设施建设类审批", "区域性地震安全性评价"],
)
def test_names_that_only_look_like_prefixes_stay_whole(name: str) -> None:
    assert item_name_key(name, "县教育局", J) == plain(name)


def test_a_name_that_is_only_a_prefix_is_kept() -> None:
    assert item_name_key("县住建局", "县住建局", J) == "县住建局"


def test_departments_compare_by_spelling_not_by_abbreviation() -> None:
    assert department_key("示范县市场监督管理局", J) == department_key("县市场监督管理局 ", J)
    assert department_key("县行政审批局（县政务服务中心）", J) == department_key(
        "县行政审批局(县政务服务中心)", J
    )
    assert department_key("县住建局", J) != department_key("县住房和城乡建设局", J)
    assert department_key("市自然资源局", J) != department_key("县自然资源局", J)


def test_own_department_words() -> None:
    assert is_own_department("本局", "县卫生健康局", J)
    assert is_own_department("示范县卫生健康局", "县卫生健康局", J)
    assert not is_own_department("市卫生健康委员会", "县卫生健康局", J)
