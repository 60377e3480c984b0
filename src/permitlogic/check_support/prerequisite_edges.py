"""The effective prerequisite edges: those the catalog declares and those found among the materials.

An application material that is another authority's approval, opinion or
certificate (节能审查意见, 社会稳定风险评估意见, 财政局收费证明 …) is a
prerequisite in substance: the applicant must go there first. This module is
the one place that reads the materials for such documents and builds, with the
declared prerequisites, the edges PL101, PL102, PL104 and PL105 judge,
each marked with its origin (``declared`` or ``materials``). ``ctx.graph`` is
left as the catalog declares it (the timing engine, PL103, PL107 and PL109 read
that one).

Not a prerequisite: a document the applicant writes (申请书, 报告, 说明, 表),
identity papers and business licences, the project's own approval, endorsement
or filing document, a material asked for only where the law requires it
(依法需要办理的), a material whose ``issued_by`` is the item's own department
(PL105 reads ``issued_by`` itself), a material matching a prerequisite already
declared, and the license a transaction of it asks for (a 变更 or 注销 asks
for the license it changes or cancels).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import networkx as nx

from permitlogic.check_support.known_law import Cited, prerequisite_law
from permitlogic.check_support.transactions import read_name
from permitlogic.checks.base import CheckContext
from permitlogic.graph import prerequisite_node
from permitlogic.models.catalog import Item, Material, Prerequisite
from permitlogic.names import is_own_department, plain

Origin = Literal["declared", "materials"]

_ISSUED = re.compile(
    r"(意见书?|批复|批准(文件|书)|核准(文件|批复)|审批(文件|意见|表)|许可证|许可决定书|"
    r"收费证明|缴费证明|完税证明|验收(意见|证明|报告书)|审查合格书)$"
)
_OWN_WORK = re.compile(r"(申请书?|申请表|报告|说明|承诺书|方案|图纸?|表)$")
_IDENTITY = re.compile(r"(营业执照|身份证|统一社会信用代码|法人证书)")
_CONDITIONAL = re.compile(r"依法(需要|应当)|按规定需要|如需")
_PROJECT_OWN = re.compile(r"项目(立项|批准|核准|备案)")
_TRAIL = re.compile(r"(复印件|原件|扫描件|及其?附件|等材料|等)$")
_NOTE = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")


@dataclass(frozen=True)
class PrerequisiteEdge:
    """``source`` must be obtained before applying for ``item``, and where that was read."""

    item: Item
    prerequisite: Prerequisite
    origin: Origin
    index: int | None = None
    """Position among the item's declared prerequisites (declared edges)."""
    material: Material | None = None
    """The material it was found in (edges found among the materials)."""
    issuer: str | None = None
    """Who issues the document, where the material or the matched item says."""
    known: tuple[Cited, ...] = ()
    """Registered articles that set this prerequisite (edges found among the materials)."""

    @property
    def source(self) -> str:
        """The prerequisite's graph node: an item id or ``external:<name>``."""
        return prerequisite_node(self.prerequisite)

    @property
    def in_materials(self) -> bool:
        return self.origin == "materials"


def is_issued_document(material: Material) -> bool:
    """Whether the material's name is a document another authority issues, not the applicant."""
    return _issued_document_name(material.name)


@lru_cache(maxsize=1 << 14)
def _issued_document_name(material: str) -> bool:
    # Materials repeat their names across a catalog (申请书, 营业执照…): each read once.
    if _CONDITIONAL.search(material) or _PROJECT_OWN.search(plain(material)):
        return False  # the law's own condition, or the project's own approval document
    name = plain(_TRAIL.sub("", _NOTE.sub("", material.strip())))
    if _IDENTITY.search(name) or _OWN_WORK.search(name):
        return False
    return bool(_ISSUED.search(name))


