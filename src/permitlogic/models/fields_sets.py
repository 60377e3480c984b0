"""Pydantic's per-instance sets of the fields given, shared between equal instances."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

_FIELD_SETS: dict[frozenset[str], set[str]] = {}
_MAX_FIELD_SETS = 4096


def share_fields_sets(models: Iterable[BaseModel]) -> None:
    """Let each model use the one set object for its combination of fields given.

    Pydantic keeps on every instance the set of fields its input gave; on a
    large catalog these sets weighed as much as the items' own values (90 MB of
    215 at 50,000 items). The models are frozen, so no such set is ever changed
    in place (``model_copy`` copies it first): instances given the same fields
    may share one.
    """
    known = _FIELD_SETS
    for model in models:
        fields = model.__pydantic_fields_set__
        key = frozenset(fields)
        shared = known.get(key)
        if shared is None:
            if len(known) >= _MAX_FIELD_SETS:
                continue
            shared = known[key] = fields
        object.__setattr__(model, "__pydantic_fields_set__", shared)
