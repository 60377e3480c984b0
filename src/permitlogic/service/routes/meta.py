"""GET /healthz and GET /v1/rules: is the service up, and what the checks are."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from permitlogic import __version__
from permitlogic.checks.registry import documented_rules, rule_as_json
from permitlogic.service.errors import ServiceError
from permitlogic.service.schemas import ErrorBody, Health, RuleDoc
from permitlogic.service.state import State

router = APIRouter()


@router.get("/healthz", response_model=Health, tags=["service"], summary="健康检查 / health")
async def healthz(state: State) -> Health:
    """`ok` when the service is up; also the version and each rule pack's version hash."""
    return Health(
        version=__version__,
        pack_versions=state.engine.pack_versions,
        catalogs=len(state.catalogs),
    )


@router.get(
    "/v1/rules",
    response_model=list[RuleDoc],
    tags=["rules"],
    summary="检查规则及其说明 / the checks and their docs",
)
async def list_rules() -> list[RuleDoc]:
    """Every check (id, name, severity, citation) with its doc in Chinese and English."""
    return [RuleDoc.model_validate(rule_as_json(meta)) for meta in documented_rules().values()]


@router.get(
    "/v1/rules/{rule_id}",
    response_model=RuleDoc,
    responses={
        404: {"model": ErrorBody, "description": "No check has this id"},
        422: {"model": ErrorBody, "description": "The id is not a check id"},
    },
    tags=["rules"],
    summary="一条检查规则 / one check",
)
async def one_rule(
    rule_id: Annotated[str, Path(description="a check id, e.g. PL101", max_length=32)],
) -> RuleDoc:
    """One check and its doc (`permitlogic rules ID`)."""
    meta = documented_rules().get(rule_id.upper())
    if meta is None:
        raise ServiceError.single(
            404,
            ["path", "rule_id"],
            "unknown_rule",
            f"没有规则 {rule_id}",
            f"no check {rule_id} (see GET /v1/rules)",
        )
    return RuleDoc.model_validate(rule_as_json(meta))
