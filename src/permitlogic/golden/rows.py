"""The rows of the decision tables of decisions.md, and which rows a decided case reached.

A golden decision case may name the rows it covers (``rows: [notice/blacklisted]``);
the row is then checked against the decision, and coverage counts the rows
every passing case actually reached, named or not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from permitlogic.decide.inputs import coerce
from permitlogic.errors import InputError
from permitlogic.models.decision import (
    DeferralDecision,
    DeferralOutcome,
    GreenChannelDecision,
    GreenChannelOutcome,
    Project,
    ProjectCategory,
)
from permitlogic.packs.deferral import DeferralCheck, DeferralPack
from permitlogic.packs.green_channel import GreenChannelPack
from permitlogic.workdays.calendar import CalendarGap


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    """``green_channel`` or ``deferral``."""
    zh: str
    en: str


ROWS: tuple[Row, ...] = (
    Row("eligible", "green_channel", "纳入绿色通道", "eligible"),
    Row(
        "eligible/designated-emergency",
        "green_channel",
        "县政府确定的应急抢险项目纳入",
        "a designated emergency project is eligible",
    ),
    Row(
        "not_eligible/ordinary",
        "green_channel",
        "类别不属于绿色通道范围",
        "the category is outside the green channel",
    ),
    Row(
        "not_eligible/undesignated-emergency",
        "green_channel",
        "应急抢险项目未经县政府确定",
        "an emergency project the county did not designate",
    ),
    Row(
        "not_eligible/baseline",
        "green_channel",
        "底线条件（1+3+2+1）未满足",
        "a baseline condition (1+3+2+1) is not met",
    ),
    Row(
        "reject/unlisted-item",
        "deferral",
        "目录之外的事项：不予受理",
        "item not in the catalog: reject",
    ),
    Row(
        "reject/unknown-material",
        "deferral",
        "所交材料不属于该事项：不予受理",
        "a submitted material the item does not ask for: reject",
    ),
    Row(
        "notice/core-missing",
        "deferral",
        "缺核心要件：一次性告知",
        "a core material missing: notice",
    ),
    Row(
        "notice/no-commitment",
        "deferral",
        "缺非核心要件且未承诺：一次性告知",
        "non-core materials missing without a commitment: notice",
    ),
    Row(
        "notice/blacklisted",
        "deferral",
        "失信申请人不予容缺：一次性告知",
        "a blacklisted applicant gets no deferral: notice",
    ),
    Row(
        "notice/forbidden-item",
        "deferral",
        "规则包禁止该事项容缺：一次性告知",
        "the pack forbids deferral for the item: notice",
    ),
    Row(
        "notice/forbidden-department",
        "deferral",
        "规则包禁止该部门容缺：一次性告知",
        "the pack forbids deferral for the department: notice",
    ),
    Row(
        "accept_with_deferral",
        "deferral",
        "只缺非核心要件并已承诺：容缺受理",
        "only non-core materials missing, commitment signed: accept with deferral",
    ),
    Row("accept", "deferral", "材料齐全：受理", "nothing missing: accept"),
    Row(
        "error/no-holiday-data",
        "deferral",
        "日期所在年份没有节假日数据：报错并指明年份",
        "a date in a year without holiday data: an error naming the year",
    ),
)

ROW_IDS: frozenset[str] = frozenset(row.id for row in ROWS)


def green_channel_rows(
    decision: GreenChannelDecision, pack: GreenChannelPack, case_input: Mapping[str, Any]
) -> set[str]:
    """The rows of the green-channel table this decision reached."""
    if decision.decision is GreenChannelOutcome.eligible:
        rows = {"eligible"}
        if _category(case_input) is ProjectCategory.emergency:
            rows.add("eligible/designated-emergency")
        return rows
    rows = set()
    for condition in decision.unmet:
        if condition.rule != pack.scope.id:
            rows.add("not_eligible/baseline")
        elif condition.condition == "category":
            rows.add("not_eligible/ordinary")
        else:
            rows.add("not_eligible/undesignated-emergency")
    return rows


def _category(case_input: Mapping[str, Any]) -> ProjectCategory | None:
    try:
        return coerce(Project, case_input, "project").category
    except InputError:
        return None


_NOTICE_ROWS = {
    DeferralCheck.core_complete: "notice/core-missing",
    DeferralCheck.commitment_signed: "notice/no-commitment",
    DeferralCheck.credit_allowed: "notice/blacklisted",
}


def deferral_rows(decision: DeferralDecision, pack: DeferralPack) -> set[str]:
    """The rows of the 容缺受理 table this decision reached."""
    checks = {rule.id: rule.check for rule in pack.rules}
    unmet = {checks[c.rule] for c in decision.reasons if c.rule in checks}
    if decision.decision is DeferralOutcome.reject:
        rows = set()
        if DeferralCheck.item_listed in unmet:
            rows.add("reject/unlisted-item")
        if DeferralCheck.materials_known in unmet:
            rows.add("reject/unknown-material")
        return rows
    if decision.decision is DeferralOutcome.notice:
        rows = {_NOTICE_ROWS[check] for check in unmet if check in _NOTICE_ROWS}
        if DeferralCheck.deferral_allowed in unmet:
            forbidden = pack.deferral_forbidden
            if decision.item in forbidden.items:
                rows.add("notice/forbidden-item")
            if decision.department in forbidden.departments:
                rows.add("notice/forbidden-department")
        return rows
    return {decision.decision.value}


def error_rows(error: InputError) -> set[str]:
    """The rows an input error reached: a year without holiday data."""
    return {"error/no-holiday-data"} if isinstance(error, CalendarGap) else set()
