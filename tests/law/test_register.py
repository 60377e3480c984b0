"""The register of legal sources: loading, lookups, quotes, and bad register files."""

from __future__ import annotations

from pathlib import Path

import pytest

from permitlogic.errors import InputError
from permitlogic.law import (
    article_label,
    load_register,
    parse_article_label,
    parse_ref,
    titled_citations,
)

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"

REGISTER = load_register(RULES / "law")


def test_every_document_says_where_it_was_verified() -> None:
    assert len(REGISTER) >= 40
    for doc in REGISTER:
        assert doc.source.address, doc.key
        for article_id, article in doc.articles.items():
            assert article.verified.strip(), f"{doc.key}:{article_id}"
            assert article.label == article_label(article_id), f"{doc.key}:{article_id}"


def test_statute_articles_carry_the_file_and_commit_they_were_read_from() -> None:
    from_repository = [doc for doc in REGISTER if doc.source.commit]
    assert len(from_repository) >= 35
    for doc in from_repository:
        assert doc.source.path and doc.source.commit in doc.source.address
        for article_id, article in doc.articles.items():
            if doc.status == "in_force":
                assert article.quote, f"{doc.key}:{article_id} has no quote"


def test_lookup_by_title_ignores_brackets_and_the_state_prefix() -> None:
    assert REGISTER.by_title("《中华人民共和国建筑法》").key == "jzf"
    assert REGISTER.by_title("建筑法").key == "jzf"
    assert REGISTER.by_title("某省水资源管理条例") is None


def test_resolve_names_the_missing_article() -> None:
    doc, article = REGISTER.resolve("xzxkf:34")
    assert doc.key == "xzxkf" and article is not None and "当场作出" in (article.quote or "")
    with pytest.raises(KeyError, match="第九十九条"):
        REGISTER.resolve("xzxkf:99")
    with pytest.raises(KeyError, match="nosuch"):
        REGISTER.resolve("nosuch:1")


def test_quote_carries_the_version_date() -> None:
    text = REGISTER.quote("jzf:8")
    assert text.startswith("《中华人民共和国建筑法》第八条（2019-04-23）：")
    assert "七日内" in text


def test_article_labels_and_refs_parse() -> None:
    assert parse_article_label("第三十二条第一款第（四）项") == ("32",)
    assert parse_article_label("第七条、第八条") == ("7", "8")
    assert parse_article_label("第十四条至第十七条") == ("14", "15", "16", "17")
    assert parse_article_label("第一百一十二项") == ("item112",)
    assert parse_ref("xzxkf:42").article == "42"
    with pytest.raises(ValueError, match="not a register reference"):
        parse_ref("行政许可法:42")
    found = titled_citations("《中华人民共和国行政许可法》第二十五条、第二十六条；清理多头审批")
    assert [(c.title, c.articles) for c in found] == [("中华人民共和国行政许可法", ("25", "26"))]


def test_missing_reports_document_and_article() -> None:
    assert REGISTER.missing("中华人民共和国建筑法", "第七条、第八条") == []
    assert REGISTER.missing("中华人民共和国建筑法", "第九十条") == [
        "《中华人民共和国建筑法》第九十条"
    ]
    assert REGISTER.missing("无此法", None) == ["《无此法》"]


def test_a_bad_register_file_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "key: bad\ntitle: 某法\nissuer: 某机关\nlevel: statute\nversion: '2020-01-01'\n"
        "source: {name: x, address: y}\nverified: z\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_register(tmp_path)
    text = str(caught.value)
    assert "bad.yaml" in text and ":4" in text


def test_two_files_with_one_key_are_refused(tmp_path: Path) -> None:
    body = "key: same\ntitle: 某法\nissuer: 某机关\nlevel: law\nversion: '2020-01-01'\nsource: {name: x, address: y}\nverified: z\n"
    (tmp_path / "a.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match="same"):
        load_register(tmp_path)


def test_every_recorded_deadline_is_in_the_quoted_text() -> None:
    from permitlogic.law.numerals import write_number

    for doc in REGISTER:
        for article_id, article in doc.articles.items():
            for deadline in article.deadlines:
                quote = article.quote or ""
                spelled = (
                    f"{write_number(deadline.days)}日",
                    f"{deadline.days}日",
                    f"{write_number(deadline.days)}个工作日",
                    f"{deadline.days}个工作日",
                )
                assert any(s in quote for s in spelled), f"{doc.key}:{article_id} {deadline.days}"
