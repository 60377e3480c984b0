"""POST /v1/decide/green-channel and /v1/decide/deferral: one input or a list of them."""

# No `from __future__ import annotations`: the body types are built per service
# (from its limits) and FastAPI must see them as objects, not names.

from collections.abc import Callable, Sequence
from typing import Annotated, TypeVar

from fastapi import APIRouter, Body, Query, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import TypeAdapter

from permitlogic.errors import InputError
from permitlogic.models.decision import (
    Application,
    DeferralDecision,
    GreenChannelDecision,
    Project,
)
from permitlogic.service.bodies import BodyTypes
from permitlogic.service.errors import ServiceError, problem_detail
from permitlogic.service.examples import APPLICATION_EXAMPLES, PROJECT_EXAMPLES
from permitlogic.service.schemas import (
    ERROR_RESPONSES,
    DeferralAnswer,
    ErrorBody,
    GreenChannelAnswer,
)
from permitlogic.service.state import State

D = TypeVar("D", GreenChannelDecision, DeferralDecision)

_GREEN: TypeAdapter[GreenChannelDecision | list[GreenChannelDecision]] = TypeAdapter(
    GreenChannelAnswer
)
_DEFERRAL: TypeAdapter[DeferralDecision | list[DeferralDecision]] = TypeAdapter(DeferralAnswer)


def decide_router(bodies: BodyTypes, max_list: int) -> APIRouter:
    router = APIRouter(tags=["decide"])

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
        projects: list[Project] = body if isinstance(body, list) else [body]

        def answer() -> bytes:
            decided = _all_decided(
                state.engine.green_channel_each(projects), isinstance(body, list)
            )
            decisions = state.recorder.green_channel(projects, decided)
            return _GREEN.dump_json(decisions if isinstance(body, list) else decisions[0])

        return Response(await _run(answer, len(projects)), media_type="application/json")

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
        applications: list[Application] = body if isinstance(body, list) else [body]
        registered = state.catalogs.get(catalog)
        if registered is None:
            raise ServiceError.single(
                404,
                ["query", "catalog"],
                "unknown_catalog",
                f"没有登记编号为 {catalog} 的目录（先 POST /v1/catalogs）",
                f"no catalog is registered as {catalog} (POST it to /v1/catalogs first)",
            )

        def answer() -> bytes:
            decided = _all_decided(
                state.engine.deferral_each(applications, registered.catalog),
                isinstance(body, list),
            )
            decisions = state.recorder.deferral(applications, decided, registered.ref)
            return _DEFERRAL.dump_json(decisions if isinstance(body, list) else decisions[0])

        return Response(await _run(answer, len(applications)), media_type="application/json")

    return router


INLINE = 64
"""Inputs decided on the event loop itself; longer lists go to a worker thread.

A few decisions take less time than handing them to a thread and back; a long
list would hold up every other request while it is decided.
"""


async def _run(work: Callable[[], bytes], inputs: int) -> bytes:
    if inputs <= INLINE:
        return work()
    return await run_in_threadpool(work)


def _all_decided(outcomes: Sequence[D | InputError], batch: bool) -> list[D]:
    """The decisions, or a 422 naming every input the engine refused (by its index)."""
    details = [
        problem_detail(problem, ("body", index) if batch else ("body",))
        for index, outcome in enumerate(outcomes)
        if isinstance(outcome, InputError)
        for problem in outcome.problems
    ]
    if details:
        raise ServiceError(422, details)
    return [o for o in outcomes if not isinstance(o, InputError)]
