"""设定依据 texts as published, split into documents and classified.

Every text below is copied from the platform records of 灵山县 (cases/real/lingshan-county,
SOURCES.md: the Javadoc samples, file ids 21106400767 and 20529499766) or from the issue's
example; each names its documents with the level we expect and why.
"""

from __future__ import annotations

import pytest

from permitlogic.models.catalog import Level
from permitlogic.published.basis_text import split_basis
from permitlogic.published.classify import classify

L, AR, SCD, DR, ND, PR = (
    Level.law,
    Level.administrative_regulation,
    Level.state_council_decision,
    Level.departmental_rule,
    Level.normative_document,
    Level.provincial_rule,
)

# (text, [(title, 文号, article, level)])
TEXTS: list[tuple[str, list[tuple[str, str | None, str | None, Level | None]]]] = [
    (
        "1.《中华人民共和国食品安全法》第三十五条 2.潍坊市人民政府关于调整市级行政许可事项的通知（潍政字〔2016〕41号）第14项",
        [
            ("中华人民共和国食品安全法", None, "第三十五条", L),
            ("潍坊市人民政府关于调整市级行政许可事项的通知", "潍政字〔2016〕41号", "第14项", ND),
        ],
    ),
    (
        "《固定资产投资项目节能办法》(2016年国家发改委令第44号)第三条",
        [("固定资产投资项目节能办法", "2016年国家发改委令第44号", "第三条", DR)],
    ),
    (
        "《全国人民代表大会常务委员会关于修改<中华人民共和国节约能源法>等六部法律的决定》",
        [
            (
                "全国人民代表大会常务委员会关于修改<中华人民共和国节约能源法>等六部法律的决定",
                None,
                None,
                L,
            )
        ],
    ),
    (
        "《国务院关于加强节能工作的决定》(国发[2006]28号)第二十三条",
        [("国务院关于加强节能工作的决定", "国发[2006]28号", "第二十三条", SCD)],
    ),
    (
        "《公共文化体育设施条例》（国务院令第382号）第二十七条",
        [("公共文化体育设施条例", "国务院令第382号", "第二十七条", AR)],
    ),
    (
        "《宗教事务条例》（2004年11月30日国务院令第426号，2017年8月26日修订）第三十三条第一款",
        [("宗教事务条例", "国务院令第426号", "第三十三条第一款", AR)],
    ),
    (
        "《国家宗教事务局关于印发<宗教事务部分行政许可项目实施办法>的通知》（国宗发〔2018〕11号）第四章第二十一条",
        [
            (
                "国家宗教事务局关于印发<宗教事务部分行政许可项目实施办法>的通知",
                "国宗发〔2018〕11号",
                "第二十一条",
                ND,
            )
        ],
    ),
    (
        "《关于印发<广西两类宗教活动场所区分标准>的通知》（桂宗通〔2006〕5号）",
        [("关于印发<广西两类宗教活动场所区分标准>的通知", "桂宗通〔2006〕5号", None, ND)],
    ),
    ("根据《全民健身法》", [("全民健身法", None, None, L)]),
    (
        "《国务院关于投资体制改革的决定》国发〔2004〕20号，2004年7月16日实施，国务院颁布",
        [("国务院关于投资体制改革的决定", "国发〔2004〕20号", None, SCD)],
    ),
    (
        "《中央预算内直接投资项目管理办法》（国家发改委令2014年第7号）",
        [("中央预算内直接投资项目管理办法", "国家发改委令2014年第7号", None, DR)],
    ),
    (
        "《中共中央 国务院关于深化投融资体制改革的意见》中发〔2016〕18号，2016年7月5日实施",
        [("中共中央 国务院关于深化投融资体制改革的意见", "中发〔2016〕18号", None, ND)],
    ),
    (
        "《关于印发广西壮族自治区发展和改革委员会固定资产投资项目社会稳定风险评估暂行办法的通知》（桂发改投资﹝2013﹞833号",
        [
            (
                "关于印发广西壮族自治区发展和改革委员会固定资产投资项目社会稳定风险评估暂行办法的通知",
                "桂发改投资﹝2013﹞833号",
                None,
                ND,
            )
        ],
    ),
    (
        "《国务院办公厅关于加强和规范新开工项目管理的通知》国办发〔2007〕64号，2007年11月17日实施",
        [("国务院办公厅关于加强和规范新开工项目管理的通知", "国办发〔2007〕64号", None, ND)],
    ),
    (
        "《固定资产投资项目节能审查办法》（2016年11月27日国家发展和改革委员会令第44号）",
        [("固定资产投资项目节能审查办法", "国家发展和改革委员会令第44号", None, DR)],
    ),
    (
        "《财政部 国家发展改革委 工业和信息化部 住房城乡建设部 人力资源社会保障部关于抓紧做好清理偿还政府欠款专项工作的通知》（财建〔2017〕26号）",
        [
            (
                "财政部 国家发展改革委 工业和信息化部 住房城乡建设部 人力资源社会保障部关于抓紧做好清理偿还政府欠款专项工作的通知",
                "财建〔2017〕26号",
                None,
                ND,
            )
        ],
    ),
    # Published without a 文号 or a level word: stays unclassified, never a normative document.
    (
        "《广西壮族自治区固定资产投资项目节能审查办法》第八条",
        [("广西壮族自治区固定资产投资项目节能审查办法", None, "第八条", None)],
    ),
    (
        "《国家发展改革委关于全国投资项目在线审批监管平台正式运行的通知》（发改投资〔2017〕197号）、《广西壮族自治区人民政府办公厅关于印发广西投资项目在线并联审批监管平台运行管理暂行办法的通知》（桂政办发〔2017〕6号）",
        [
            (
                "国家发展改革委关于全国投资项目在线审批监管平台正式运行的通知",
                "发改投资〔2017〕197号",
                None,
                ND,
            ),
            (
                "广西壮族自治区人民政府办公厅关于印发广西投资项目在线并联审批监管平台运行管理暂行办法的通知",
                "桂政办发〔2017〕6号",
                None,
                ND,
            ),
        ],
    ),
    (
        "《不单独进行节能审查的行业目录》（发改环资〔2017〕1975号）",
        [("不单独进行节能审查的行业目录", "发改环资〔2017〕1975号", None, ND)],
    ),
    (
        "《广西壮族自治区固定资产投资项目节能审查办法》（桂发改环资〔2017〕635号）第三条",
        [("广西壮族自治区固定资产投资项目节能审查办法", "桂发改环资〔2017〕635号", "第三条", ND)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TEXTS, ids=[str(i) for i in range(len(TEXTS))])
def test_a_published_basis_text_splits_into_its_documents_and_levels(
    text: str, expected: list[tuple[str, str | None, str | None, Level | None]]
) -> None:
    documents = split_basis(text)
    got = [(d.title, d.document_number, d.article, classify(d)[0]) for d in documents]
    assert got == expected


def test_the_sample_texts_name_enough_documents() -> None:
    assert sum(len(expected) for _, expected in TEXTS) >= 22


def test_an_empty_basis_cell_names_no_document() -> None:
    assert split_basis("无") == []
    assert split_basis("  ") == []
