"""Request and response shapes of the HTTP service that are not domain models."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from permitlogic.models.decision import DeferralDecision, GreenChannelDecision
from permitlogic.models.report import LawQuote, Out

SINGLE = "single"
BATCH = "batch"
SHAPE_TAGS = frozenset({SINGLE, BATCH})
"""Union tags pydantic puts in an error's location; the error handler removes them."""


def body_shape(value: Any) -> str:
    """A JSON array is a batch; anything else is read as one object (and validated as one)."""
    return BATCH if isinstance(value, list) else SINGLE


GreenChannelAnswer = GreenChannelDecision | list[GreenChannelDecision]
DeferralAnswer = DeferralDecision | list[DeferralDecision]


class ErrorDetail(Out):
    """One thing wrong with a request: where (``loc`` and a readable ``path``) and why (zh + en)."""

    loc: list[str | int]
    path: Annotated[
        str,
        Field(
            description="The bad field as a key path, e.g. `items[3].kind` or `[12].urban`; "
            "empty for the body as a whole."
        ),
    ]
    type: str
    message_zh: str
    message_en: str


class ErrorBody(Out):
    """Every error response (400, 404, 409, 413, 422, 503) has this shape."""

    detail: list[ErrorDetail]


class Health(Out):
    status: str = "ok"
    version: str
    pack_versions: dict[str, str] = Field(
        description="the version hash of each rule pack, as decisions carry it"
    )
    catalogs: int


class CatalogRegistered(Out):
    """A catalog now registered: deferral decisions name it by ``id``."""

    id: str
    items: int
    sha256: str
    replaced: bool = Field(
        description="true when a catalog with this id was registered before and is now replaced"
    )


class CatalogSummary(Out):
    id: str
    jurisdiction: str
    items: int
    sha256: str


class RuleDoc(BaseModel):
    """A check and its documentation (what ``permitlogic rules ID --json`` prints)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    name_zh: str
    severity: str
    citation: str
    law: list[LawQuote] = Field(default_factory=list)
    summary_zh: str
    summary_en: str
    doc_zh: str
    doc_en: str


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "The body could not be read as JSON"},
    413: {"model": ErrorBody, "description": "The body, the list or the catalog is too large"},
    422: {"model": ErrorBody, "description": "A field is invalid: its path and a zh/en message"},
    503: {"model": ErrorBody, "description": "The decision log cannot be written"},
}
