"""Pydantic's per-instance sets of the fields given, shared between equal instances."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

_FIELD_SETS: dict[frozenset[str], set[str]] = {}
_MAX_FIELD_SETS = 4096
_LAST: dict[type[BaseModel], set[str]] = {}
"""The shared set each class's last instance was given."""


def share_fields_sets(models: Iterable[BaseModel]) -> None:
    """Let each model use the one set object for its combination of fields given.

    Pydantic keeps on every instance the set of fields its input gave; on a
    large catalog these sets weighed as much as the items' own values (90 MB of
    215 at 50,000 items). The models are frozen, so no such set is ever changed
    in place (``model_copy`` copies it first): instances given the same fields
    may share one.
    """
    known = _FIELD_SETS
    last = _LAST
    for model in models:
        fields = model.__pydantic_fields_set__
        kind = type(model)
        previous = last.get(kind)
        # Most instances of a class are given the fields the one before was given:
        # comparing with that set is cheaper than hashing a frozen copy of this one.
        if previous is not None and previous == fields:
            if previous is not fields:
                object.__setattr__(model, "__pydantic_fields_set__", previous)
            continue
        key = frozenset(fields)
        shared = known.get(key)
        if shared is None:
            if len(known) >= _MAX_FIELD_SETS:
                continue
            shared = known[key] = fields
        object.__setattr__(model, "__pydantic_fields_set__", shared)
        last[kind] = shared
