"""What every property shares: its hypothesis settings and the decorators that shape a failure."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import HealthCheck, example, settings
from pydantic import BaseModel

from permitlogic.models.catalog import Catalog

Test = Callable[..., None]


def property_settings(max_examples: int | None) -> settings:
    """The active hypothesis profile, with no deadline and the example count asked for.

    A property that fails raises its first failure (an AssertionError naming the
    input), never a group of them, whatever the hypothesis release.
    """
    chosen: dict[str, Any] = {
        "deadline": None,
        "report_multiple_bugs": False,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    }
    if max_examples is not None:
        chosen["max_examples"] = max_examples
    return settings(**chosen)


def shows_input(test: Test) -> Test:
    """A failed assertion names the input it failed on, whatever hypothesis prints."""

    @functools.wraps(test)
    def wrapper(**inputs: Any) -> None:
        try:
            test(**inputs)
        except AssertionError as error:
            shown = "\n".join(
                f"  {name}: {_compact(value)}" for name, value in inputs.items() if name != "data"
            )
            raise AssertionError(f"{error}\n输入 / input:\n{shown}") from None

    return wrapper


def named(name: str) -> Callable[[Test], Test]:
    """The test under another name (the one hypothesis prints with a failing example)."""

    def rename(test: Test) -> Test:
        test.__name__ = test.__qualname__ = name
        return test

    return rename


def with_examples(name: str, values: Sequence[Any]) -> Callable[[Test], Test]:
    """Hypothesis's ``@example`` for each value, as one decorator."""

    def decorate(test: Test) -> Test:
        for value in reversed(values):
            test = example(**{name: value})(test)
        return test

    return decorate


def _compact(value: Any) -> str:
    """An input as one line of JSON; an application with the catalog item it asks for."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Catalog):
        catalog, application = value
        item = next((entry for entry in catalog.items if entry.id == application.item), None)
        shown = item.model_dump_json(exclude_defaults=True) if item else "—"
        return f"{_compact(application)}\n  item: {shown}"
    if isinstance(value, BaseModel):
        return value.model_dump_json(exclude_defaults=True)
    if isinstance(value, list | tuple | set):
        return "[" + ", ".join(_compact(element) for element in value) + "]"
    return repr(value)


def identifiers(values: Sequence[Any]) -> list[str]:
    """The rule of each unmet condition, or the id of each material."""
    return [value.rule if hasattr(value, "rule") else value.id for value in values]
