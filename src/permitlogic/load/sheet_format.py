"""The spreadsheet form of a catalog (XLSX/CSV): sheets, Chinese headers, words in cells.

One table for reading and writing, so the template, the sample files and the
loaders cannot drift apart. Headers are matched after dropping whitespace and
a trailing parenthesized hint (half- or full-width), so ``事项类型``,
``事项类型 (行政许可/…)`` and ``事项类型（行政许可/…）`` are the same column;
the canonical English key is accepted as a header too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from permitlogic.models.catalog import (
    APPROVAL_KINDS,
    KIND_ZH,
    LEVEL_ZH,
    AdminLevel,
    DecisionKind,
    Kind,
    Level,
)
from permitlogic.models.reference import ReferenceStatus


class CellType(StrEnum):
    """How a cell's text is read."""

    text = "text"
    integer = "integer"
    boolean = "boolean"
    kind = "kind"
    decision = "decision"
    basis = "basis"
    prerequisites = "prerequisites"
    materials = "materials"
    item_list = "item_list"
    admin_level = "admin_level"
    date = "date"
    status = "status"


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its Chinese header, the key it fills, how its cells read."""

    key: str
    header: str
    type: CellType = CellType.text
    required: bool = False
    hint: str | None = None

    @property
    def title(self) -> str:
        """The header as the template writes it: with its hint in full-width parentheses."""
        return f"{self.header}（{self.hint}）" if self.hint else self.header


FIELD_SEPARATOR = "｜"
"""Between the fields of one line of a multi-line cell (the ASCII | is accepted too)."""

ITEMS_SHEET = "事项"
META_SHEETS = ("目录", "目录信息")
CHAINS_SHEET = "流程"
STAGES_SHEET = "阶段"
NOTES_SHEET = "说明"
REFERENCE_SHEET = "清单"

ITEM_COLUMNS: tuple[Column, ...] = (
    Column("id", "事项编码", required=True),
    Column("name", "事项名称", required=True),
    Column("department", "实施机关", required=True),
    Column(
        "kind",
        "事项类型",
        CellType.kind,
        required=True,
        hint="/".join(KIND_ZH[k] for k in Kind if k in APPROVAL_KINDS),
    ),
    Column("basis", "设定依据", CellType.basis, hint="每行一条：层级｜名称｜条款"),
    Column("statutory_days", "法定时限", CellType.integer),
    Column("promised_days", "承诺时限", CellType.integer),
    Column("previous_promised_days", "原承诺时限", CellType.integer),
    Column("review_levels", "审查层级", CellType.integer),
    Column("on_the_spot", "即办件", CellType.boolean, hint="是/否"),
    Column(
        "prerequisites",
        "前置条件",
        CellType.prerequisites,
        hint="每行一条：事项编码或名称｜层级｜依据名称｜条款",
    ),
    Column(
        "materials",
        "申请材料",
        CellType.materials,
        hint="每行一条：材料名称｜核心/非核心｜出具部门",
    ),
    Column("joint", "联合办理", CellType.boolean, hint="是/否"),
    Column("decision", "办理结果", CellType.decision, hint="准予或不予/仅备案"),
    Column("parent", "上级事项编码", hint="子项、业务办理项所属事项的编码"),
)

CHAIN_COLUMNS: tuple[Column, ...] = (
    Column("id", "流程编号", required=True),
    Column("name", "流程名称", required=True),
    Column("bound_days", "总时限", CellType.integer),
    Column("joint", "联合办理", CellType.boolean, hint="是/否"),
)

STAGE_COLUMNS: tuple[Column, ...] = (
    Column("chain", "流程编号", required=True),
    Column("name", "阶段名称", required=True),
    Column("bound_days", "阶段时限", CellType.integer),
    Column("items", "事项编码", CellType.item_list, hint="每行一个，或以、分隔"),
    Column("joint", "联合办理", CellType.boolean, hint="是/否；空表示随流程"),
)

REFERENCE_COLUMNS: tuple[Column, ...] = (
    Column("name", "事项名称", required=True),
    Column("status", "状态", CellType.status, required=True, hint="取消/下放"),
    Column("document", "文件"),
    Column("date", "日期", CellType.date),
)

META_ROWS: tuple[Column, ...] = (
    Column("id", "目录编号"),
    Column("jurisdiction", "辖区"),
    Column("level", "行政层级", CellType.admin_level, hint="县/区/市/省"),
    Column("effective", "生效日期", CellType.date),
)
META_ALIASES = {
    "层级": "level",
    "catalog_id": "id",
    "jurisdiction": "jurisdiction",
    "level": "level",
    "effective": "effective",
}

KIND_WORDS: dict[str, Kind] = {KIND_ZH[k]: k for k in Kind} | {k.value: k for k in Kind}

LEVEL_WORDS: dict[str, Level] = (
    {LEVEL_ZH[v]: v for v in Level}
    | {v.value: v for v in Level}
    | {
        "省政府规章": Level.provincial_rule,
        "地方政府规章": Level.local_rule,
        "市政府规章": Level.local_rule,
        "国务院规章": Level.departmental_rule,
    }
)

DECISION_ZH: dict[DecisionKind, str] = {
    DecisionKind.approve_or_refuse: "准予或不予",
    DecisionKind.record_only: "仅备案",
}
DECISION_WORDS: dict[str, DecisionKind] = (
    {zh: d for d, zh in DECISION_ZH.items()}
    | {d.value: d for d in DecisionKind}
    | {"准予/不予": DecisionKind.approve_or_refuse}
)

ADMIN_LEVEL_ZH: dict[AdminLevel, str] = {
    AdminLevel.county: "县",
    AdminLevel.district: "区",
    AdminLevel.city: "市",
    AdminLevel.province: "省",
}
ADMIN_LEVEL_WORDS: dict[str, AdminLevel] = (
    {zh: a for a, zh in ADMIN_LEVEL_ZH.items()}
    | {f"{zh}级": a for a, zh in ADMIN_LEVEL_ZH.items()}
    | {a.value: a for a in AdminLevel}
)

STATUS_ZH: dict[ReferenceStatus, str] = {
    ReferenceStatus.abolished: "取消",
    ReferenceStatus.devolved: "下放",
}
STATUS_WORDS: dict[str, ReferenceStatus] = {zh: s for s, zh in STATUS_ZH.items()} | {
    s.value: s for s in ReferenceStatus
}

TRUE_WORDS = frozenset({"是", "true", "yes", "y", "1"})
FALSE_WORDS = frozenset({"否", "false", "no", "n", "0"})
CORE_WORDS = {"核心": True, "核心要件": True, "是": True, "core": True, "true": True}
CORE_WORDS |= {"非核心": False, "非核心要件": False, "否": False, "non-core": False, "false": False}

_HINT = re.compile(r"[(（][^()（）]*[)）]$")
_SPACE = re.compile(r"\s+")


def normalize_header(text: str) -> str:
    """``' 事项类型 （行政许可/…）'`` → ``'事项类型'``; English keys lower-cased."""
    compact = _SPACE.sub("", text)
    while True:
        stripped = _HINT.sub("", compact)
        if stripped == compact or not stripped:
            break
        compact = stripped
    return compact.lower() if compact.isascii() else compact


def header_index(columns: tuple[Column, ...]) -> dict[str, Column]:
    """Normalized header (Chinese or the English key) → column."""
    index = {normalize_header(c.header): c for c in columns}
    index |= {c.key: c for c in columns}
    return index


def meta_index() -> dict[str, Column]:
    """Normalized key of a 目录 row → the catalog field it fills (English item keys excluded)."""
    index = {normalize_header(c.header): c for c in META_ROWS}
    by_key = {c.key: c for c in META_ROWS}
    index |= {alias: by_key[key] for alias, key in META_ALIASES.items()}
    return index


def headers_listed(columns: tuple[Column, ...]) -> str:
    return "、".join(c.header for c in columns)
