"""Kinds as published: Chinese names and the platforms' numeric ``task_type`` codes.

The numeric codes are the national 政务服务事项类型 codes the provincial
platforms carry (``taskType`` in sczwfw.gov.cn addresses, ``task_type`` in
platform records): 1 行政许可, 2 行政处罚, 3 行政强制, 4 行政征收, 5 行政给付,
6 行政检查, 7 行政确认, 8 行政奖励, 9 行政裁决, 10 其他行政权力, 20 公共服务.
They were checked against the item names of the samples under ``cases/real/``
(``docs/import.md``); a code not in this table is refused unless ``--map``
gives it.
"""

from __future__ import annotations

from permitlogic.models.catalog import KIND_ZH, Kind

TASK_TYPE_CODES: dict[str, Kind] = {
    "1": Kind.license,
    "2": Kind.penalty,
    "3": Kind.enforcement,
    "4": Kind.levy,
    "5": Kind.payment,
    "6": Kind.inspection,
    "7": Kind.confirmation,
    "8": Kind.reward,
    "9": Kind.adjudication,
    "10": Kind.other_power,
    "20": Kind.service,
}

KIND_NAMES: dict[str, Kind] = (
    {zh: kind for kind, zh in KIND_ZH.items()}
    | {
        "许可": Kind.license,
        "处罚": Kind.penalty,
        "强制": Kind.enforcement,
        "征收": Kind.levy,
        "给付": Kind.payment,
        "检查": Kind.inspection,
        "确认": Kind.confirmation,
        "奖励": Kind.reward,
        "裁决": Kind.adjudication,
        "其他权力": Kind.other_power,
        "其他行政权力事项": Kind.other_power,
        "公共服务事项": Kind.service,
        "行政许可事项": Kind.license,
        "行政备案": Kind.filing,
        "中介服务事项": Kind.intermediary,
    }
    | {kind.value: kind for kind in Kind}
)


def read_kind(text: str, extra: dict[str, Kind] | None = None) -> Kind | None:
    """The kind a cell or record names (``--map`` kinds first), None if unknown."""
    value = "".join(text.split())
    if extra and value in extra:
        return extra[value]
    if value in KIND_NAMES:
        return KIND_NAMES[value]
    code = value.lstrip("0") or "0"
    if value.isdigit() and code in TASK_TYPE_CODES:
        return TASK_TYPE_CODES[code]
    return None
