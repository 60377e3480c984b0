"""Copies of an already validated decision with a few fields changed, without validating again.

A decision made for one input is the template of every later input with the
same firings: only the input's own fields (its id, dates) differ. Validating
each copy anew would cost more than the rest of the decision; the fields set
here come from validated inputs and from the template, so the copy is as
valid as the template. Lists are copied, so no two decisions share one.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_set = object.__setattr__


_lists: dict[type, tuple[str, ...]] = {}
"""The fields holding lists, by model class."""


def clone(template: M, **changes: Any) -> M:
    """``template`` with ``changes`` applied, its list fields copied (no validation)."""
    fields = template.__dict__.copy()
    kind = type(template)
    lists = _lists.get(kind)
    if lists is None:
        lists = _lists[kind] = tuple(n for n, v in fields.items() if isinstance(v, list))
    for name in lists:
        fields[name] = fields[name][:]
    fields.update(changes)
    copy = object.__new__(kind)
    _set(copy, "__dict__", fields)
    given = template.__pydantic_fields_set__
    _set(
        copy,
        "__pydantic_fields_set__",
        given if changes.keys() <= given else given | changes.keys(),
    )
    _set(copy, "__pydantic_extra__", None)
    _set(copy, "__pydantic_private__", None)
    return copy
