"""The register of legal sources: load ``rules/law/*.yaml``, look documents and articles up."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from permitlogic.errors import InputError
from permitlogic.law.citation import LawRef, parse_article_label, parse_ref
from permitlogic.law.model import Article, LawDocument, article_label
from permitlogic.packs.location import default_rules_dir
from permitlogic.packs.yaml_pack import load_pack

__all__ = ["Register", "default_register", "load_register", "normalise_title"]


def normalise_title(title: str) -> str:
    """A title as compared: no 《》, no spaces, no leading 中华人民共和国."""
    text = title.strip().strip("《》").replace(" ", "").replace("　", "")
    return text.removeprefix("中华人民共和国")


@dataclass(frozen=True)
class Register:
    """Every registered document, by key and by (normalised) title or alias."""

    documents: dict[str, LawDocument]
    _titles: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, documents: list[LawDocument]) -> Register:
        by_key: dict[str, LawDocument] = {}
        titles: dict[str, str] = {}
        for doc in documents:
            by_key[doc.key] = doc
            for name in (doc.title, *doc.aliases):
                titles[normalise_title(name)] = doc.key
        return cls(documents=dict(sorted(by_key.items())), _titles=titles)

    def __iter__(self) -> Iterator[LawDocument]:
        return iter(self.documents.values())

    def __len__(self) -> int:
        return len(self.documents)

    def document(self, key: str) -> LawDocument | None:
        return self.documents.get(key)

    def by_title(self, title: str) -> LawDocument | None:
        """The document a catalog or citation names (with or without 《》 and 中华人民共和国)."""
        key = self._titles.get(normalise_title(title))
        return self.documents[key] if key else None

    def by_number(self, number: str) -> LawDocument | None:
        """The document with this 文号 (国办发〔2015〕31号)."""
        wanted = number.strip().removeprefix("中华人民共和国")
        return next(
            (
                doc
                for doc in self.documents.values()
                if doc.number and doc.number.removeprefix("中华人民共和国") == wanted
            ),
            None,
        )

    def article(self, key: str, article: str) -> Article | None:
        doc = self.documents.get(key)
        return doc.articles.get(article) if doc else None

    def resolve(self, ref: str | LawRef) -> tuple[LawDocument, Article | None]:
        """The document and article a reference names; KeyError naming what is missing."""
        parsed = parse_ref(ref) if isinstance(ref, str) else ref
        doc = self.documents.get(parsed.key)
        if doc is None:
            raise KeyError(f"{parsed}: no document {parsed.key!r} in the register")
        if parsed.article is None:
            return doc, None
        article = doc.articles.get(parsed.article)
        if article is None:
            raise KeyError(
                f"{parsed}: the register has no {article_label(parsed.article)} of 《{doc.title}》"
            )
        return doc, article

    def missing(self, title: str, label: str | None) -> list[str]:
        """What a (title, article label) citation names that the register lacks (empty when all is there)."""
        doc = self.by_title(title)
        if doc is None:
            return [f"《{title}》"]
        return [
            f"《{doc.title}》{article_label(a)}"
            for a in parse_article_label(label)
            if a not in doc.articles
        ]

    def quote(self, ref: str | LawRef) -> str:
        """《title》label（version）：quote — what a reader sees next to a finding."""
        doc, article = self.resolve(ref)
        head = f"《{doc.title}》"
        if article is None:
            text = f"{head}（{doc.version.isoformat()}）"
            return f"{text}：{doc.quote}" if doc.quote else text
        text = f"{head}{article.label}（{doc.version.isoformat()}）"
        return f"{text}：{article.quote}" if article.quote else text


def load_register(directory: Path | None = None) -> Register:
    """Every ``*.yaml`` under ``directory`` (default: the shipped ``rules/law``)."""
    root = directory or default_rules_dir() / "law"
    if not root.is_dir():
        raise InputError.single(
            str(root), "法律依据登记目录不存在", "law register directory not found"
        )
    documents: list[LawDocument] = []
    seen: dict[str, Path] = {}
    for path in sorted(root.glob("*.yaml")):
        doc = load_pack(LawDocument, path)
        if doc.key in seen:
            raise InputError.single(
                str(path),
                f"文档键 {doc.key} 与 {seen[doc.key].name} 重复",
                f"document key {doc.key} repeats {seen[doc.key].name}",
            )
        seen[doc.key] = path
        documents.append(doc)
    return Register.of(documents)


@cache
def default_register() -> Register:
    """The shipped register, loaded once."""
    return load_register()
