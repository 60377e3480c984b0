"""Validation that stays cheap on hostile input: bounded shapes, bounded error lists.

A 16 MB body can hold a million keys or list elements; validated naively, each
one becomes an error object and a few requests exhaust memory. So before a body
reaches its model, its shape is checked (keys per object, elements per list,
items per catalog); a batch is validated input by input and stops once enough
problems are found; and no error list handed on is longer than ``MAX_ERRORS``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError, ValidatorFunctionWrapHandler
from pydantic_core import InitErrorDetails, PydanticCustomError
from pydantic_core import ValidationError as CoreValidationError

from permitlogic.load.yaml_source import key_path

M = TypeVar("M", bound=BaseModel)

MAX_ERRORS = 200
"""Problems reported for one request at most (the rest are counted, not listed)."""

MAX_KEYS = 64
"""Keys one JSON object may have (the widest model has fewer than 20 fields)."""

TOO_LARGE = frozenset({"list_too_long", "catalog_too_large"})
"""Error types that mean the request is too large (a 413, not a 422)."""


def shape_problem(value: Any, max_list: int) -> str | None:
    """The first place where ``value`` is wider than any valid input could be, or None."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            if len(node) > MAX_KEYS:
                return f"{key_path(path) or 'the input'}: {len(node)} keys, at most {MAX_KEYS}"
            for key, child in node.items():
                if isinstance(child, dict | list):
                    stack.append((child, (*path, str(key))))
        elif isinstance(node, list):
            if len(node) > max_list:
                return f"{key_path(path) or 'the input'}: {len(node)} elements, at most {max_list}"
            for index, child in enumerate(node):
                if isinstance(child, dict | list):
                    stack.append((child, (*path, index)))
    return None


def shape_guard(max_list: int) -> Callable[[Any], Any]:
    """A before-validator refusing objects and lists wider than a valid input needs."""

    def guard(value: Any) -> Any:
        problem = shape_problem(value, max_list)
        if problem is not None:
            raise PydanticCustomError(
                "too_wide", "the input is too wide ({problem})", {"problem": problem}
            )
        return value

    return guard


def catalog_guard(max_items: int, max_list: int) -> Callable[[Any], Any]:
    """A before-validator: at most ``max_items`` items (a 413), then the shape guard."""
    shape = shape_guard(max_list)

    def guard(value: Any) -> Any:
        items = value.get("items") if isinstance(value, dict) else None
        if isinstance(items, list) and len(items) > max_items:
            raise PydanticCustomError(
                "catalog_too_large",
                "the catalog has {count} items, over the limit of {limit} per request",
                {"count": len(items), "limit": max_items},
            )
        return shape(value)

    return guard


def bounded_errors(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """A wrap-validator passing on at most MAX_ERRORS errors of the inner validation."""
    try:
        return handler(value)
    except ValidationError as exc:
        if exc.error_count() <= MAX_ERRORS:
            raise
        shown = exc.errors(include_url=False)[:MAX_ERRORS]
        raise _truncated(exc.title, shown, exc.error_count()) from None


def batch_validator(
    model: type[M], max_list: int
) -> Callable[[Any, ValidatorFunctionWrapHandler], Any]:
    """A wrap-validator for a list of ``model``: length first, then input by input.

    Stops after MAX_ERRORS problems, so a long list of bad inputs costs no more
    than a short one.
    """

    def validate(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        if not isinstance(value, list):
            return handler(value)
        if len(value) > max_list:
            raise PydanticCustomError(
                "list_too_long",
                "{count} inputs in one request, over the limit of {limit}; split the list",
                {"count": len(value), "limit": max_list},
            )
        guard = shape_guard(max_list)
        valid: list[M] = []
        errors: list[dict[str, Any]] = []
        for index, item in enumerate(value):
            try:
                valid.append(model.model_validate(guard(item)))
            except PydanticCustomError as exc:
                errors.append(
                    {
                        "type": exc.type,
                        "loc": (index,),
                        "msg": exc.message(),
                        "input": None,
                        "ctx": exc.context,
                    }
                )
            except ValidationError as exc:
                errors.extend(
                    {**error, "loc": (index, *error["loc"])}
                    for error in exc.errors(include_url=False)
                )
            if len(errors) >= MAX_ERRORS:
                raise _truncated(model.__name__, errors[:MAX_ERRORS], None)
        if errors:
            raise _rebuilt(model.__name__, errors)
        return valid

    return validate


def _rebuilt(title: str, errors: list[Any]) -> CoreValidationError:
    return ValidationError.from_exception_data(
        title,
        [
            InitErrorDetails(
                type=PydanticCustomError(error["type"], error["msg"], error.get("ctx")),
                loc=tuple(error["loc"]),
                input=error.get("input"),
            )
            for error in errors
        ],
    )


def _truncated(title: str, errors: list[Any], total: int | None) -> CoreValidationError:
    counted = f"{total}" if total is not None else f"more than {MAX_ERRORS}"
    note = {
        "type": "too_many_errors",
        "loc": (),
        "msg": f"{counted} problems; the first {MAX_ERRORS} are listed",
        "input": None,
        "ctx": {"shown": MAX_ERRORS, "total": total},
    }
    return _rebuilt(title, [*errors, note])
