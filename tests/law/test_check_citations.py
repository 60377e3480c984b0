"""Every check cites registered law, quotes it faithfully, and carries the quotes on its findings."""

from __future__ import annotations

import pytest

from permitlogic.checks.base import CheckMeta
from permitlogic.checks.registry import documented_rules
from permitlogic.law import (
    default_register,
    document_numbers,
    parse_ref,
    quoted_passages,
    titled_citations,
)

REGISTER = default_register()
RULES = list(documented_rules().values())


def _texts(meta: CheckMeta) -> list[str]:
    return [meta.citation, meta.doc_zh]


def problems(meta: CheckMeta) -> list[str]:
    """What a check cites that the register lacks or that its quotes get wrong."""
    found: list[str] = []
    for ref in meta.law:
        try:
            REGISTER.resolve(ref)
        except KeyError as error:
            found.append(str(error))
    cited = {(parse_ref(r).key, parse_ref(r).article) for r in meta.law}
    for text in _texts(meta):
        for citation in titled_citations(text):
            doc = REGISTER.by_title(citation.title)
            if doc is None:
                found.append(f"《{citation.title}》 is not in the register")
                continue
            found += REGISTER.missing(
                citation.title, "".join(f"第{a}条" for a in citation.articles)
            )
            if text is meta.citation:
                found += [
                    f"{doc.key}:{a} is cited but not in META.law"
                    for a in citation.articles
                    if (doc.key, a) not in cited
                ]
        for number in document_numbers(text):
            if REGISTER.by_number(number) is None:
                found.append(f"{number} is not in the register")
        for title, article_id, fragments in quoted_passages(text):
            doc = REGISTER.by_title(title)
            article = doc.articles.get(article_id) if doc else None
            quote = (article.quote or "") if article else ""
            found += [
                f"《{title}》{article_id}: “{f}” is not the text"
                for f in fragments
                if f not in quote
            ]
    return found


@pytest.mark.parametrize("meta", RULES, ids=[m.id for m in RULES])
def test_check_citations_are_registered_and_quoted_right(meta: CheckMeta) -> None:
    assert problems(meta) == []


def _meta(rule: str) -> CheckMeta:
    return documented_rules()[rule]


def test_on_the_spot_duty_is_art_34_not_art_42() -> None:
    meta = _meta("PL305")
    assert "xzxkf:34" in meta.law and "第四十二条" not in meta.citation + meta.doc_zh
    assert "应当当场作出" in (REGISTER.resolve("xzxkf:34")[1].quote or "")


def test_joint_handling_is_a_may_not_a_shall() -> None:
    meta = _meta("PL108")
    assert "可以确定一个部门" in meta.doc_zh and "应当由一个部门" not in meta.doc_zh
    assert "经国务院批准" in meta.doc_zh


def test_art_42_proviso_and_extensions_are_quoted_where_they_belong() -> None:
    doc = _meta("PL301").doc_zh
    assert "不得超过四十五日；法律、法规另有规定的" not in doc
    assert "延长十日" in doc and "延长十五日" in doc
    assert problems(_meta("PL301")) == []


def test_normative_documents_fall_under_art_17() -> None:
    meta = _meta("PL102")
    assert "规章、规范性文件只能" not in meta.doc_zh
    assert "xzxkf:17" in meta.law and "第十七条" in meta.doc_zh


def test_own_document_rule_is_data_sharing_not_art_31() -> None:
    meta = _meta("PL105")
    assert "xzxkf:31" not in meta.law and "zxzwfwgd:7" in meta.law


def test_unlisted_item_cites_the_licence_list() -> None:
    meta = _meta("PL107")
    assert set(meta.law) == {"yhyshjtl:40", "gbf2022_2"}
    assert "国发〔2013〕39号" not in meta.citation


def test_a_misquoted_article_is_caught() -> None:
    meta = _meta("PL301")
    wrong = CheckMeta(
        **{
            **meta.__dict__,
            "doc_zh": "《中华人民共和国行政许可法》第四十二条：“统一办理或者联合办理、集中办理的，办理的时间不得超过四十五日；法律、法规另有规定的，依照其规定。”",
        }
    )
    assert len(problems(wrong)) == 1
