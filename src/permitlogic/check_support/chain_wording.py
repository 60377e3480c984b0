"""Words shared by the chain checks (PL310, PL311): paths with days, and repairs as fixes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from permitlogic.models.report import Change, Fix
from permitlogic.timing.repair import Cut, Outcome, Repair


def path_text(path: Sequence[str], days: Mapping[str, int]) -> str:
    """``FG-004(7) → FG-001(8) → ZR-002(3)``."""
    return " → ".join(f"{item}({days[item]})" for item in path)


def _cut_zh(cut: Cut, first: bool) -> str:
    if cut.promised is None:
        return f"为 {cut.item} 承诺 {cut.new} 日（现未承诺，按法定 {cut.days} 日计）"
    if first:
        return f"将 {cut.item} 的承诺时限由 {cut.days} 日压缩至 {cut.new} 日"
    return f"{cut.item} 由 {cut.days} 日压缩至 {cut.new} 日"


def _cut_en(cut: Cut) -> str:
    if cut.promised is None:
        return f"promise {cut.new} days for {cut.item} (none now, so its {cut.days} statutory days count)"
    return f"cut {cut.item} from {cut.days} to {cut.new} days"


def repair_fix(repair: Repair, scope_zh: str, scope_en: str, critical: Sequence[str]) -> Fix:
    """The repair as a Fix: the cuts in words and as changes of promised_days."""
    if repair.outcome is Outcome.repaired:
        zh = "，".join(_cut_zh(cut, i == 0) for i, cut in enumerate(repair.cuts))
        en = ", ".join(_cut_en(cut) for cut in repair.cuts)
        return Fix(
            message_zh=f"{zh}（共压缩 {repair.total_cut} 个工作日，是使{scope_zh}成立的最小压缩）",
            message_en=(
                f"{en} ({repair.total_cut} working days in all, the smallest cut that makes "
                f"{scope_en} hold)"
            ),
            changes=[
                Change(item=cut.item, field="promised_days", old=cut.promised, new=cut.new)
                for cut in repair.cuts
            ],
        )
    if repair.outcome is Outcome.impossible and repair.shortfall is not None:
        short = repair.shortfall
        path = " → ".join(short.path)
        return Fix(
            message_zh=(
                f"仅压缩承诺时限无法满足：即使每个事项只用 1 个工作日（即办件 0 日），"
                f"{path} 仍需 {short.days} 日，超过上限 {short.bound} 日；"
                "应放宽上限、删去没有法律依据的前置条件，或合并事项并联办理"
            ),
            message_en=(
                f"no cut of promises can do it: even at 1 working day per item (0 on the spot), "
                f"{path} takes {short.days} days, over the bound of {short.bound}; raise the "
                "bound, drop prerequisites no law requires, or merge items and run them in parallel"
            ),
        )
    path = " → ".join(critical)
    return Fix(
        message_zh=f"流程过大，未自动求最小压缩方案；请压缩关键路径上的事项：{path}",
        message_en=f"too large for an automatic minimal repair; cut the items on the critical path: {path}",
    )
