"""The decision service (FastAPI): checks, green-channel and 容缺受理 decisions over HTTP."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from permitlogic.service.app import create_app
    from permitlogic.service.settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]


def __getattr__(name: str) -> Any:
    """Import FastAPI only when the service is used, so the CLI starts fast."""
    if name == "create_app":
        from permitlogic.service.app import create_app

        return create_app
    if name == "ServiceSettings":
        from permitlogic.service.settings import ServiceSettings

        return ServiceSettings
    raise AttributeError(f"module 'permitlogic.service' has no attribute {name!r}")