def document_name(material: Material) -> str:
    """The document the material names: trailing notes and "…出具的" (who issues it) removed."""
    name = _NOTE.sub("", material.name.strip())
    return name.rsplit("出具的", 1)[-1] or name


@lru_cache(maxsize=1 << 16)
def _stem(name: str) -> str:
    return read_name(name).stem


def _same_matter(material: str, other: str) -> bool:
    """Whether a material and a name are about one matter (one contains the other)."""
    a, b = _stem(material), _stem(other)
    if len(a) < 2 or len(b) < 2:
        return False
    return a in b or b in a or plain(material) in plain(other) or plain(other) in plain(material)


def _declared(ctx: CheckContext, item: Item, material: Material) -> bool:
    for prerequisite in item.prerequisites:
        other = ctx.items.get(prerequisite.item or "")
        name = other.name if other is not None else (prerequisite.external or "")
        if _same_matter(material.name, name):
            return True
        if (
            other is not None
            and material.issued_by
            and is_own_department(material.issued_by, other.department)
        ):
            return True
    return False


class _NameIndex:
    """The catalog's item names by stem and plain form, for :func:`_same_matter` in bulk.

    A material matches an item when one's stem contains the other's, or one's
    plain name the other's. Items whose string is inside the material's are
    found by looking up the material's substrings; items whose string holds
    the material's, among the items sharing the material's rarest two-character
    piece. Either way the first match in catalog order wins, as a scan of every
    item would give.
    """

    def __init__(self, items: list[Item]) -> None:
        self.items = items
        self.stems = [_stem(item.name) for item in items]
        self.plains = [plain(item.name) for item in items]
        self.by_stem: dict[str, list[int]] = {}
        self.by_plain: dict[str, list[int]] = {}
        self.stem_grams: dict[str, list[int]] = {}
        self.plain_grams: dict[str, list[int]] = {}
        for index, (stem, name) in enumerate(zip(self.stems, self.plains, strict=True)):
            if len(stem) < 2:
                continue  # too short to be compared (_same_matter)
            self.by_stem.setdefault(stem, []).append(index)
            self.by_plain.setdefault(name, []).append(index)
            for gram in _grams(stem):
                self.stem_grams.setdefault(gram, []).append(index)
            for gram in _grams(name):
                self.plain_grams.setdefault(gram, []).append(index)

    def first(self, material: str, skip: set[int]) -> Item | None:
        """The first item (in catalog order, none of ``skip``) about the material's matter."""
        a, p = _stem(material), plain(material)
        if len(a) < 2:
            return None
        found = [
            i
            for key, table in ((a, self.by_stem), (p, self.by_plain))
            for part in _substrings(key)
            for i in table.get(part, ())
            if i not in skip
        ]
        for needle, grams, strings in (
            (a, self.stem_grams, self.stems),
            (p, self.plain_grams, self.plains),
        ):
            holder = _first_holding(needle, grams, strings, skip)
            if holder is not None:
                found.append(holder)
        return self.items[min(found)] if found else None


def _grams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _substrings(text: str) -> set[str]:
    return {text[i:j] for i in range(len(text)) for j in range(i + 2, len(text) + 1)}


def _first_holding(
    needle: str, grams: dict[str, list[int]], strings: list[str], skip: set[int]
) -> int | None:
    """The first indexed item whose string contains ``needle``."""
    pieces = _grams(needle)
    if not pieces:
        return None
    rarest = min((grams.get(g, []) for g in pieces), key=len)
    for index in rarest:
        if index not in skip and needle in strings[index]:
            return index
    return None


def _name_index(ctx: CheckContext) -> _NameIndex:
    return ctx.shared(("structure", "name-index"), lambda: _NameIndex(ctx.catalog.items))


def _listed(ctx: CheckContext, item: Item, material: Material) -> Item | None:
    """The catalog item that issues this material, if one is listed (not the item's own matter)."""
    names = _name_index(ctx)
    own = _stem(item.name)
    skip = {ctx.index[item.id]} | {i for i in names.by_stem.get(own, ())}
    return names.first(material.name, skip)


