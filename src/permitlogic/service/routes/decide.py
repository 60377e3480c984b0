"""POST /v1/decide/green-channel and /v1/decide/deferral: one input or a list of them."""

# No `from __future__ import annotations`: the body types are built per service
# (from its limits) and FastAPI must see them as objects, not names.

from typing import Annotated

from fastapi import APIRouter, Body, Query, Response

from permitlogic.service.bodies import BodyTypes
from permitlogic.service.decide_answers import deferral_answer, green_channel_answer, inputs_in, run
from permitlogic.service.errors import ServiceError
from permitlogic.service.examples import APPLICATION_EXAMPLES, PROJECT_EXAMPLES
from permitlogic.service.schemas import (
    ERROR_RESPONSES,
    DeferralAnswer,
    ErrorBody,
    GreenChannelAnswer,
)
from permitlogic.service.state import State


def decide_router(bodies: BodyTypes, max_list: int) -> APIRouter:
    router = APIRouter(tags=["decide"])
    _green_channel_route(router, bodies, max_list)
    _deferral_route(router, bodies, max_list)
    return router


def _green_channel_route(router: APIRouter, bodies: BodyTypes, max_list: int) -> None:
    @router.post(
        "/v1/decide/green-channel",
        response_model=GreenChannelAnswer,
        responses=ERROR_RESPONSES,
        summary="绿色通道判定 / green-channel decision",
    )
    async def decide_green_channel(
        body: Annotated[
            bodies.projects,  # type: ignore[name-defined]
            Body(
                description=f"one project, or a list of at most {max_list:,} projects",
                openapi_examples=PROJECT_EXAMPLES,
            ),
        ],
        state: State,
    ) -> Response:
        """Decide whether each project may enter the green channel (绿色通道, 1+3+2+1).

        One project gives one decision; a list gives a list in the same order. Every
        decision carries a `decision_id` and its rule pack's version (`pack_version`),
        and is appended to the decision log.
        """
        answer = await run(lambda: green_channel_answer(state, body), inputs_in(body))
        return Response(answer, media_type="application/json")


def _deferral_route(router: APIRouter, bodies: BodyTypes, max_list: int) -> None:
    @router.post(
        "/v1/decide/deferral",
        response_model=DeferralAnswer,
        responses={
            **ERROR_RESPONSES,
            404: {"model": ErrorBody, "description": "No catalog is registered under that id"},
        },
        summary="容缺受理判定 / deferred-materials decision",
    )
    async def decide_deferral(
        body: Annotated[
            bodies.applications,  # type: ignore[name-defined]
            Body(
                description=f"one application, or a list of at most {max_list:,} applications",
                openapi_examples=APPLICATION_EXAMPLES,
            ),
        ],
        catalog: Annotated[
            str,
            Query(
                description="id of a catalog registered with POST /v1/catalogs; every "
                "application is decided against it",
                min_length=1,
                max_length=200,
            ),
        ],
        state: State,
    ) -> Response:
        """Decide whether each application may be accepted now with materials to follow (容缺受理).

        `reject`, `notice` (一次性告知, every missing material at once), `accept_with_deferral`
        (the deferred materials and their deadline in working days) or `accept`.
        """
        registered = state.catalogs.get(catalog)
        if registered is None:
            raise ServiceError.single(
                404,
                ["query", "catalog"],
                "unknown_catalog",
                f"没有登记编号为 {catalog} 的目录（先 POST /v1/catalogs）",
                f"no catalog is registered as {catalog} (POST it to /v1/catalogs first)",
            )
        answer = await run(lambda: deferral_answer(state, body, registered), inputs_in(body))
        return Response(answer, media_type="application/json")
