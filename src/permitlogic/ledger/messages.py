"""Why an event does not apply to a case in its state, in words a window officer reads."""

from __future__ import annotations

from permitlogic.ledger.model import Case, CaseState, EventKind, LedgerEvent


def rejection(case: Case, event: LedgerEvent) -> tuple[str, str]:
    """(zh, en): the reason no transition of the chart takes ``event`` from ``case.state``."""
    what_zh, what_en = event.kind.zh, event.kind.value
    missing = "、".join(case.missing)
    missing_en = ", ".join(case.missing)
    state = case.state
    if state.final:
        return (
            f"案件已{'办结' if state is CaseState.closed else '撤销'}（{case.ended_on}），"
            f"不再受理“{what_zh}”",
            f"the case was {state.value} on {case.ended_on}: a {what_en} no longer applies",
        )
    if event.kind is EventKind.close:
        if state is CaseState.open:
            return (
                f"材料尚未补齐（缺 {missing}），不能办结",
                f"materials still missing ({missing_en}): the case cannot be closed yet",
            )
        return (
            f"已逾期且材料仍缺（{missing}），不能办结：撤销，或补齐后再办结",
            f"overdue with materials still missing ({missing_en}): revoke it, "
            "or close it once they are in",
        )
    if event.kind is EventKind.tick:
        if state is CaseState.open:
            return (
                f"尚未到期（补齐期限 {case.deadline}）",
                f"not due yet (deadline {case.deadline})",
            )
        if state is CaseState.overdue:
            reminded = f"，已于 {case.reminded_on} 提醒" if case.reminded_on else ""
            reminded_en = f"; reminded on {case.reminded_on}" if case.reminded_on else ""
            return (f"已逾期{reminded}", f"already overdue{reminded_en}")
        return ("材料已按期补齐，不会逾期", "supplemented in time: it cannot fall overdue")
    if event.kind is EventKind.supplement and state is CaseState.supplemented:
        return ("容缺材料已全部补齐，无需再补", "every deferred material is already in")
    return (
        f"状态为“{state.zh}”的案件不接受“{what_zh}”",
        f"a {what_en} does not apply to a case that is {state.value}",
    )
