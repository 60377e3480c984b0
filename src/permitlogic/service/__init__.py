"""The decision service (FastAPI): checks, green-channel and 容缺受理 decisions over HTTP."""

from permitlogic.service.app import create_app
from permitlogic.service.settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]
