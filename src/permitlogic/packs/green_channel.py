"""The green-channel pack (``rules/green-channel.yaml``): the 1+3+2+1 baseline as data.

Which project categories may enter the green channel, the designation an
emergency project needs, each baseline condition (id GC-…, the project field
it reads, messages, citation), the urban-only dust deposit, and what follows
when a project is eligible. A county edits the YAML; the code holds no
county's conditions.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from permitlogic.models.decision import Project, ProjectCategory
from permitlogic.models.input_fields import IsoDate, Loc, raise_at
from permitlogic.packs.location import default_rules_dir
from permitlogic.packs.yaml_pack import load_pack, load_pack_in

GREEN_CHANNEL_PACK = "green-channel.yaml"
RULE_ID = r"^[A-Z]{2}-[0-9A-Za-z._-]+$"


def pack_fingerprint(pack: BaseModel) -> str:
    """``sha256:`` and 16 hex digits over the pack's canonical JSON: what decisions carry."""
    canonical = json.dumps(
        pack.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def project_flags() -> frozenset[str]:
    """The yes/no fields of a project, which conditions may read."""
    return frozenset(name for name, info in Project.model_fields.items() if info.annotation is bool)


def duplicate_rule_id(where: Loc, rule_id: str) -> tuple[Loc, str, object]:
    """The problem of a rule id given twice in one pack, at ``where``."""
    return (where, f"duplicate rule id {rule_id} / 规则编号重复：{rule_id}", rule_id)


class PackModel(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class DecisionPack(PackModel):
    """A pack decisions are made by: they carry its fingerprint as their ``pack_version``."""

    @cached_property
    def fingerprint(self) -> str:
        """The version hash decisions carry in ``pack_version``."""
        return pack_fingerprint(self)


class Text(PackModel):
    zh: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]


class Requirement(PackModel):
    """What a category needs besides belonging to it (e.g. designation by the county)."""

    field: str
    message_zh: Annotated[str, Field(min_length=1)]
    message_en: Annotated[str, Field(min_length=1)]


class CategoryRule(PackModel):
    """One project category: whether it may enter, and on what."""

    category: Annotated[ProjectCategory, Field(strict=False)]
    name_zh: Annotated[str, Field(min_length=1)]
    name_en: Annotated[str, Field(min_length=1)]
    eligible: bool
    requires: Requirement | None = None
    message_zh: str | None = None
    message_en: str | None = None

    @model_validator(mode="after")
    def _message_when_excluded(self) -> Self:
        problems: list[tuple[Loc, str, object]] = []
        if not self.eligible:
            for key in ("message_zh", "message_en"):
                if not getattr(self, key):
                    problems.append(
                        (
                            (key,),
                            f"a category that cannot enter needs {key} / 不可纳入的类别须写明 {key}",
                            None,
                        )
                    )
            if self.requires is not None:
                problems.append(
                    (
                        ("requires",),
                        "a category that cannot enter has no requirement / "
                        "不可纳入的类别不应再设条件（requires）",
                        None,
                    )
                )
        raise_at("CategoryRule", problems)
        return self


class Scope(PackModel):
    """The first rule (GC-0): the project is of a category the green channel serves."""

    id: Annotated[str, Field(pattern=RULE_ID)]
    name_zh: Annotated[str, Field(min_length=1)]
    name_en: Annotated[str, Field(min_length=1)]
    citation: Annotated[str, Field(min_length=1)]
    # Register references (rules/law: ``xzxkf:32``) of what the citation rests on.
    law: list[str] = Field(default_factory=list)
    categories: Annotated[list[CategoryRule], Field(min_length=1)]


class BaselineCondition(PackModel):
    """A baseline condition: the project field it reads must be true."""

    id: Annotated[str, Field(pattern=RULE_ID)]
    field: str
    applies_when: str | None = None
    name_zh: Annotated[str, Field(min_length=1)]
    name_en: Annotated[str, Field(min_length=1)]
    message_zh: Annotated[str, Field(min_length=1)]
    message_en: Annotated[str, Field(min_length=1)]
    citation: Annotated[str, Field(min_length=1)]
    # Register references (rules/law: ``xzxkf:32``) of what the citation rests on.
    law: list[str] = Field(default_factory=list)


class GreenChannelPack(DecisionPack):
    """Categories, baseline conditions in the order decisions list them, and the effect."""

    version: str
    effective: IsoDate | None = None
    jurisdiction: str | None = None
    scope: Scope
    conditions: Annotated[list[BaselineCondition], Field(min_length=1)]
    effect: Text

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        problems: list[tuple[Loc, str, object]] = []
        flags = project_flags()
        allowed = ", ".join(sorted(flags))
        seen: dict[ProjectCategory, int] = {}
        for index, rule in enumerate(self.scope.categories):
            if rule.category in seen:
                problems.append(
                    (
                        ("scope", "categories", index, "category"),
                        f"category {rule.category.value} is listed twice / 类别重复：{rule.category.value}",
                        rule.category.value,
                    )
                )
            seen[rule.category] = index
            if rule.requires is not None and rule.requires.field not in flags:
                problems.append(
                    (
                        ("scope", "categories", index, "requires", "field"),
                        f"no such project field (one of {allowed}) / 项目没有这个字段",
                        rule.requires.field,
                    )
                )
        for category in ProjectCategory:
            if category not in seen:
                problems.append(
                    (
                        ("scope", "categories"),
                        f"category {category.value} is missing: every category must be listed / "
                        f"缺少类别 {category.value}：每个项目类别都须写明能否纳入",
                        None,
                    )
                )
        ids = {self.scope.id}
        for index, condition in enumerate(self.conditions):
            if condition.id in ids:
                problems.append(duplicate_rule_id(("conditions", index, "id"), condition.id))
            ids.add(condition.id)
            for key in ("field", "applies_when"):
                value = getattr(condition, key)
                if value is not None and value not in flags:
                    problems.append(
                        (
                            ("conditions", index, key),
                            f"no such project field (one of {allowed}) / 项目没有这个字段",
                            value,
                        )
                    )
        raise_at("GreenChannelPack", problems)
        return self

    def rule_ids(self) -> list[str]:
        """Every rule id, in the order decisions list them."""
        return [self.scope.id, *(c.id for c in self.conditions)]


def load_green_channel_pack(rules_dir: Path | None = None) -> GreenChannelPack:
    """The green-channel pack of ``rules_dir`` (the bundled one by default)."""
    return load_pack_in(GreenChannelPack, rules_dir, GREEN_CHANNEL_PACK, bundled_green_channel_pack)


@cache
def bundled_green_channel_pack() -> GreenChannelPack:
    return load_pack(GreenChannelPack, default_rules_dir() / GREEN_CHANNEL_PACK)
