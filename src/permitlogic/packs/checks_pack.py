"""The checks pack (``rules/checks.yaml``): thresholds, severities, the basis-level table."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from permitlogic.models.catalog import Level
from permitlogic.models.input_fields import IsoDate
from permitlogic.models.report import Severity
from permitlogic.packs.location import default_rules_dir
from permitlogic.packs.yaml_pack import load_pack, load_pack_in

CHECKS_PACK = "checks.yaml"


class PackModel(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class MaySet(StrEnum):
    yes = "yes"
    temporary = "temporary"
    no = "no"


class LevelRule(PackModel):
    """What one level of legal basis may do, and the article that says so."""

    may_set_license: Annotated[MaySet, Field(strict=False)]
    may_make_prerequisite: bool
    citation: str
    law: list[str] = Field(default_factory=list)


class Thresholds(PackModel):
    reduction_target: Annotated[float, Field(ge=0, le=1, strict=False)] = 0.30
    max_review_levels: Annotated[int, Field(ge=1)] = 2
    single_review_rate: Annotated[float, Field(ge=0, le=1, strict=False)] = 0.90
    on_the_spot_rate: Annotated[float, Field(ge=0, le=1, strict=False)] = 0.60
    joint_bound_days: Annotated[int, Field(ge=1)] = 45
    statute_default_days: Annotated[int, Field(ge=1)] = 20
    statute_joint_days: Annotated[int, Field(ge=1)] = 45


class ChecksPack(PackModel):
    """Thresholds and tables a jurisdiction may change; never a check's meaning."""

    version: str
    effective: IsoDate | None = None
    jurisdiction: str | None = None
    severity: dict[str, Annotated[Severity, Field(strict=False)]] = Field(default_factory=dict)
    thresholds: Thresholds = Field(default_factory=Thresholds)
    basis_levels: dict[Annotated[Level, Field(strict=False)], LevelRule]
    citations: dict[str, str] = Field(default_factory=dict)

    def level(self, level: Level) -> LevelRule:
        return self.basis_levels[level]


def load_checks_pack(rules_dir: Path | None = None) -> ChecksPack:
    """The checks pack of ``rules_dir`` (the bundled one by default)."""
    return load_pack_in(ChecksPack, rules_dir, CHECKS_PACK, bundled_checks_pack)


@cache
def bundled_checks_pack() -> ChecksPack:
    return load_pack(ChecksPack, default_rules_dir() / CHECKS_PACK)
