"""The register's data model: documents, their articles and where each was verified."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from permitlogic.law.numerals import write_number

__all__ = ["Article", "Deadline", "LawDocument", "Source", "article_label"]

Level = Literal[
    "law",
    "administrative_regulation",
    "state_council_decision",
    "local_regulation",
    "departmental_rule",
    "provincial_rule",
    "local_rule",
    "normative_document",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Deadline(_Strict):
    """A time limit an article sets, and the case it sets it for."""

    days: Annotated[int, Field(ge=0)]
    unit: Literal["working", "calendar", "unspecified"] = "unspecified"
    extension: Annotated[int, Field(ge=0)] | None = None
    case_zh: str
    case_en: str
    joint: bool = False
    applicant: bool = False  # a deadline on the applicant, not on the agency


class Source(_Strict):
    """Where a text was read: a repository file at a commit, or a public address."""

    name: str
    address: str
    path: str | None = None
    commit: str | None = None


class Article(_Strict):
    """One cited article (条) or catalogue entry (项) with a short quote."""

    label: Annotated[str, Field(min_length=1)]
    quote: str | None = None
    verified: Annotated[str, Field(min_length=1)]
    note: str | None = None
    deadlines: list[Deadline] = Field(default_factory=list)
    source: Source | None = None  # when not the document's own source


class LawDocument(_Strict):
    """One legal document: what it is, which version is in force, its cited articles."""

    key: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    title: Annotated[str, Field(min_length=1)]
    aliases: list[str] = Field(default_factory=list)
    issuer: Annotated[str, Field(min_length=1)]
    level: Level
    number: str | None = None
    version: date
    status: Literal["in_force", "superseded", "repealed"] = "in_force"
    history: list[str] = Field(default_factory=list)
    source: Source
    quote: str | None = None  # for a document cited as a whole (no articles)
    verified: Annotated[str, Field(min_length=1)]
    note: str | None = None
    articles: dict[str, Article] = Field(default_factory=dict)

    @field_validator("articles", mode="before")
    @classmethod
    def _string_keys(cls, value: object) -> object:
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items()}
        return value

    @property
    def short_title(self) -> str:
        return self.title.removeprefix("中华人民共和国")


def article_label(article_id: str) -> str:
    """``"34"`` → ``第三十四条``; ``"item112"`` → ``第112项``."""
    if article_id.startswith("item"):
        return f"第{article_id[4:]}项"
    return f"第{write_number(int(article_id))}条"
