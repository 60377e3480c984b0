"""The judgements of a real sample (cases/real/<sample>/judgements.yaml) and how they apply.

A judgements file names the sample's catalog file and gives a verdict for
findings: per finding (rule and items), or per rule with a reason that
holds for every finding of that rule (the file says who judged and when).
A finding that no entry covers is *unjudged*.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from permitlogic.models.input_fields import IsoDate
from permitlogic.models.report import Finding
from permitlogic.packs.yaml_pack import load_pack

JUDGEMENTS = "judgements.yaml"

Verdict = Literal["true", "false"]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Reasoned(_Strict):
    verdict: Verdict
    reason_zh: Annotated[str, Field(min_length=1)]
    reason_en: Annotated[str, Field(min_length=1)]


class FindingJudgement(Reasoned):
    rule: str
    items: list[str] = Field(min_length=1)


class Judgements(_Strict):
    catalog: Annotated[str, Field(min_length=1)]
    judged: IsoDate
    by: Annotated[str, Field(min_length=1)]
    rules: dict[str, Reasoned] = Field(default_factory=dict)
    findings: list[FindingJudgement] = Field(default_factory=list)

    def of(self, finding: Finding) -> Reasoned | None:
        """The verdict on ``finding``: its own entry first, else its rule's, else None."""
        for entry in self.findings:
            if entry.rule == finding.rule and entry.items == finding.items:
                return entry
        return self.rules.get(finding.rule)


def load_judgements(directory: Path) -> Judgements:
    return load_pack(Judgements, directory / JUDGEMENTS)
