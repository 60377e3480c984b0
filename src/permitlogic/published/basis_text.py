"""A 设定依据 cell as published, split into documents with title, 文号 and article.

``1.《中华人民共和国食品安全法》第三十五条… 2.潍坊市人民政府关于调整…的通知（潍政字〔2016〕41号）第14项``
is two documents. A cell is split at its enumerators (1. 2、 （三）) and, within a
part, at each 《title》; a part without 《》 is one document named by its text up
to its 文号 or article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENUMERATOR = re.compile(
    r"(?:^|(?<=[；;。\n\s]))\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[\.、．](?!\d)"
    r"|(?:^|(?<=[；;。\n\s]))\s*[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）]"
)
_TITLE = re.compile(r"《([^《》]+)》")
_NUM = r"[0-9零〇一二两三四五六七八九十百千]+"
_ARTICLE = re.compile(
    rf"第{_NUM}条(?:第{_NUM}款)?(?:第[（(]?{_NUM}[)）]?项)?(?:[、，,和及至]第{_NUM}条(?:第{_NUM}款)?)*"
    rf"|第{_NUM}项"
)
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fa5A-Za-z]{1,16}[〔\[［(（﹝]\s*\d{4}\s*[〕\]］)）﹞]\s*第?\s*\d+\s*号"
    r"|国务院令第\s*\d+\s*号"
    r"|(?:\d{4}\s*年\s*)?[\u4e00-\u9fa5]{1,16}令\s*(?:\d{4}\s*年)?\s*第\s*\d+\s*号"
    r"|第\s*\d+\s*号令"
)


@dataclass(frozen=True)
class CitedDocument:
    """One document a basis text names."""

    title: str
    document_number: str | None
    article: str | None
    text: str


def split_basis(text: str) -> list[CitedDocument]:
    """The documents a basis cell names, in order (empty for an empty cell or 无)."""
    cleaned = text.strip()
    if not cleaned or cleaned in {"无", "/", "—", "-", "暂无"}:
        return []
    parts = [p.strip(" \n；;。，,") for p in _ENUMERATOR.split(cleaned)]
    documents: list[CitedDocument] = []
    for part in parts:
        if not part:
            continue
        documents.extend(_documents_in(part))
    return documents


def _documents_in(part: str) -> list[CitedDocument]:
    titles = list(_TITLE.finditer(part))
    if not titles:
        return [_untitled(part)]
    found = []
    for index, match in enumerate(titles):
        end = titles[index + 1].start() if index + 1 < len(titles) else len(part)
        tail = part[match.end() : end]
        if _nested_title(part, match):
            continue
        number = DOC_NUMBER.search(tail)
        article = _ARTICLE.search(tail)
        title = match.group(1).strip()
        prefix_number = DOC_NUMBER.search(title)
        found.append(
            CitedDocument(
                title=title,
                document_number=_clean_number(number.group(0))
                if number
                else (_clean_number(prefix_number.group(0)) if prefix_number else None),
                article=article.group(0) if article else None,
                text=part[max(0, match.start()) : end].strip(" ；;，,。"),
            )
        )
    return found


def _nested_title(part: str, match: re.Match[str]) -> bool:
    """A 《》 inside another document's title (关于修改〈…〉的决定 written with 《》)."""
    before = part[: match.start()]
    return before.count("《") > before.count("》")


def _untitled(part: str) -> CitedDocument:
    number = DOC_NUMBER.search(part)
    article = _ARTICLE.search(part)
    cut = (
        min(m.start() for m in (number, article) if m is not None) if (number or article) else None
    )
    title = part[:cut] if cut else part
    title = title.strip(" （(【[：:，,")
    title = re.sub(r"^(根据|依据|按照)", "", title)
    return CitedDocument(
        title=title or part,
        document_number=_clean_number(number.group(0)) if number else None,
        article=article.group(0) if article else None,
        text=part,
    )


def _clean_number(number: str) -> str:
    value = re.sub(r"\s+", "", number).strip("（()）")
    state_council = re.search(r"国务院令第\d+号", value)
    if state_council:
        return state_council.group(0)
    return re.sub(r"^.*?[日月](?=[\u4e00-\u9fa5])", "", value) if "日" in value[:12] else value
