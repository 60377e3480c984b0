"""The answer to a decision request, as the routes and their fast path both give it.

Decide every input, give each decision its id and log it, and return the
response body (one decision, or a list in the order of the inputs). An input
the engine refuses ends the request with a 422 naming it, before anything is
logged.
"""

from collections.abc import Callable, Sequence
from typing import TypeVar

from fastapi.concurrency import run_in_threadpool
from pydantic import TypeAdapter

from permitlogic.errors import InputError
from permitlogic.models.decision import (
    Application,
    DeferralDecision,
    GreenChannelDecision,
    Project,
)
from permitlogic.service.catalogs import RegisteredCatalog
from permitlogic.service.errors import ServiceError, problem_detail
from permitlogic.service.schemas import DeferralAnswer, GreenChannelAnswer
from permitlogic.service.state import ServiceState

D = TypeVar("D", GreenChannelDecision, DeferralDecision)

_GREEN: TypeAdapter[GreenChannelDecision | list[GreenChannelDecision]] = TypeAdapter(
    GreenChannelAnswer
)
_DEFERRAL: TypeAdapter[DeferralDecision | list[DeferralDecision]] = TypeAdapter(DeferralAnswer)

INLINE = 64
"""Inputs decided on the event loop itself; longer lists go to a worker thread.

A few decisions take less time than handing them to a thread and back; a long
list would hold up every other request while it is decided.
"""


def green_channel_answer(state: ServiceState, body: Project | list[Project]) -> bytes:
    """The response body to a green-channel request of one project or a list of them."""
    batch = isinstance(body, list)
    projects: list[Project] = body if isinstance(body, list) else [body]
    decided = all_decided(state.engine.green_channel_each(projects), batch)
    decisions = state.recorder.green_channel(projects, decided)
    return _GREEN.dump_json(decisions if batch else decisions[0])


def deferral_answer(
    state: ServiceState, body: Application | list[Application], registered: RegisteredCatalog
) -> bytes:
    """The response body to a deferral request of one application or a list of them."""
    batch = isinstance(body, list)
    applications: list[Application] = body if isinstance(body, list) else [body]
    decided = all_decided(state.engine.deferral_each(applications, registered.catalog), batch)
    decisions = state.recorder.deferral(applications, decided, registered.ref)
    return _DEFERRAL.dump_json(decisions if batch else decisions[0])


async def run(work: Callable[[], bytes], inputs: int) -> bytes:
    """``work()`` here for a few inputs, in a worker thread for more than INLINE."""
    if inputs <= INLINE:
        return work()
    return await run_in_threadpool(work)


def inputs_in(body: object) -> int:
    return len(body) if isinstance(body, list) else 1


def all_decided(outcomes: Sequence[D | InputError], batch: bool) -> list[D]:
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
