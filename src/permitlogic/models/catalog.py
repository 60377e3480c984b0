"""The catalog (审批事项目录): the one shape every loader produces.

Field names are the canonical keys of the catalog format (v1); see
``catalog-format.md``. Models are strict and forbid unknown keys: a typo in a
legal catalog must never pass silently.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)
from pydantic.functional_validators import ModelWrapValidatorHandler

from permitlogic.models.fields_sets import share_fields_sets
from permitlogic.models.input_fields import IsoDate, Loc, raise_at
from permitlogic.models.published_flag import PUBLISHED, is_published, published_data
from permitlogic.models.text_policy import Id, Name, Text

ID_PATTERN = r"^[A-Za-z0-9._-]+$"

STATUTE_DEFAULT_DAYS = 20
"""行政许可法 Art. 42: decide within 20 working days."""
STATUTE_JOINT_DAYS = 45
"""行政许可法 Art. 42: joint / unified handling within 45 working days."""


class Strict(BaseModel):
    """Base of every input model: strict types, unknown keys rejected."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Level(StrEnum):
    """Level of a legal basis (设定依据层级), strongest first."""

    law = "law"
    administrative_regulation = "administrative_regulation"
    state_council_decision = "state_council_decision"
    local_regulation = "local_regulation"
    provincial_rule = "provincial_rule"
    departmental_rule = "departmental_rule"
    local_rule = "local_rule"
    normative_document = "normative_document"

    @property
    def rank(self) -> int:
        """0 for the strongest level (law)."""
        return _LEVEL_RANK[self]

    @property
    def zh(self) -> str:
        return LEVEL_ZH[self]


_LEVEL_RANK: dict[Level, int] = {level: rank for rank, level in enumerate(Level)}

LEVEL_ZH: dict[Level, str] = {
    Level.law: "法律",
    Level.administrative_regulation: "行政法规",
    Level.state_council_decision: "国务院决定",
    Level.local_regulation: "地方性法规",
    Level.provincial_rule: "省级政府规章",
    Level.departmental_rule: "部门规章",
    Level.local_rule: "设区的市政府规章",
    Level.normative_document: "规范性文件",
}


UNCLASSIFIED = "unclassified"
UNCLASSIFIED_ZH = "未分类"


class Kind(StrEnum):
    """Kind of item (事项类型): the approval kinds and the other categories of a 权责清单."""

    license = "license"
    non_license = "non_license"
    filing = "filing"
    service = "service"
    intermediary = "intermediary"
    penalty = "penalty"
    enforcement = "enforcement"
    levy = "levy"
    payment = "payment"
    inspection = "inspection"
    confirmation = "confirmation"
    reward = "reward"
    adjudication = "adjudication"
    other_power = "other_power"

    @property
    def zh(self) -> str:
        return KIND_ZH[self]


KIND_ZH: dict[Kind, str] = {
    Kind.license: "行政许可",
    Kind.non_license: "非行政许可审批",
    Kind.filing: "备案",
    Kind.service: "公共服务",
    Kind.intermediary: "中介服务",
    Kind.penalty: "行政处罚",
    Kind.enforcement: "行政强制",
    Kind.levy: "行政征收",
    Kind.payment: "行政给付",
    Kind.inspection: "行政检查",
    Kind.confirmation: "行政确认",
    Kind.reward: "行政奖励",
    Kind.adjudication: "行政裁决",
    Kind.other_power: "其他行政权力",
}

APPROVAL_KINDS: frozenset[Kind] = frozenset(
    {Kind.license, Kind.non_license, Kind.filing, Kind.service, Kind.intermediary}
)
"""The kinds an approval catalog (审批事项目录) lists; the checks read these by default."""

ALL_KINDS: frozenset[Kind] = frozenset(Kind)


class DayUnit(StrEnum):
    """How a time limit counts: working days (工作日) or calendar days (自然日)."""

    working = "working"
    calendar = "calendar"

    @property
    def zh(self) -> str:
        return "个工作日" if self is DayUnit.working else "日（自然日）"


class DecisionKind(StrEnum):
    """Whether the department may refuse (approve_or_refuse) or only records."""

    approve_or_refuse = "approve_or_refuse"
    record_only = "record_only"


class AdminLevel(StrEnum):
    county = "county"
    district = "district"
    city = "city"
    province = "province"


LevelField = Annotated[Level, Field(strict=False)]
DayUnitField = Annotated[DayUnit, Field(strict=False)]
KindField = Annotated[Kind, Field(strict=False)]
DecisionKindField = Annotated[DecisionKind, Field(strict=False)]
AdminLevelField = Annotated[AdminLevel, Field(strict=False)]


