"""The words of the catalog comparison, in Chinese and English."""

from __future__ import annotations

from permitlogic.diff.model import CatalogDiff, ItemChange, Rename
from permitlogic.models.catalog import KIND_ZH, LEVEL_ZH, DecisionKind, Kind, Level

_LABELS: dict[str, tuple[str, str]] = {
    "title": ("审批事项目录对比", "Catalog comparison"),
    "old": ("原目录", "Old catalog"),
    "new": ("新目录", "New catalog"),
    "items": ("事项", "Items"),
    "overview": (
        "事项 {old} → {new}：新增 {added}，取消 {removed}，更名 {renamed}，变更 {changed}",
        "Items {old} → {new}: {added} added, {removed} removed, {renamed} renamed, "
        "{changed} changed",
    ),
    "prerequisites_line": (
        "前置条件 {old} → {new}（保留事项中删去 {removed} 项、新增 {added} 项）",
        "Prerequisites {old} → {new} ({removed} dropped from items that stay, {added} added)",
    ),
    "materials_line": (
        "申请材料 {old} → {new}（保留事项中删去 {removed} 项、新增 {added} 项）",
        "Materials {old} → {new} ({removed} dropped from items that stay, {added} added)",
    ),
    "cuts": (
        "承诺时限压缩（目标：至少 {target}）",
        "Cuts in promised days (target: at least {target})",
    ),
    "cuts_none": (
        "两份目录中没有同时写明承诺时限的事项。",
        "No item has a promised limit in both catalogs.",
    ),
    "departments": ("按实施机关", "By department"),
    "overall": ("全目录", "Whole catalog"),
    "id": ("事项编码", "Item"),
    "name": ("事项名称", "Name"),
    "department": ("实施机关", "Department"),
    "old_days": ("原承诺时限", "Old promise"),
    "new_days": ("现承诺时限", "New promise"),
    "cut": ("压缩", "Cut"),
    "allowed_days": ("达标上限", "Target limit"),
    "verdict": ("是否达标", "Meets target"),
    "meets": ("达标", "meets"),
    "misses": ("未达标", "misses"),
    "items_under_target": ("未达标事项", "Items under target"),
    "under_target": (
        "{n} 个事项压缩不足 {target}",
        "{n} items are cut by less than {target}",
    ),
    "all_meet": ("全部事项均达到压缩目标。", "Every item meets the target."),
    "added": ("新增事项", "Added items"),
    "removed": ("取消事项", "Removed items"),
    "renamed": ("更名事项", "Renamed items"),
    "changed": ("变更事项", "Changed items"),
    "none": ("无", "none"),
    "old_name": ("原名称", "Old name"),
    "new_name": ("新名称", "New name"),
    "old_id": ("原编码", "Old id"),
    "new_id": ("新编码", "New id"),
    "matched_by": ("认定方式", "Matched by"),
    "matched_by_id": ("编码相同", "same id"),
    "matched_by_name": ("名称相同", "same name"),
    "changes": ("变更内容", "Changes"),
    "prerequisites_removed": ("删去前置", "Prerequisites dropped"),
    "prerequisites_added": ("新增前置", "Prerequisites added"),
    "materials_removed": ("删去材料", "Materials dropped"),
    "materials_added": ("新增材料", "Materials added"),
    "days": ("工作日", "working days"),
    "summary": ("概况", "Summary"),
    "source": ("文件", "File"),
    "field_department": ("实施机关", "department"),
    "field_kind": ("事项类型", "kind"),
    "field_basis": ("设定依据", "basis"),
    "field_statutory_days": ("法定时限", "statutory days"),
    "field_promised_days": ("承诺时限", "promised days"),
    "field_review_levels": ("审查层级", "review levels"),
    "field_on_the_spot": ("即办件", "on the spot"),
    "field_joint": ("联合办理", "joint"),
    "field_decision": ("办理结果", "decision"),
    "colon": ("：", ": "),
    "list_sep": ("、", ", "),
    "target_line": ("压缩目标", "Target"),
    "paren": ("（{}）", " ({})"),
    "n_under": ("{n} 项未达标", "{n} under target"),
    "old_short": ("原时限", "Old"),
    "new_short": ("现时限", "New"),
    "limit_short": ("上限", "Limit"),
    "verdict_short": ("达标", "Target"),
    "under_short": ("未达标", "Under"),
}


def labels(lang: str) -> dict[str, str]:
    """Every label in ``lang`` (``zh`` or ``en``)."""
    pick = 0 if lang == "zh" else 1
    return {key: pair[pick] for key, pair in _LABELS.items()}


def percent(share: float) -> str:
    """``0.4`` → ``40%``; one decimal only where it is needed."""
    value = round(share * 100, 1)
    return f"{value:g}%"


DECISION_WORDS = {
    DecisionKind.approve_or_refuse.value: "准予或不予",
    DecisionKind.record_only.value: "仅备案",
}


def value_text(field: str, value: object, t: dict[str, str]) -> str:
    """A field's value in words: kinds and levels in Chinese for zh, lists joined, — for none."""
    zh = t["colon"] == "："
    if value is None or value == []:
        return "—"
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if isinstance(value, list):
        return t["list_sep"].join(value_text(field, v, t) for v in value)
    text = str(value)
    if not zh:
        return text
    if field == "kind" and text in Kind.__members__:
        return KIND_ZH[Kind(text)]
    if field == "decision":
        return DECISION_WORDS.get(text, text)
    if field == "basis":
        level, _, cite = text.partition(": ")
        if level in Level.__members__:
            return f"{LEVEL_ZH[Level(level)]}{cite}"
    return text


def change_text(field: str, old: object, new: object, t: dict[str, str]) -> str:
    """``承诺时限：20 → 12``."""
    name = t.get(f"field_{field}", field)
    return f"{name}{t['colon']}{value_text(field, old, t)} → {value_text(field, new, t)}"


def overview_lines(diff: CatalogDiff, t: dict[str, str]) -> list[str]:
    """The counts, old → new: items (added, removed, renamed, changed), prerequisites, materials."""
    return [
        t["overview"].format(
            old=diff.old.items,
            new=diff.new.items,
            added=len(diff.added),
            removed=len(diff.removed),
            renamed=len(diff.renamed),
            changed=len(diff.changed),
        ),
        t["prerequisites_line"].format(
            old=diff.old.prerequisites,
            new=diff.new.prerequisites,
            removed=diff.prerequisites_removed,
            added=diff.prerequisites_added,
        ),
        t["materials_line"].format(
            old=diff.old.materials,
            new=diff.new.materials,
            removed=diff.materials_removed,
            added=diff.materials_added,
        ),
    ]


def change_lines(change: ItemChange, t: dict[str, str]) -> list[str]:
    """What changed in an item: a line for each field, then the prerequisites and materials
    dropped and added."""
    lines = [change_text(f.field, f.old, f.new, t) for f in change.changes]
    for key in (
        "prerequisites_removed",
        "prerequisites_added",
        "materials_removed",
        "materials_added",
    ):
        values = getattr(change, key)
        if values:
            lines.append(f"{t[key]}{t['colon']}{t['list_sep'].join(values)}")
    return lines


def matched_by_text(rename: Rename, t: dict[str, str]) -> str:
    """How the renamed item was matched: ``编码相同`` or ``名称相同``."""
    return t["matched_by_id"] if rename.matched_by == "id" else t["matched_by_name"]
