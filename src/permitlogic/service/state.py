"""What every request handler shares: settings, the engine, the catalogs and the log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from permitlogic.decision_log import DecisionLog
from permitlogic.packs.checks_pack import ChecksPack
from permitlogic.service.catalogs import CatalogRegistry
from permitlogic.service.engine import DecisionEngine
from permitlogic.service.recorder import DecisionRecorder
from permitlogic.service.settings import ServiceSettings


@dataclass
class ServiceState:
    settings: ServiceSettings
    engine: DecisionEngine
    checks_pack: ChecksPack
    catalogs: CatalogRegistry
    log: DecisionLog | None
    recorder: DecisionRecorder


async def service_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


State = Annotated[ServiceState, Depends(service_state)]
