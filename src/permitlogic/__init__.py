"""permitlogic: rules-as-code for administrative-approval catalogs.

>>> import permitlogic as pl
>>> catalog = pl.load_catalog("cases/demo-county.yaml")
>>> report = pl.check(catalog)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from permitlogic.check_runner import check
    from permitlogic.decide.api import decide_deferral, decide_green_channel
    from permitlogic.load.catalog import load_catalog

_API = {
    "load_catalog": "permitlogic.load.catalog",
    "check": "permitlogic.check_runner",
    "decide_green_channel": "permitlogic.decide.api",
    "decide_deferral": "permitlogic.decide.api",
}

__all__ = ["__version__", "check", "decide_deferral", "decide_green_channel", "load_catalog"]


def __getattr__(name: str) -> Any:
    """Import the API lazily, so ``import permitlogic`` stays fast for the CLI."""
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'permitlogic' has no attribute {name!r}")
