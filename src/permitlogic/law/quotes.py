"""Register references as the quotes a finding carries (Finding.law)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from permitlogic.law.citation import parse_ref
from permitlogic.law.register import Register, default_register
from permitlogic.models.report import LawQuote

__all__ = ["law_quotes", "quote_line"]


def law_quotes(refs: Iterable[str], register: Register | None = None) -> list[LawQuote]:
    """One LawQuote per reference, in order; KeyError when the register lacks one."""
    if register is None:
        return list(_shipped(tuple(refs)))
    return _quotes(refs, register)


def quote_line(quote: LawQuote) -> str:
    """《title》label（version）：quote, as a reader sees it."""
    head = f"《{quote.title}》{quote.article or ''}（{quote.version}）"
    return f"{head}：{quote.quote}" if quote.quote else head


@cache
def _shipped(refs: tuple[str, ...]) -> tuple[LawQuote, ...]:
    return tuple(_quotes(refs, default_register()))


def _quotes(refs: Iterable[str], chosen: Register) -> list[LawQuote]:
    quotes = []
    for ref in refs:
        doc, article = chosen.resolve(parse_ref(ref))
        quotes.append(
            LawQuote(
                ref=ref,
                title=doc.title,
                article=article.label if article else None,
                quote=(article.quote if article else doc.quote),
                version=doc.version.isoformat(),
            )
        )
    return quotes
