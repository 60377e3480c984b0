"""What every renderer receives: the report, the catalog, where it came from, the language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from permitlogic.load.yaml_source import Sourced
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Report
from permitlogic.packs.checks_pack import ChecksPack

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class RenderInput:
    report: Report
    catalog: Catalog
    source: Sourced | None
    pack: ChecksPack
    lang: str = "zh"
    graph: nx.DiGraph | None = None
    """The prerequisite graph the check built, when the caller kept it."""

    def prerequisites(self) -> nx.DiGraph:
        """The catalog's prerequisite graph: the check's own, or built here when not given."""
        if self.graph is not None:
            return self.graph
        from permitlogic.graph import prerequisite_graph

        return prerequisite_graph(self.catalog)

    def text(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en
