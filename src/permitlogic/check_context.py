"""What a check reads: the catalog, its prerequisite graph, the rule pack, built once.

Checks and the timing engine both take a CheckContext; neither builds one
(the runner does).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import networkx as nx

from permitlogic.models.catalog import Catalog, Item
from permitlogic.models.reference import ReferenceList
from permitlogic.packs.checks_pack import ChecksPack

T = TypeVar("T")


@dataclass
class CheckContext:
    """Everything a check may read, built once per catalog. Checks never modify it."""

    catalog: Catalog
    graph: nx.DiGraph
    pack: ChecksPack
    reference: ReferenceList | None = None
    items: dict[str, Item] = field(default_factory=dict)
    index: dict[str, int] = field(default_factory=dict)
    _memo: dict[Hashable, Any] = field(default_factory=dict)
    per_item: dict[Hashable, dict[str, Any]] = field(default_factory=dict)
    """Values derived from one item alone, by item id: shared with the narrowed contexts."""

    @property
    def published(self) -> bool:
        """The catalog was read from a published list: absent fields are unknown."""
        return self.catalog.catalog.published

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A computation several checks need (e.g. one z3 proof per chain), done once."""
        if key not in self._memo:
            self._memo[key] = compute()
        result: T = self._memo[key]
        return result

    def item_values(self, key: Hashable) -> dict[str, Any]:
        """Values of one item alone (its name's key...) by item id, under ``key``.

        Shared with the narrowed contexts, so each item's value is computed once
        per catalog (a check fills in the ones missing).
        """
        values = self.per_item.get(key)
        if values is None:
            values = self.per_item[key] = {}
        return values
