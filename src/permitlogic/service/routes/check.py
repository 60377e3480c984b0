"""POST /v1/check and the catalog registry (POST/GET /v1/catalogs)."""

# No `from __future__ import annotations`: the catalog body type is built per
# service (from its limits) and FastAPI must see it as an object, not a name.

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from fastapi.responses import Response

from permitlogic.check_runner import check
from permitlogic.checks.registry import split_codes, unknown_codes
from permitlogic.models.report import Report
from permitlogic.report.context import RenderInput
from permitlogic.report.formats import FORMATS, Destination, FormatName
from permitlogic.service.bodies import BodyTypes
from permitlogic.service.catalogs import RegistryFull
from permitlogic.service.errors import ServiceError
from permitlogic.service.schemas import (
    ERROR_RESPONSES,
    CatalogRegistered,
    CatalogSummary,
    ErrorBody,
)
from permitlogic.service.state import State

JSON_FORMAT = FORMATS[FormatName.json]
CHECK_LOCK = threading.Lock()
"""One check run at a time: the time proofs use z3's shared default context, which
is not safe to use from several threads at once."""

Codes = Annotated[
    str | None,
    Query(
        description="comma-separated check id prefixes, e.g. `PL1,PL301`",
        max_length=1000,
    ),
]


def check_router(bodies: BodyTypes, max_items: int) -> APIRouter:
    router = APIRouter()
    catalog_body = Annotated[
        bodies.catalog,  # type: ignore[name-defined]
        Body(description=f"a catalog (catalog-format v1) as JSON, at most {max_items:,} items"),
    ]
    _check_route(router, catalog_body)
    _register_route(router, catalog_body)
    _list_route(router)
    return router


def _check_route(router: APIRouter, catalog_body: Any) -> None:
    @router.post(
        "/v1/check",
        response_model=Report,
        responses=ERROR_RESPONSES,
        tags=["check"],
        summary="检查目录 / check a catalog",
    )
    def check_catalog(
        catalog: catalog_body,
        state: State,
        select: Codes = None,
        ignore: Codes = None,
    ) -> Response:
        """Run the checks on the catalog: the same JSON as `permitlogic check --format json`."""
        chosen = _codes("select", select)
        skipped = _codes("ignore", ignore)
        with CHECK_LOCK:
            report = check(catalog, pack=state.checks_pack, select=chosen, ignore=skipped)
        rendered = JSON_FORMAT.render(
            [RenderInput(report, catalog, None, state.checks_pack)], Destination.file
        )
        return Response(rendered, media_type=JSON_FORMAT.media_type)


def _register_route(router: APIRouter, catalog_body: Any) -> None:
    @router.post(
        "/v1/catalogs",
        response_model=CatalogRegistered,
        status_code=201,
        responses={
            **ERROR_RESPONSES,
            409: {"model": ErrorBody, "description": "The registry holds its maximum of catalogs"},
        },
        tags=["catalogs"],
        summary="登记目录 / register a catalog",
    )
    def register_catalog(
        catalog: catalog_body,
        state: State,
    ) -> CatalogRegistered:
        """Validate the catalog once and keep it under its `catalog.id` for deferral decisions.

        Registering the same id again replaces the catalog (decisions already made keep
        the sha256 of the catalog they used, in the decision log).
        """
        try:
            entry, replaced = state.catalogs.register(catalog)
        except RegistryFull:
            capacity = state.catalogs.capacity
            raise ServiceError.single(
                409,
                ["body", "catalog", "id"],
                "registry_full",
                f"已登记 {capacity} 个目录，达到上限；可用已有编号替换",
                f"the registry holds its maximum of {capacity} catalogs; replace an existing id",
            ) from None
        if state.log is not None:
            state.log.write_catalog(catalog, entry.sha256)
        return CatalogRegistered(
            id=entry.id, items=len(catalog.items), sha256=entry.sha256, replaced=replaced
        )


def _list_route(router: APIRouter) -> None:
    @router.get(
        "/v1/catalogs",
        response_model=list[CatalogSummary],
        tags=["catalogs"],
        summary="已登记的目录 / registered catalogs",
    )
    async def list_catalogs(state: State) -> list[CatalogSummary]:
        return [
            CatalogSummary(
                id=entry.id,
                jurisdiction=entry.catalog.catalog.jurisdiction,
                items=len(entry.catalog.items),
                sha256=entry.sha256,
            )
            for entry in state.catalogs.all()
        ]


def _codes(name: str, value: str | None) -> list[str] | None:
    codes = split_codes([value] if value else None)
    unknown = unknown_codes(codes or [])
    if unknown:
        raise ServiceError.single(
            422,
            ["query", name],
            "unknown_check",
            f"没有这些规则：{', '.join(unknown)}",
            f"no check matches: {', '.join(unknown)} (see GET /v1/rules)",
        )
    return codes
