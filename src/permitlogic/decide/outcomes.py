"""Many inputs decided at once: the problems of each invalid one, under its index."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from pydantic import BaseModel

from permitlogic.decide.inputs import coerce
from permitlogic.errors import InputError, Problem
from permitlogic.gc_pause import collector_paused
from permitlogic.load.yaml_source import key_path

M = TypeVar("M", bound=BaseModel)
D = TypeVar("D")


def decided_in_order(
    values: Sequence[object], model: type[M], key: str, decide: Callable[[list[M]], Iterable[D]]
) -> list[D | InputError]:
    """Each value read as ``model`` (wrapped under ``key`` or not), the valid ones decided
    together by ``decide``, and each decision in its value's place; an invalid value
    keeps its InputError there instead (keys relative to it)."""
    with collector_paused():
        outcomes: list[M | InputError] = []
        for value in values:
            try:
                outcomes.append(coerce(model, value, key))
            except InputError as error:
                outcomes.append(error)
        decided = iter(decide([o for o in outcomes if not isinstance(o, InputError)]))
        return [o if isinstance(o, InputError) else next(decided) for o in outcomes]


def prefixed(index: int, error: InputError) -> list[Problem]:
    """The error's problems with key paths under ``[index]``."""
    out = []
    for problem in error.problems:
        key = problem.location.key
        inner = key_path((index,)) + (f".{key}" if key and not key.startswith("[") else key or "")
        out.append(
            problem.model_copy(
                update={"location": problem.location.model_copy(update={"key": inner})}
            )
        )
    return out


def decided_or_raise(outcomes: Sequence[D | InputError]) -> list[D]:
    """The decisions, in order; or one InputError with every invalid input's problems under its index."""
    problems = [
        problem
        for index, outcome in enumerate(outcomes)
        if isinstance(outcome, InputError)
        for problem in prefixed(index, outcome)
    ]
    if problems:
        raise InputError(problems)
    return [o for o in outcomes if not isinstance(o, InputError)]
