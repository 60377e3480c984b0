"""Input errors as values with locations, until the CLI turns them into exit 2."""

from __future__ import annotations

import os
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, PrivateAttr

from permitlogic.models.out import Location


class Problem(BaseModel):
    """One thing wrong with an input: where, which key, what was expected (zh + en)."""

    model_config = ConfigDict(extra="forbid")

    location: Location
    message_zh: str
    message_en: str
    _more: int = PrivateAttr(default=0)
    """On the "and N more" line only: N."""

    def describe(self, lang: str = "zh") -> str:
        where = self.location.describe()
        key = f" [{self.location.key}]" if self.location.key else ""
        message = self.message_zh if lang == "zh" else self.message_en
        return f"{where}{key}: {message}"


MAX_ERRORS_ENV = "PERMITLOGIC_MAX_ERRORS"
DEFAULT_MAX_ERRORS = 1000


def max_errors() -> int:
    """Problems listed for one input: $PERMITLOGIC_MAX_ERRORS, else 1000."""
    raw = os.environ.get(MAX_ERRORS_ENV, "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_ERRORS


class InputError(Exception):
    """An input (catalog, rule pack, decision input, CLI option) is invalid.

    Carries every problem found in the input at once (一次性告知), not just the first,
    up to :func:`max_errors`; past it the last problem says how many more there were.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = _capped(list(problems))
        super().__init__("\n".join(p.describe("en") for p in self.problems))

    @classmethod
    def single(
        cls, file: str | None, message_zh: str, message_en: str, **where: object
    ) -> InputError:
        location = Location(file=file, **where)  # type: ignore[arg-type,unused-ignore]
        return cls([Problem(location=location, message_zh=message_zh, message_en=message_en)])

    def describe(self, lang: str = "zh") -> str:
        return "\n".join(p.describe(lang) for p in self.problems)


def _capped(problems: list[Problem]) -> list[Problem]:
    cap = max_errors()
    listed = [p for p in problems if not p._more]
    more = sum(p._more for p in problems) + max(len(listed) - cap, 0)
    if not more:
        return problems
    summary = Problem(
        location=Location(file=problems[0].location.file),
        message_zh=f"……另有 {more} 个问题未列出（上限 {cap}，可用环境变量 {MAX_ERRORS_ENV} 调整）",
        message_en=f"... and {more} more problems (limit {cap}; set {MAX_ERRORS_ENV} to change it)",
    )
    summary._more = more
    return [*listed[:cap], summary]
