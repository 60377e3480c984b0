"""What the shipped register knows sets an item or a prerequisite (fix advice of PL102, PL201, PL202).

``rules/known-law.yaml`` names items (and prerequisite pairs) and the register
articles that set them. Where a catalog cites too weak a document, or none,
for something listed there, the fix is to cite the article, not to drop the
item or the prerequisite. Names are compared by their matter stem
(:func:`permitlogic.check_support.transactions.read_name`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from permitlogic.check_support.transactions import read_name
from permitlogic.law import default_register
from permitlogic.law.citation import parse_ref
from permitlogic.models.catalog import Item, Prerequisite
from permitlogic.models.report import Fix
from permitlogic.packs.location import default_rules_dir
from permitlogic.packs.yaml_pack import load_pack

KNOWN_LAW = "known-law.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class ItemLaw(_Strict):
    names: list[str] = Field(min_length=1)
    cites: list[str] = Field(min_length=1)


class PrerequisiteLaw(_Strict):
    item: list[str] = Field(min_length=1)
    prerequisite: list[str] = Field(min_length=1)
    cites: list[str] = Field(min_length=1)


class KnownLaw(_Strict):
    version: str
    items: list[ItemLaw] = Field(default_factory=list)
    prerequisites: list[PrerequisiteLaw] = Field(default_factory=list)


@dataclass(frozen=True)
class Cited:
    """One registered article: its reference, level and citation as Chinese writes it."""

    ref: str
    level: str
    title: str
    label: str

    @property
    def cite(self) -> str:
        return f"《{self.title}》{self.label}"


def load_known_law(path: Path | None = None) -> KnownLaw:
    return load_pack(KnownLaw, path or default_rules_dir() / KNOWN_LAW)


@cache
def _bundled() -> KnownLaw:
    return load_known_law()


@lru_cache(maxsize=1 << 16)
def _stem(name: str) -> str:
    return read_name(name).stem


def _cited(refs: list[str]) -> list[Cited]:
    return list(_cited_once(tuple(refs)))


@lru_cache(maxsize=1024)
def _cited_once(refs: tuple[str, ...]) -> tuple[Cited, ...]:
    """The register's reading of ``refs`` (the register does not change while the process runs)."""
    register = default_register()
    found = []
    for ref in refs:
        doc, article = register.resolve(parse_ref(ref))
        found.append(
            Cited(
                ref=ref,
                level=doc.level,
                title=doc.title,
                label=article.label if article is not None else "",
            )
        )
    return tuple(found)


def item_law(item: Item, known: KnownLaw | None = None) -> list[Cited]:
    """The registered articles that set ``item`` (empty when none is known)."""
    cites = _index(known or _bundled()).items.get(_stem(item.name))
    return _cited(cites) if cites is not None else []


def prerequisite_law(
    item: Item, prerequisite: Prerequisite, other: Item | None, known: KnownLaw | None = None
) -> list[Cited]:
    """The registered articles that make ``prerequisite`` one of ``item`` (empty when none is known)."""
    name = other.name if other is not None else prerequisite.external
    if not name:
        return []
    pair = (_stem(item.name), _stem(name))
    cites = _index(known or _bundled()).prerequisites.get(pair)
    return _cited(cites) if cites is not None else []


@dataclass(frozen=True)
class _Index:
    """A register's entries by matter stem; where several match, the first one written."""

    items: dict[str, list[str]]
    prerequisites: dict[tuple[str, str], list[str]]


_INDEXES: dict[int, tuple[KnownLaw, _Index]] = {}


def _index(known: KnownLaw) -> _Index:
    """The index of ``known``, built once per register (the register itself is kept with it)."""
    held = _INDEXES.get(id(known))
    if held is not None and held[0] is known:
        return held[1]
    items: dict[str, list[str]] = {}
    for entry in known.items:
        for name in entry.names:
            items.setdefault(_stem(name), entry.cites)
    prerequisites: dict[tuple[str, str], list[str]] = {}
    for pair_entry in known.prerequisites:
        for item_name in pair_entry.item:
            for before in pair_entry.prerequisite:
                prerequisites.setdefault((_stem(item_name), _stem(before)), pair_entry.cites)
    if len(_INDEXES) >= 8:
        _INDEXES.clear()
    index = _Index(items=items, prerequisites=prerequisites)
    _INDEXES[id(known)] = (known, index)
    return index


def cites_zh(found: list[Cited]) -> str:
    return "、".join(c.cite for c in found)


def cite_fix(found: list[Cited], what_zh: str, what_en: str) -> Fix:
    """The fix that cites the registered articles for ``what`` (设定依据 or a prerequisite)."""
    return Fix(
        message_zh=f"改为引用{cites_zh(found)}作为{what_zh}（法律依据登记已载）",
        message_en=f"cite {cites_zh(found)} as {what_en} (in the register)",
    )