class Basis(Strict):
    """A legal basis (设定依据): level, title and, as expected, the article.

    A basis read from a published list may be *unclassified* (``level`` None):
    its level is unknown, and no check reads it as any level. ``document_number``
    is the 文号, ``issuer`` the body that made it, ``text`` the published words
    it was read from.
    """

    level: LevelField | None = None
    title: Name
    article: Text | None = None
    document_number: Name | None = None
    issuer: Name | None = None
    text: Text | None = None

    @property
    def level_zh(self) -> str:
        """The level in Chinese, 未分类 when unclassified."""
        return self.level.zh if self.level is not None else UNCLASSIFIED_ZH

    @property
    def level_key(self) -> str:
        """The level's key, ``unclassified`` when unclassified."""
        return self.level.value if self.level is not None else UNCLASSIFIED

    def cite(self) -> str:
        """《title》article, as a citation reads in Chinese."""
        title = self.title if self.title.startswith("《") else f"《{self.title}》"
        return f"{title}{self.article or ''}"


class Prerequisite(Strict):
    """A prerequisite (前置条件): an item of this catalog or an external one."""

    item: Id | None = None
    external: Name | None = None
    basis: Basis | None = None

    @model_validator(mode="after")
    def _item_or_external(self) -> Self:
        if (self.item is None) == (self.external is None):
            raise ValueError(
                "a prerequisite names exactly one of `item` or `external` / "
                "前置条件须且只能填写 item（本目录事项）或 external（外部条件）之一"
            )
        return self

    @property
    def target(self) -> str:
        """The item id, or the external prerequisite's name."""
        return self.item if self.item is not None else str(self.external)


class Material(Strict):
    """An application material (申请材料).

    ``required`` (必要/非必要), ``form`` (原件/复印件/电子…) and ``source``
    (申请人自备, 政府部门核发 …) are as published; None when not given.
    """

    id: Id
    name: Name
    core: bool = False
    issued_by: Name | None = None
    required: bool | None = None
    form: Name | None = None
    source: Text | None = None


class Transaction(Strict):
    """A transaction of an item (业务办理项: 新办, 变更, 延续, 注销, 补证 …), with its own code."""

    name: Name
    code: Id | None = None


class Item(Strict):
    """An approval item (审批事项), or any item of a published 权责清单 / 政务服务事项目录.

    In a catalog written for permitlogic (v1) ``on_the_spot``, ``review_levels``
    and ``decision`` default to false, 1 and approve_or_refuse (record_only for
    a filing), and a license states ``promised_days``. In a ``published``
    catalog every field the list may lack is optional and None means *unknown*:
    a check that needs it does not judge the item (the report counts these).
    """

    id: Annotated[Id, Field(pattern=ID_PATTERN)]
    name: Name
    department: Name
    kind: KindField
    basic_code: Id | None = None
    implementation_code: Id | None = None
    parent: Id | None = None
    transactions: list[Transaction] = Field(default_factory=list)
    basis: list[Basis] = Field(default_factory=list)
    implementation_basis: list[Basis] = Field(default_factory=list)
    statutory_days: Annotated[int, Field(ge=0)] | None = None
    statutory_unit: DayUnitField = DayUnit.working
    promised_days: Annotated[int, Field(ge=0)] | None = None
    promised_unit: DayUnitField = DayUnit.working
    exercise_level: Name | None = None
    """The level of exercise (行使层级) as published, e.g. 市级、县级."""
    statutory_text: Text | None = None
    """The published wording of the statutory limit (法定时限说明), as the list gives it."""
    promised_text: Text | None = None
    """The published wording of the promised limit (承诺时限说明), as the list gives it."""
    previous_promised_days: Annotated[int, Field(ge=0)] | None = None
    review_levels: Annotated[int, Field(ge=1)] | None = None
    on_the_spot: bool | None = None
    joint: bool = False
    decision: DecisionKindField | None = None
    prerequisites: list[Prerequisite] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cross_fields(self, info: ValidationInfo) -> Self:
        problems: list[tuple[Loc, str, object]] = []
        published = is_published(info)
        if not published:
            self._v1_defaults()
        if (
            not published
            and self.kind in (Kind.license, Kind.non_license)
            and self.promised_days is None
        ):
            problems.append(
                (
                    ("promised_days",),
                    "promised_days is required for a license or non_license item / "
                    "行政许可和非行政许可审批事项必须填写承诺时限（promised_days）",
                    None,
                )
            )
        seen: set[str] = set()
        materials = self.materials
        # Nearly every item's material ids differ: one set tells, before any loop.
        duplicated = len({m.id for m in materials}) != len(materials)
        for index, material in enumerate(materials if duplicated else ()):
            if material.id in seen:
                problems.append(
                    (
                        ("materials", index, "id"),
                        f"duplicate material id {material.id} / 申请材料编号重复：{material.id}",
                        material.id,
                    )
                )
            seen.add(material.id)
        raise_at("Item", problems)
        self._share_fields_sets()
        return self

    def _v1_defaults(self) -> None:
        """v1 defaults: not on the spot, one review, and a filing only records (what 备案 means).

        Applied to the fields the input did not give (one given as null stays unknown);
        here rather than as field defaults, which a published catalog must not get.
        """
        given = self.__pydantic_fields_set__
        if "on_the_spot" not in given and self.on_the_spot is None:
            object.__setattr__(self, "on_the_spot", False)
        if "review_levels" not in given and self.review_levels is None:
            object.__setattr__(self, "review_levels", 1)
        if "decision" not in given and self.decision is None:
            decision = (
                DecisionKind.record_only
                if self.kind is Kind.filing
                else DecisionKind.approve_or_refuse
            )
            object.__setattr__(self, "decision", decision)

    def _share_fields_sets(self) -> None:
        bases = [p.basis for p in self.prerequisites if p.basis is not None]
        share_fields_sets(
            (
                self,
                *self.transactions,
                *self.basis,
                *self.implementation_basis,
                *self.materials,
                *self.prerequisites,
                *bases,
            )
        )

    @property
    def statute_days(self) -> int:
        """The statutory limit: statutory_days, or the Art. 42 default (20, joint 45)."""
        if self.statutory_days is not None:
            return self.statutory_days
        return STATUTE_JOINT_DAYS if self.joint else STATUTE_DEFAULT_DAYS

    @property
    def days(self) -> int:
        """Days this item takes in a schedule: its promise, else 0 on the spot, else statute."""
        if self.promised_days is not None:
            return self.promised_days
        return 0 if self.on_the_spot else self.statute_days


