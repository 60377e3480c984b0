"""Reading citations: article labels (第三十二条第一款第（四）项), refs (xzxkf:34), 《title》第N条."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from permitlogic.law.numerals import parse_number

__all__ = [
    "CitedArticle",
    "LawRef",
    "document_numbers",
    "parse_article_label",
    "parse_ref",
    "quoted_passages",
    "titled_citations",
]

_NUM = r"[0-9零〇一二两三四五六七八九十百千]+"
_ARTICLE = re.compile(rf"第({_NUM})条")
_RANGE = re.compile(rf"第({_NUM})条至第({_NUM})条")
_ITEM = re.compile(rf"^第({_NUM})项$")
_NUMBER = re.compile(r"(?:国务院令第\d+号|[国省市县][^\s，。；、（）《》“”]{0,6}〔\d{4}〕\d+号)")
_QUOTED = re.compile(
    rf"《([^》]+)》(第{_NUM}条)(?:第{_NUM}款)?(?:第[（(]?{_NUM}[)）]?项)?[：:]“([^”]+)”"
)
_TITLED = re.compile(
    rf"《([^》]+)》((?:(?:第{_NUM}[条款项]|（{_NUM}）|[（(]{_NUM}[)）]|[、，和及至])+)?)"
)


@dataclass(frozen=True)
class LawRef:
    """A register reference: a document key and optionally one article id."""

    key: str
    article: str | None = None

    def __str__(self) -> str:
        return f"{self.key}:{self.article}" if self.article else self.key


@dataclass(frozen=True)
class CitedArticle:
    """A citation found in text: the title as written and the article ids it names."""

    title: str
    articles: tuple[str, ...]


def parse_ref(text: str) -> LawRef:
    """``"xzxkf:34"`` → LawRef("xzxkf", "34"); ``"xzxkf"`` → the whole document."""
    key, _, article = text.strip().partition(":")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", key) or (article and not _valid_id(article)):
        raise ValueError(f"not a register reference: {text!r} (key or key:article, e.g. xzxkf:34)")
    return LawRef(key, article or None)


def _valid_id(article: str) -> bool:
    return article.isdigit() or (article.startswith("item") and article[4:].isdigit())


@lru_cache(maxsize=4096)
def parse_article_label(label: str | None) -> tuple[str, ...]:
    """Article ids in a label: 第七条、第八条 → ("7", "8"); 第十四条至第十七条 → 14..17; 第112项 → item112.

    Paragraphs and items under an article (第一款第（四）项) belong to that article.
    """
    if not label:
        return ()
    item = _ITEM.match(label.strip())
    if item:
        number = parse_number(item.group(1))
        return (f"item{number}",) if number is not None else ()
    found: list[str] = []
    for start, end in _RANGE.findall(label):
        first, last = parse_number(start), parse_number(end)
        if first is not None and last is not None:
            found.extend(str(n) for n in range(first, last + 1))
    for match in _ARTICLE.findall(label):
        number = parse_number(match)
        if number is not None and str(number) not in found:
            found.append(str(number))
    return tuple(found)


def titled_citations(text: str) -> list[CitedArticle]:
    """Every 《title》 in free text with the articles written right after it."""
    return [
        CitedArticle(title=m.group(1), articles=parse_article_label(m.group(2)))
        for m in _TITLED.finditer(text)
    ]


def document_numbers(text: str) -> list[str]:
    """Every 文号 in ``text`` (国发〔2015〕27号, 国务院令第412号)."""
    return _NUMBER.findall(text)


def quoted_passages(text: str) -> list[tuple[str, str, list[str]]]:
    """``《title》第N条：“quote”`` in text: (title, article id, fragments between the ……)."""
    found = []
    for title, label, quote in _QUOTED.findall(text):
        ids = parse_article_label(label)
        fragments = [f.strip("。；，：: ") for f in quote.split("……")]
        found.append((title, ids[0] if ids else "", [f for f in fragments if f]))
    return found
