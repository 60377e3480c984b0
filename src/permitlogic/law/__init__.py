"""The register of legal sources the project cites (``rules/law/*.yaml``).

``default_register()`` loads it once; ``Register.resolve("xzxkf:34")`` gives a
document and article, ``Register.by_title`` matches a catalog's basis title,
``Register.quote`` gives the short quote with the version date.
"""

from permitlogic.law.citation import (
    LawRef,
    document_numbers,
    parse_article_label,
    parse_ref,
    quoted_passages,
    titled_citations,
)
from permitlogic.law.model import Article, Deadline, LawDocument, Source, article_label
from permitlogic.law.register import Register, default_register, load_register, normalise_title

__all__ = [
    "Article",
    "Deadline",
    "LawDocument",
    "LawRef",
    "Register",
    "Source",
    "article_label",
    "default_register",
    "document_numbers",
    "load_register",
    "normalise_title",
    "parse_article_label",
    "parse_ref",
    "quoted_passages",
    "titled_citations",
]
