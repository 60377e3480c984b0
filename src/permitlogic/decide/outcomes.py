"""Many inputs decided at once: the problems of each invalid one, under its index."""

from __future__ import annotations

from collections.abc import Sequence

from permitlogic.errors import InputError, Problem
from permitlogic.load.yaml_source import key_path


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


def raise_all(outcomes: Sequence[object]) -> None:
    problems = [
        problem
        for index, outcome in enumerate(outcomes)
        if isinstance(outcome, InputError)
        for problem in prefixed(index, outcome)
    ]
    if problems:
        raise InputError(problems)
