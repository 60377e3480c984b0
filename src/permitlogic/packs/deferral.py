"""The deferral pack (``rules/deferral.yaml``): when 容缺受理 is allowed, as data.

The deadline for deferred materials (N working days, 5 by default), the
deadline of the 一次性告知 notice (5 working days, 行政许可法 Art. 32), which
credit states exclude an applicant, the items and departments where deferral
is forbidden, and each rule (id DF-…, the check it performs, messages,
citation) in the order decisions list them. What a check means is fixed in
code (decisions.md); its id, words, citation and numbers are the county's.
"""

from __future__ import annotations

import string
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Self

from pydantic import Field, model_validator

from permitlogic.models.decision import Credit, DeferralOutcome
from permitlogic.models.input_fields import IsoDate, Loc, raise_at
from permitlogic.packs.green_channel import RULE_ID, DecisionPack, PackModel, duplicate_rule_id
from permitlogic.packs.location import default_rules_dir
from permitlogic.packs.yaml_pack import load_pack, load_pack_in

DEFERRAL_PACK = "deferral.yaml"

PLACEHOLDERS = frozenset({"item", "department", "materials", "credit"})
"""What a message may name: ``{item}``, ``{department}``, ``{materials}``, ``{credit}``."""


class DeferralCheck(StrEnum):
    """What a rule checks; each appears exactly once in a pack."""

    item_listed = "item_listed"
    """The item is in the catalog (目录之外无审批)."""
    materials_known = "materials_known"
    """Every submitted material is one the item asks for."""
    core_complete = "core_complete"
    """No core material (核心要件) is missing."""
    commitment_signed = "commitment_signed"
    """Non-core materials are missing only with a signed commitment (信用承诺)."""
    credit_allowed = "credit_allowed"
    """An applicant asking for deferral is not in an excluded credit state (失信)."""
    deferral_allowed = "deferral_allowed"
    """The item and its department are not ones where deferral is forbidden."""

    @property
    def outcome(self) -> DeferralOutcome:
        """The decision when this rule is not met (decisions.md, first match wins)."""
        if self in (DeferralCheck.item_listed, DeferralCheck.materials_known):
            return DeferralOutcome.reject
        return DeferralOutcome.notice


class DeferralRule(PackModel):
    id: Annotated[str, Field(pattern=RULE_ID)]
    check: Annotated[DeferralCheck, Field(strict=False)]
    name_zh: Annotated[str, Field(min_length=1)]
    name_en: Annotated[str, Field(min_length=1)]
    message_zh: Annotated[str, Field(min_length=1)]
    message_en: Annotated[str, Field(min_length=1)]
    citation: Annotated[str, Field(min_length=1)]
    # Register references (rules/law: ``xzxkf:32``) of what the citation rests on.
    law: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_placeholders(self) -> Self:
        problems: list[tuple[Loc, str, object]] = []
        for key in ("message_zh", "message_en"):
            text = getattr(self, key)
            try:
                names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            except ValueError as exc:
                problems.append(
                    ((key,), f"bad placeholder: {exc} / 占位符写法错误（花括号不成对？）", text)
                )
                continue
            unknown = sorted(names - PLACEHOLDERS)
            if unknown:
                problems.append(
                    (
                        (key,),
                        f"unknown placeholder {', '.join(unknown)} (allowed: "
                        f"{', '.join(sorted(PLACEHOLDERS))}) / 不认识的占位符 {', '.join(unknown)}",
                        text,
                    )
                )
        raise_at("DeferralRule", problems)
        return self


class ForbiddenDeferral(PackModel):
    """Items (by id) and departments (by name) where no material may be deferred."""

    items: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    departments: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)


class DeferralPack(DecisionPack):
    version: str
    effective: IsoDate | None = None
    jurisdiction: str | None = None
    deadline_working_days: Annotated[int, Field(ge=1, le=60)] = 5
    notice_working_days: Annotated[int, Field(ge=1, le=60)] = 5
    notice_citation: Annotated[str, Field(min_length=1)]
    notice_law: list[str] = Field(default_factory=list)
    excluded_credit: list[Annotated[Credit, Field(strict=False)]] = Field(
        default_factory=lambda: [Credit.blacklisted]
    )
    deferral_forbidden: ForbiddenDeferral = Field(default_factory=ForbiddenDeferral)
    rules: list[DeferralRule]

    @model_validator(mode="after")
    def _every_check_once(self) -> Self:
        problems: list[tuple[Loc, str, object]] = []
        checks: set[DeferralCheck] = set()
        ids: set[str] = set()
        for index, rule in enumerate(self.rules):
            if rule.check in checks:
                problems.append(
                    (
                        ("rules", index, "check"),
                        f"check {rule.check.value} appears twice / 检查 {rule.check.value} 重复",
                        rule.check.value,
                    )
                )
            if rule.id in ids:
                problems.append(duplicate_rule_id(("rules", index, "id"), rule.id))
            checks.add(rule.check)
            ids.add(rule.id)
        for check in DeferralCheck:
            if check not in checks:
                problems.append(
                    (
                        ("rules",),
                        f"no rule performs the check {check.value} / 缺少检查 {check.value} 的规则",
                        None,
                    )
                )
        raise_at("DeferralPack", problems)
        return self

    def rule_ids(self) -> list[str]:
        return [rule.id for rule in self.rules]

    def rule_for(self, check: DeferralCheck) -> DeferralRule:
        return next(rule for rule in self.rules if rule.check is check)


def load_deferral_pack(rules_dir: Path | None = None) -> DeferralPack:
    """The deferral pack of ``rules_dir`` (the bundled one by default)."""
    return load_pack_in(DeferralPack, rules_dir, DEFERRAL_PACK, bundled_deferral_pack)


@cache
def bundled_deferral_pack() -> DeferralPack:
    return load_pack(DeferralPack, default_rules_dir() / DEFERRAL_PACK)
