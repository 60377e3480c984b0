"""``permitlogic diff --format json``: the CatalogDiff model as JSON (stable keys)."""

from __future__ import annotations

import json

from permitlogic.diff.model import CatalogDiff


def render(diff: CatalogDiff) -> str:
    return json.dumps(diff.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
