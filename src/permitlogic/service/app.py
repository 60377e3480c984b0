"""The HTTP service: ``create_app(settings)`` builds the FastAPI app, ready for uvicorn."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from permitlogic import __version__
from permitlogic.decision_log import DecisionLog
from permitlogic.packs.checks_pack import load_checks_pack
from permitlogic.service.bodies import body_types
from permitlogic.service.body_limit import BodyLimit
from permitlogic.service.catalogs import CatalogRegistry
from permitlogic.service.decide_fast_path import DecideFastPath
from permitlogic.service.engine import DecisionEngine
from permitlogic.service.errors import install_error_handlers
from permitlogic.service.recorder import DecisionRecorder
from permitlogic.service.request_body import StrictBody
from permitlogic.service.routes import check, decide, meta
from permitlogic.service.settings import ServiceSettings
from permitlogic.service.state import ServiceState

if TYPE_CHECKING:
    from permitlogic.workbench.db import WorkbenchDb

WORKBENCH = "/workbench"

DESCRIPTION = """\
审批事项目录检查与资格判定服务。Checks approval catalogs and decides green-channel and
deferred-materials (容缺受理) eligibility.

* Every decision carries a `decision_id` and the rule-pack version hash (`pack_version`)
  and is appended to the decision log (JSON lines), which `permitlogic replay LOG`
  re-evaluates after a rule change.
* Deferral decisions name a catalog registered with `POST /v1/catalogs` in the
  `catalog` query parameter.
* Errors (400, 404, 409, 413, 422) are `{"detail": [{"loc", "path", "type",
  "message_zh", "message_en"}]}`; `path` is the bad field, e.g. `items[3].kind`.
* Limits: the request body size, the length of a list of inputs (10,000 by default)
  and the number of items in a catalog; over a limit is a 413.
"""


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    """A ready service: rule packs loaded and compiled once, the decision log open."""
    settings = settings or ServiceSettings()
    engine = DecisionEngine(settings.rules_dir)
    log = DecisionLog(settings.log_path) if settings.log_path is not None else None
    state = ServiceState(
        settings=settings,
        engine=engine,
        checks_pack=load_checks_pack(settings.rules_dir),
        catalogs=CatalogRegistry(settings.max_catalogs),
        log=log,
        recorder=DecisionRecorder(log),
    )

    workbench = open_workbench(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if log is not None:
            log.close()
        if workbench is not None:
            workbench.close()

    # Swagger UI and ReDoc from the package's own files: /docs works offline.
    app = FastAPIOffline(
        title="permitlogic",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.service = state
    install_error_handlers(app)
    bodies = body_types(settings)
    # Innermost: it sees bodies that passed the size limit and the strict reader.
    app.add_middleware(DecideFastPath, state=state, bodies=bodies)
    # Added first, so inside BodyLimit: the size limit applies while the body is read.
    app.add_middleware(StrictBody, timeout=settings.body_timeout_s, skip=WORKBENCH)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes, skip=WORKBENCH)
    app.include_router(meta.router)
    app.include_router(check.check_router(bodies, settings.max_catalog_items))
    app.include_router(decide.decide_router(bodies, settings.max_list))
    if workbench is not None:
        mount_workbench(app, workbench, state)
    return app


def open_workbench(settings: ServiceSettings) -> WorkbenchDb | None:
    """The workbench's database when a store is named (it holds the accounts)."""
    if settings.store is None:
        return None
    from permitlogic.workbench.db import WorkbenchDb

    return WorkbenchDb.open(settings.store)


def mount_workbench(app: FastAPI, db: WorkbenchDb, state: ServiceState) -> None:
    """The browser workbench at /workbench (``/`` leads there) and the API's token guard."""
    from fastapi.responses import RedirectResponse

    from permitlogic.workbench.api_guard import ApiGuard
    from permitlogic.workbench.app import create_workbench

    @app.get("/", include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse(f"{WORKBENCH}/", status_code=303)

    app.mount(WORKBENCH, create_workbench(db, state))
    app.add_middleware(ApiGuard, db=db)
