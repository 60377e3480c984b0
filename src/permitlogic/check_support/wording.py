"""How the structure and basis checks name items, prerequisites and bases in messages."""

from __future__ import annotations

from collections.abc import Sequence

from permitlogic.checks.base import CheckContext
from permitlogic.graph import EXTERNAL_PREFIX, is_external
from permitlogic.models.catalog import Basis

SHOWN = 8
"""A cycle or path longer than this is shown by its first items and its length."""


def zh(ctx: CheckContext, node: str) -> str:
    """``JS-001「建筑工程施工许可证核发」``, ``外部条件「银行资信证明」`` or ``ZR-009（目录中没有）``."""
    return _named(ctx, node, "{id}「{name}」", "外部条件「{name}」", "{id}（目录中没有）")


def en(ctx: CheckContext, node: str) -> str:
    """``JS-001 (建筑工程施工许可证核发)``, ``external prerequisite 银行资信证明`` or
    ``ZR-009 (not in the catalog)``."""
    return _named(
        ctx, node, "{id} ({name})", "external prerequisite {name}", "{id} (not in the catalog)"
    )


def _named(ctx: CheckContext, node: str, listed: str, external: str, unlisted: str) -> str:
    """The node in the words for a catalog item, an external prerequisite or an unknown id."""
    item = ctx.items.get(node)
    if item is not None:
        return listed.format(id=item.id, name=item.name)
    if is_external(node):
        return external.format(name=node.removeprefix(EXTERNAL_PREFIX))
    return unlisted.format(id=node)


def path_zh(ctx: CheckContext, nodes: Sequence[str]) -> str:
    """Nodes joined by arrows; a long sequence shows its first items and how many there are."""
    return _joined([zh(ctx, n) for n in _shown(nodes)], nodes, f"（共 {len(nodes)} 项）")


def path_en(ctx: CheckContext, nodes: Sequence[str]) -> str:
    return _joined([en(ctx, n) for n in _shown(nodes)], nodes, f" ({len(nodes)} in all)")


def _shown(nodes: Sequence[str]) -> Sequence[str]:
    return nodes if len(nodes) <= SHOWN else [*nodes[: SHOWN - 1], nodes[-1]]


def _joined(labels: list[str], nodes: Sequence[str], total: str) -> str:
    if len(nodes) <= SHOWN:
        return " → ".join(labels)
    return " → ".join(labels[:-1]) + " → … → " + labels[-1] + total


def basis_zh(basis: Basis) -> str:
    """``行政法规《建设工程质量管理条例》第十一条``."""
    return f"{basis.level_zh}{basis.cite()}"


def basis_en(basis: Basis) -> str:
    """``administrative_regulation 《建设工程质量管理条例》第十一条``."""
    return f"{basis.level_key} {basis.cite()}"


def basis_data(basis: Basis | None) -> dict[str, str | None] | None:
    """The basis as it goes into a witness."""
    if basis is None:
        return None
    return {"level": basis.level_key, "title": basis.title, "article": basis.article}
