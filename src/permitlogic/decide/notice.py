"""The one notice (一次性告知): every missing material at once, with the date that matters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from permitlogic.models.decision import (
    Condition,
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
        return _notice(
            decision,
            NoticeKind.notice,
            decision.notice_due,
            [NoticeMaterial(id=m.id, name=m.name, core=m.core) for m in decision.missing],
            pack.notice_citation,
            reasons=decision.reasons,
        )
    if decision.decision is DeferralOutcome.accept_with_deferral and decision.deadline:
        deferral_rule = pack.rule_for(DeferralCheck.commitment_signed)
        return _notice(
            decision,
            NoticeKind.deferral,
            decision.deadline,
            [
                NoticeMaterial(id=m.id, name=m.name, core=m.core, due=decision.deadline)
                for m in decision.deferred
            ],
            deferral_rule.citation,
        )
    return None


def _notice(
    decision: DeferralDecision,
    kind: NoticeKind,
    due: date,
    materials: list[NoticeMaterial],
    citation: str,
    reasons: Sequence[Condition] = (),
) -> Notice:
    """A notice of ``kind`` to the decision's applicant about its application."""
    return Notice(
        kind=kind,
        application=decision.application,
        applicant=decision.applicant,
        item=decision.item,
        item_name=decision.item_name,
        department=decision.department,
        received=decision.received,
        due=due,
        materials=materials,
        reasons=list(reasons),
        citation=citation,
        pack_version=decision.pack_version,
    )


@dataclass(frozen=True)
class _Words:
    """One language's words for both notices; the layout is shared (see ``_render``).

    Templates take ``applicant``, ``application``, ``item``, ``received`` and ``due``.
    """

    title: dict[NoticeKind, str]
    greeting: str
    opening: dict[NoticeKind, str]
    core: tuple[str, str]
    """How a notice marks a core and a non-core material."""
    reasons: str
    due: str
    basis: str
    day: Callable[[date], str]
    message: Callable[[Condition], str]


_ZH = _Words(
    title={NoticeKind.notice: "一次性告知书", NoticeKind.deferral: "容缺受理告知书"},
    greeting="申请人 {applicant}：",
    opening={
        NoticeKind.notice: "    你于 {received} 提交的“{item}”申请（申请编号 {application}），"
        "申请材料不齐全。请补正以下全部材料后再行提交：",
        NoticeKind.deferral: "    你于 {received} 提交的“{item}”申请（申请编号 {application}）"
        "已予容缺受理。请按信用承诺于 {due} 前补交以下材料：",
    },
    core=("（核心要件）", "（非核心要件）"),
    reasons="    原因：",
    due="    本告知书应于 {due} 前送达申请人。",
    basis="    依据：",
    day=lambda day: f"{day:%Y年%m月%d日}",
    message=lambda reason: reason.message_zh,
)

_EN = _Words(
    title={
        NoticeKind.notice: "Notice of everything missing (一次性告知书)",
        NoticeKind.deferral: "Notice of acceptance with materials to follow (容缺受理告知书)",
    },
    greeting="To the applicant {applicant}:",
    opening={
        NoticeKind.notice: "    Your application {application} for {item}, received on "
        "{received}, is incomplete. Please supply all of the following:",
        NoticeKind.deferral: "    Your application {application} for {item}, received on "
        "{received}, is accepted. As committed, supply the following by {due}:",
    },
    core=(" (core)", " (non-core)"),
    reasons="    Reasons:",
    due="    This notice is due to the applicant by {due}.",
    basis="    Basis: ",
    day=date.isoformat,
    message=lambda reason: reason.message_en,
)


def notice_text(notice: Notice, lang: str = "zh") -> str:
    """The notice as a short printable text."""
    return _render(notice, _ZH if lang == "zh" else _EN)


def _item(notice: Notice) -> str:
    return f"{notice.item} {notice.item_name}" if notice.item_name else notice.item


def _render(notice: Notice, words: _Words) -> str:
    """Title, greeting, the materials numbered (a notice: marked core or not, with the
    reasons and the day it is due by), the basis, and the department."""
    fields = {
        "applicant": notice.applicant,
        "application": notice.application,
        "item": _item(notice),
        "received": words.day(notice.received),
        "due": words.day(notice.due),
    }
    is_notice = notice.kind is NoticeKind.notice
    lines = [
        words.title[notice.kind],
        "",
        words.greeting.format(**fields),
        words.opening[notice.kind].format(**fields),
    ]
    for number, material in enumerate(notice.materials, start=1):
        core = (words.core[0] if material.core else words.core[1]) if is_notice else ""
        lines.append(f"    {number}. {material.id} {material.name}{core}")
    if is_notice:
        if notice.reasons:
            lines.append(words.reasons)
            lines.extend(f"    - [{r.rule}] {words.message(r)}" for r in notice.reasons)
        lines.append(words.due.format(**fields))
    lines.append(words.basis + notice.citation)
    if notice.department:
        lines.append(f"{notice.department}")
    return "\n".join(lines) + "\n"
