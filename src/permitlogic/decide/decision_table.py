"""Decisions as text: a table of every condition, in pack order, Chinese by default."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from permitlogic.models.decision import (
    Condition,
    DeferralDecision,
    DeferralOutcome,
    GreenChannelDecision,
    GreenChannelOutcome,
    MissingMaterial,
)

if TYPE_CHECKING:  # the packs are only named in signatures
    from permitlogic.packs.deferral import DeferralPack
    from permitlogic.packs.green_channel import GreenChannelPack

GREEN_WORDS = {
    GreenChannelOutcome.eligible: ("符合绿色通道条件", "eligible for the green channel"),
    GreenChannelOutcome.not_eligible: ("不符合绿色通道条件", "not eligible for the green channel"),
}
DEFERRAL_WORDS = {
    DeferralOutcome.reject: ("不予受理", "rejected"),
    DeferralOutcome.notice: ("一次性告知补正材料（暂不受理）", "notice of missing materials"),
    DeferralOutcome.accept_with_deferral: (
        "容缺受理（先受理，非核心材料后补）",
        "accepted with materials to follow",
    ),
    DeferralOutcome.accept: ("受理", "accepted"),
}
HEADERS = {
    "zh": ("规则", "条件", "结果", "说明", "依据"),
    "en": ("rule", "condition", "result", "explanation", "citation"),
}
DEFERRAL_LINES = {
    "zh": {
        "unknown": "不属于该事项的材料：{}",
        "missing": "缺少材料（须一次性告知）：{}",
        "notice_due": "一次性告知期限：{due}（受理日 {received}）",
        "deferred": "容缺后补材料：{}",
        "deadline": "补交期限：{due}（受理日 {received}）",
    },
    "en": {
        "unknown": "not materials of the item: {}",
        "missing": "missing (one notice lists all): {}",
        "notice_due": "notice due by {due} (received {received})",
        "deferred": "to follow: {}",
        "deadline": "due by {due} (received {received})",
    },
}
"""The lines under a deferral decision's table: what it does not ask for, lacks or defers."""
MET = {"zh": "✓ 满足", "en": "✓ met"}
UNMET = {"zh": "✗ 不满足", "en": "✗ unmet"}
NOT_APPLICABLE = {"zh": "— 不适用", "en": "— n/a"}


def _table(lang: str) -> Table:
    table = Table(show_lines=False, expand=False)
    for header in HEADERS[lang]:
        table.add_column(header, overflow="fold")
    return table


def _rows(
    table: Table,
    lang: str,
    rules: list[tuple[str, str, str, str, str]],
    unmet: list[Condition],
    met: list[str],
) -> None:
    """``rules``: (id, condition, name_zh, name_en, citation) in pack order."""
    for rule_id, condition, name_zh, name_en, citation in rules:
        failed = [c for c in unmet if c.rule == rule_id]
        for c in failed:
            message = c.message_zh if lang == "zh" else c.message_en
            table.add_row(
                escape(rule_id),
                escape(c.condition),
                f"[red]{UNMET[lang]}[/]",
                escape(message),
                escape(c.citation),
            )
        if failed:
            continue
        name = escape(name_zh if lang == "zh" else name_en)
        result = f"[green]{MET[lang]}[/]" if rule_id in met else f"[dim]{NOT_APPLICABLE[lang]}[/]"
        table.add_row(escape(rule_id), escape(condition), result, name, escape(citation))


def render_green_channel(
    decision: GreenChannelDecision, pack: GreenChannelPack, console: Console, lang: str = "zh"
) -> None:
    zh, en = GREEN_WORDS[decision.decision]
    style = "green" if decision.decision is GreenChannelOutcome.eligible else "red"
    label = "项目" if lang == "zh" else "project"
    console.print(
        f"[bold]{label} {escape(decision.project)}[/]：[{style}]{zh if lang == 'zh' else en}[/] "
        f"({decision.decision.value})"
    )
    scope = pack.scope
    rules = [(scope.id, "category", scope.name_zh, scope.name_en, scope.citation)]
    rules += [(c.id, c.field, c.name_zh, c.name_en, c.citation) for c in pack.conditions]
    table = _table(lang)
    _rows(table, lang, rules, decision.unmet, decision.met)
    console.print(table)
    if decision.effect:
        effect = pack.effect.zh if lang == "zh" else pack.effect.en
        console.print(f"{'效果' if lang == 'zh' else 'effect'}：{escape(effect)}")
    console.print(f"[dim]pack_version {decision.pack_version}[/]")
    console.print()


def _materials(materials: list[MissingMaterial], lang: str) -> str:
    sep = "、" if lang == "zh" else ", "
    return escape(sep.join(f"{m.id} {m.name}" for m in materials))


def render_deferral(
    decision: DeferralDecision, pack: DeferralPack, console: Console, lang: str = "zh"
) -> None:
    zh, en = DEFERRAL_WORDS[decision.decision]
    accepted = decision.decision in (DeferralOutcome.accept, DeferralOutcome.accept_with_deferral)
    style = "green" if accepted else "red"
    item = decision.item + (f" {decision.item_name}" if decision.item_name else "")
    if decision.department:
        item += f"，{decision.department}" if lang == "zh" else f", {decision.department}"
    item = escape(item)
    label = "申请" if lang == "zh" else "application"
    console.print(
        f"[bold]{label} {escape(decision.application)}[/]（{item}）：[{style}]"
        f"{zh if lang == 'zh' else en}[/] ({decision.decision.value})",
        markup=True,
    )
    rules = [(r.id, r.check.value, r.name_zh, r.name_en, r.citation) for r in pack.rules]
    table = _table(lang)
    _rows(table, lang, rules, decision.reasons, decision.met)
    console.print(table)
    words = DEFERRAL_LINES[lang]
    if decision.unknown:
        console.print(words["unknown"].format(escape(", ".join(decision.unknown))))
    if decision.decision is DeferralOutcome.notice:
        console.print(words["missing"].format(_materials(decision.missing, lang)))
        console.print(
            words["notice_due"].format(due=decision.notice_due, received=decision.received)
        )
    if decision.decision is DeferralOutcome.accept_with_deferral:
        console.print(words["deferred"].format(_materials(decision.deferred, lang)))
        console.print(words["deadline"].format(due=decision.deadline, received=decision.received))
    console.print(f"[dim]pack_version {decision.pack_version}[/]")
    console.print()
