"""The upper level's reference list (PL204/PL205): abolished and devolved items."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from permitlogic.models.catalog import Strict
from permitlogic.models.input_fields import IsoDate
from permitlogic.models.text_policy import Name, Text


class ReferenceStatus(StrEnum):
    abolished = "abolished"
    devolved = "devolved"


class ReferenceEntry(Strict):
    name: Name
    status: Annotated[ReferenceStatus, Field(strict=False)]
    document: Text | None = None
    date: IsoDate | None = None


class ReferenceList(Strict):
    entries: list[ReferenceEntry]
