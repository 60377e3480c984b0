"""Input errors as values with locations, until the CLI turns them into exit 2."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from permitlogic.models.report import Location


class Problem(BaseModel):
    """One thing wrong with an input: where, which key, what was expected (zh + en)."""

    model_config = ConfigDict(extra="forbid")

    location: Location
    message_zh: str
    message_en: str

    def describe(self, lang: str = "zh") -> str:
        where = self.location.describe()
        key = f" [{self.location.key}]" if self.location.key else ""
        message = self.message_zh if lang == "zh" else self.message_en
        return f"{where}{key}: {message}"


class InputError(Exception):
    """An input (catalog, rule pack, decision input, CLI option) is invalid.

    Carries every problem found in the input at once (一次性告知), not just the first.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.describe("en") for p in self.problems))

    @classmethod
    def single(
        cls, file: str | None, message_zh: str, message_en: str, **where: object
    ) -> InputError:
        location = Location(file=file, **where)  # type: ignore[arg-type,unused-ignore]
        return cls([Problem(location=location, message_zh=message_zh, message_en=message_en)])

    def describe(self, lang: str = "zh") -> str:
        return "\n".join(p.describe(lang) for p in self.problems)