class CatalogMeta(Strict):
    """The catalog's identity. ``published``: read from a list as published (unknowns allowed)."""

    id: Annotated[Id, Field(pattern=ID_PATTERN)]
    jurisdiction: Name
    level: AdminLevelField = AdminLevel.county
    effective: IsoDate | None = None
    published: bool = False
    source: Name | None = None


class Stage(Strict):
    name: Name
    bound_days: Annotated[int, Field(ge=0)] | None = None
    joint: bool | None = None
    items: list[Id] = Field(default_factory=list)


class Chain(Strict):
    """A project path (工程建设项目审批流程): stages run one after another."""

    id: Annotated[Id, Field(pattern=ID_PATTERN)]
    name: Name
    bound_days: Annotated[int, Field(ge=0)] | None = None
    joint: bool = False
    stages: Annotated[list[Stage], Field(min_length=1)]


class Catalog(Strict):
    """A whole catalog: metadata, items and chains."""

    catalog: CatalogMeta
    items: Annotated[list[Item], Field(min_length=1)]
    chains: list[Chain] = Field(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _tell_items(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        """Validate the items knowing whether the catalog is ``published`` (v1 rules otherwise)."""
        token = PUBLISHED.set(published_data(data))
        try:
            return handler(data)
        finally:
            PUBLISHED.reset(token)

    @model_validator(mode="after")
    def _cross_fields(self) -> Self:
        problems: list[tuple[Loc, str, object]] = []
        seen: set[str] = set()
        for index, item in enumerate(self.items):
            if item.id in seen:
                problems.append(
                    (
                        ("items", index, "id"),
                        f"duplicate item id {item.id} / 事项编码重复：{item.id}",
                        item.id,
                    )
                )
            seen.add(item.id)
        for index, item in enumerate(self.items):
            if item.parent is not None and (item.parent not in seen or item.parent == item.id):
                problems.append(
                    (
                        ("items", index, "parent"),
                        f"parent {item.parent} is not another item of this catalog / "
                        f"上级事项 {item.parent} 不是本目录中的其他事项",
                        item.parent,
                    )
                )
        chain_ids: set[str] = set()
        for c, chain in enumerate(self.chains):
            if chain.id in chain_ids:
                problems.append(
                    (
                        ("chains", c, "id"),
                        f"duplicate chain id {chain.id} / 流程编号重复：{chain.id}",
                        chain.id,
                    )
                )
            chain_ids.add(chain.id)
            for s, stage in enumerate(chain.stages):
                for i, ref in enumerate(stage.items):
                    if ref not in seen:
                        problems.append(
                            (
                                ("chains", c, "stages", s, "items", i),
                                f"chain {chain.id} stage {stage.name} names unknown item {ref} / "
                                f"流程 {chain.id} 阶段「{stage.name}」引用了目录中不存在的事项 {ref}",
                                ref,
                            )
                        )
        raise_at("Catalog", problems)
        return self

    def item_map(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    @property
    def published(self) -> bool:
        return self.catalog.published
