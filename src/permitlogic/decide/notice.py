"""The one notice (一次性告知): every missing material at once, with the date that matters."""

from __future__ import annotations

from permitlogic.models.decision import (
    DeferralDecision,
    DeferralOutcome,
    Notice,
    NoticeKind,
    NoticeMaterial,
)
from permitlogic.packs.deferral import DeferralCheck, DeferralPack


def notice_for(decision: DeferralDecision, pack: DeferralPack) -> Notice | None:
    """The notice a decision calls for: 一次性告知 for ``notice``, 容缺受理告知 for
    ``accept_with_deferral``; None for ``accept`` and ``reject``."""
    if decision.decision is DeferralOutcome.notice and decision.notice_due is not None:
        return Notice(
            kind=NoticeKind.notice,
            application=decision.application,
            applicant=decision.applicant,
            item=decision.item,
            item_name=decision.item_name,
            department=decision.department,
            received=decision.received,
            due=decision.notice_due,
            materials=[NoticeMaterial(id=m.id, name=m.name, core=m.core) for m in decision.missing],
            reasons=decision.reasons,
            citation=pack.notice_citation,
            pack_version=decision.pack_version,
        )
    if decision.decision is DeferralOutcome.accept_with_deferral and decision.deadline:
        deferral_rule = pack.rule_for(DeferralCheck.commitment_signed)
        return Notice(
            kind=NoticeKind.deferral,
            application=decision.application,
            applicant=decision.applicant,
            item=decision.item,
            item_name=decision.item_name,
            department=decision.department,
            received=decision.received,
            due=decision.deadline,
            materials=[
                NoticeMaterial(id=m.id, name=m.name, core=m.core, due=decision.deadline)
                for m in decision.deferred
            ],
            citation=deferral_rule.citation,
            pack_version=decision.pack_version,
        )
    return None


def notice_text(notice: Notice, lang: str = "zh") -> str:
    """The notice as a short printable text."""
    return _zh(notice) if lang == "zh" else _en(notice)


def _item(notice: Notice) -> str:
    return f"{notice.item} {notice.item_name}" if notice.item_name else notice.item


def _zh(notice: Notice) -> str:
    lines: list[str] = []
    if notice.kind is NoticeKind.notice:
        lines.append("一次性告知书")
        lines.append("")
        lines.append(f"申请人 {notice.applicant}：")
        lines.append(
            f"    你于 {notice.received:%Y年%m月%d日} 提交的“{_item(notice)}”申请"
            f"（申请编号 {notice.application}），申请材料不齐全。请补正以下全部材料后再行提交："
        )
        for number, material in enumerate(notice.materials, start=1):
            kind = "核心要件" if material.core else "非核心要件"
            lines.append(f"    {number}. {material.id} {material.name}（{kind}）")
        if notice.reasons:
            lines.append("    原因：")
            for reason in notice.reasons:
                lines.append(f"    - [{reason.rule}] {reason.message_zh}")
        lines.append(f"    本告知书应于 {notice.due:%Y年%m月%d日} 前送达申请人。")
    else:
        lines.append("容缺受理告知书")
        lines.append("")
        lines.append(f"申请人 {notice.applicant}：")
        lines.append(
            f"    你于 {notice.received:%Y年%m月%d日} 提交的“{_item(notice)}”申请"
            f"（申请编号 {notice.application}）已予容缺受理。请按信用承诺于 "
            f"{notice.due:%Y年%m月%d日} 前补交以下材料："
        )
        for number, material in enumerate(notice.materials, start=1):
            lines.append(f"    {number}. {material.id} {material.name}")
    lines.append(f"    依据：{notice.citation}")
    if notice.department:
        lines.append(f"{notice.department}")
    return "\n".join(lines) + "\n"


def _en(notice: Notice) -> str:
    lines: list[str] = []
    if notice.kind is NoticeKind.notice:
        lines.append("Notice of everything missing (一次性告知书)")
        lines.append("")
        lines.append(f"To the applicant {notice.applicant}:")
        lines.append(
            f"    Your application {notice.application} for {_item(notice)}, received on "
            f"{notice.received.isoformat()}, is incomplete. Please supply all of the following:"
        )
        for number, material in enumerate(notice.materials, start=1):
            kind = "core" if material.core else "non-core"
            lines.append(f"    {number}. {material.id} {material.name} ({kind})")
        if notice.reasons:
            lines.append("    Reasons:")
            for reason in notice.reasons:
                lines.append(f"    - [{reason.rule}] {reason.message_en}")
        lines.append(f"    This notice is due to the applicant by {notice.due.isoformat()}.")
    else:
        lines.append("Notice of acceptance with materials to follow (容缺受理告知书)")
        lines.append("")
        lines.append(f"To the applicant {notice.applicant}:")
        lines.append(
            f"    Your application {notice.application} for {_item(notice)}, received on "
            f"{notice.received.isoformat()}, is accepted. As committed, supply the following "
            f"by {notice.due.isoformat()}:"
        )
        for number, material in enumerate(notice.materials, start=1):
            lines.append(f"    {number}. {material.id} {material.name}")
    lines.append(f"    Basis: {notice.citation}")
    if notice.department:
        lines.append(f"{notice.department}")
    return "\n".join(lines) + "\n"
