"""Whether the catalog being validated is ``published``: its items follow other rules then.

A published list may lack fields a v1 catalog must give (None means unknown);
Catalog sets the flag while it validates its items, which read it here.
"""

from __future__ import annotations

from contextvars import ContextVar

from pydantic import ValidationInfo

PUBLISHED: ContextVar[bool] = ContextVar("published_catalog", default=False)
"""Set by Catalog while it validates its items: whether it is marked ``published``."""


def is_published(info: ValidationInfo) -> bool:
    """Whether the catalog being validated is marked ``published``.

    A validation context ``{"published": …}`` decides when given; otherwise the
    enclosing Catalog does (an Item validated alone follows the v1 rules).
    """
    if info.context and "published" in info.context:
        return bool(info.context["published"])
    return PUBLISHED.get()


def published_data(data: object) -> bool:
    """Whether raw catalog data says ``catalog: {published: true}``."""
    if isinstance(data, dict):
        meta = data.get("catalog")
        if isinstance(meta, dict):
            return meta.get("published") is True
    return False
