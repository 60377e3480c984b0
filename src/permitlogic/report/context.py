"""What every renderer receives: the report, the catalog, where it came from, the language."""

from __future__ import annotations

from dataclasses import dataclass

from permitlogic.load.yaml_source import Sourced
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Report
from permitlogic.packs.checks_pack import ChecksPack


@dataclass(frozen=True)
class RenderInput:
    report: Report
    catalog: Catalog
    source: Sourced | None
    pack: ChecksPack
    lang: str = "zh"

    def text(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en