def _found(ctx: CheckContext, item: Item, material: Material) -> PrerequisiteEdge | None:
    jurisdiction = ctx.catalog.catalog.jurisdiction
    if material.issued_by and is_own_department(material.issued_by, item.department, jurisdiction):
        return None  # the department's own document: PL105 reads issued_by
    if not is_issued_document(material) or _declared(ctx, item, material):
        return None
    reading = read_name(item.name)
    if reading.transaction is not None and reading.stem and reading.stem in plain(material.name):
        return None  # a change, renewal or cancellation asks for the license it acts on
    other = _listed(ctx, item, material)
    prerequisite = (
        Prerequisite(item=other.id)
        if other is not None
        else Prerequisite(external=document_name(material))
    )
    return PrerequisiteEdge(
        item=item,
        prerequisite=prerequisite,
        origin="materials",
        material=material,
        issuer=material.issued_by or (other.department if other is not None else None),
        known=tuple(prerequisite_law(item, prerequisite, other)),
    )


def material_edges(ctx: CheckContext) -> list[PrerequisiteEdge]:
    """The prerequisites found among the materials, in catalog order, computed once."""

    def build() -> list[PrerequisiteEdge]:
        found = []
        for item in ctx.catalog.items:
            for material in item.materials:
                edge = _found(ctx, item, material)
                if edge is not None:
                    found.append(edge)
        return found

    return ctx.shared(("structure", "material-edges"), build)


def effective_edges(ctx: CheckContext) -> list[PrerequisiteEdge]:
    """Every declared prerequisite entry, then those found among the materials, computed once."""

    def build() -> list[PrerequisiteEdge]:
        declared = [
            PrerequisiteEdge(item=item, prerequisite=p, origin="declared", index=index)
            for item in ctx.catalog.items
            for index, p in enumerate(item.prerequisites)
        ]
        return declared + material_edges(ctx)

    return ctx.shared(("structure", "effective-edges"), build)


def effective_graph(ctx: CheckContext) -> nx.DiGraph:
    """``ctx.graph`` with the edges between listed items found among the materials added.

    An added edge carries ``origin="materials"`` and its ``material``; a pair
    the catalog already declares keeps the declared edge. Without such edges
    this is ``ctx.graph`` itself.
    """

    def build() -> nx.DiGraph:
        found = [
            e
            for e in material_edges(ctx)
            if e.prerequisite.item is not None and not ctx.graph.has_edge(e.source, e.item.id)
        ]
        if not found:
            return ctx.graph
        graph = ctx.graph.copy()
        for edge in found:
            if not graph.has_edge(edge.source, edge.item.id):
                graph.add_edge(
                    edge.source,
                    edge.item.id,
                    basis=None,
                    prerequisite=edge.prerequisite,
                    origin="materials",
                    material=edge.material,
                )
        return graph

    return ctx.shared(("structure", "effective-graph"), build)


def found_zh(edge: PrerequisiteEdge) -> str:
    """``（在申请材料「…」中发现）`` for an edge found among the materials, else empty."""
    if edge.material is None:
        return ""
    by = f"，{edge.issuer}出具" if edge.issuer else ""
    return f"（在申请材料「{edge.material.name}」中发现{by}）"


def found_en(edge: PrerequisiteEdge) -> str:
    if edge.material is None:
        return ""
    by = f", issued by {edge.issuer}" if edge.issuer else ""
    return f" (found among the materials: {edge.material.name}{by})"


def material_witness(edge: PrerequisiteEdge) -> dict[str, str | None]:
    """What a finding on an edge found among the materials shows of it."""
    assert edge.material is not None
    return {
        "found_in": "materials",
        "material": edge.material.id,
        "material_name": edge.material.name,
        "issued_by": edge.issuer,
    }
