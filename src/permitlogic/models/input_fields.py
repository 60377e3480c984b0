"""What input models share: key paths, cross-field errors at their keys, ISO dates.

Kept apart from the catalog's models so that the decision inputs and packs use
them without building every catalog model first.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from pydantic import BeforeValidator, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

Loc = tuple[str | int, ...]


def raise_at(model: str, problems: list[tuple[Loc, str, object]]) -> None:
    """Raise every cross-field problem at once, each at its own key path."""
    if problems:
        raise ValidationError.from_exception_data(
            model,
            [
                InitErrorDetails(
                    type=PydanticCustomError("cross_field", message), loc=loc, input=value
                )
                for loc, message, value in problems
            ],
        )


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: object) -> object:
    """A date, or text in exactly YYYY-MM-DD form (JSON has no date type)."""
    if isinstance(value, datetime):
        raise ValueError("expected a date without a time / 应为日期（YYYY-MM-DD），不能带时间")
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a calendar date / {value} 不是有效日期") from None
    if isinstance(value, date):
        return value
    raise ValueError("expected a date YYYY-MM-DD / 应为日期（YYYY-MM-DD）")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
