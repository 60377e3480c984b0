"""Request body types of one service, built from its limits (they appear in the OpenAPI too)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, Discriminator, Field, Tag, WrapValidator

from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Application, Project
from permitlogic.service.guards import (
    batch_validator,
    bounded_errors,
    catalog_guard,
    shape_guard,
)
from permitlogic.service.schemas import BATCH, SINGLE, body_shape
from permitlogic.service.settings import ServiceSettings

MAX_NESTED_LIST = 1_000
"""Elements of a list inside one decision input (e.g. the submitted materials)."""


@dataclass(frozen=True)
class BodyTypes:
    """``Annotated`` types for FastAPI: one input or a batch, and a catalog."""

    projects: Any
    applications: Any
    catalog: Any


def _one_or_many(model: type[Project] | type[Application], max_list: int) -> Any:
    one = Annotated[
        model,  # type: ignore[valid-type]
        BeforeValidator(shape_guard(MAX_NESTED_LIST)),
        WrapValidator(bounded_errors),
        Tag(SINGLE),
    ]
    many = Annotated[
        list[model],  # type: ignore[valid-type]
        Field(max_length=max_list),
        WrapValidator(batch_validator(model, max_list)),
        Tag(BATCH),
    ]
    return Annotated[one | many, Discriminator(body_shape)]


def body_types(settings: ServiceSettings) -> BodyTypes:
    catalog_lists = max(settings.max_catalog_items, MAX_NESTED_LIST)
    return BodyTypes(
        projects=_one_or_many(Project, settings.max_list),
        applications=_one_or_many(Application, settings.max_list),
        catalog=Annotated[
            Catalog,
            BeforeValidator(catalog_guard(settings.max_catalog_items, catalog_lists)),
            WrapValidator(bounded_errors),
        ],
    )
