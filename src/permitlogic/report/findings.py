"""What several renderers need to say about findings: rule names, where, worst severity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from permitlogic.checks.base import CheckMeta
from permitlogic.checks.registry import all_checks
from permitlogic.models.report import Finding, Location, Severity
from permitlogic.report.context import RenderInput

RULE_FIELD: dict[str, str] = {
    "PL101": "prerequisites",
    "PL102": "prerequisites",
    "PL103": "prerequisites",
    "PL104": "prerequisites",
    "PL105": "materials",
    "PL106": "decision",
    "PL107": "prerequisites",
    "PL108": "name",
    "PL109": "prerequisites",
    "PL201": "basis",
    "PL202": "basis",
    "PL203": "kind",
    "PL204": "name",
    "PL301": "promised_days",
    "PL302": "promised_days",
    "PL303": "review_levels",
    "PL304": "review_levels",
    "PL305": "on_the_spot",
    "PL310": "promised_days",
    "PL311": "promised_days",
    "PL313": "prerequisites",
}
"""The item field a check's finding is about: the cell a department has to change."""


def precise_location(
    finding: Finding, inp: RenderInput, index: dict[str, int] | None = None
) -> Location | None:
    """Where to point for ``finding``: the field its check is about, in its first item.

    The runner locates a finding at its first item; for a check about one
    field (PL301: the promised days) the field's own line, or its spreadsheet
    cell, is where the department has to look. A location a check set itself
    is kept. ``index`` (item id → position in the catalog) saves a search per call.
    """
    location = finding.location
    field = RULE_FIELD.get(finding.rule)
    if inp.source is None or field is None or not finding.items:
        return location
    positions = index if index is not None else item_index(inp)
    position = positions.get(finding.items[0])
    if position is None:
        return location
    generic = inp.source.locate(("items", position)).model_copy(update={"key": None})
    if location is not None and location != generic:
        return location
    return inp.source.locate(("items", position, field))


def item_index(inp: RenderInput) -> dict[str, int]:
    """Item id → its position in the catalog (the key path ``items[i]``)."""
    return {item.id: i for i, item in enumerate(inp.catalog.items)}


def rule_meta(rule: str) -> CheckMeta | None:
    """The check's metadata, or None for a rule this version does not know."""
    check = all_checks().get(rule)
    return check.meta if check is not None else None


def rule_title(rule: str, name: str, lang: str) -> str:
    """``互为前置`` (zh) or ``mutual-prerequisite`` (en) for a finding's check."""
    meta = rule_meta(rule)
    if lang == "zh" and meta is not None:
        return meta.name_zh
    return name


def where(location: Location | None) -> str:
    """``cases/x.yaml:12`` or ``目录.xlsx[事项]!C7 (承诺时限)``; empty when unknown."""
    if location is None:
        return ""
    if location.sheet is not None or location.cell is not None or location.row is not None:
        return location.describe()
    if location.line is not None:
        return f"{location.file or ''}:{location.line}"
    return location.file or ""


def worst(severities: Iterable[Severity]) -> Severity | None:
    """The most severe of ``severities`` (None for none)."""
    best: Severity | None = None
    for severity in severities:
        if best is None or severity.rank > best.rank:
            best = severity
    return best


def by_department(
    findings: list[Finding], whole: str, order: list[str] | None = None
) -> dict[str, list[Finding]]:
    """Findings grouped by department, in ``order`` (the catalog's) then by name.

    Findings of no department are grouped under ``whole``, listed last.
    """
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.department or whole].append(finding)
    rank = {d: i for i, d in enumerate(order or [])}
    ordered = sorted(groups, key=lambda d: (d == whole, rank.get(d, len(rank)), d))
    return {d: sorted(groups[d], key=_order) for d in ordered}


def _order(finding: Finding) -> tuple[int, str, list[str]]:
    return (-finding.severity.rank, finding.rule, finding.items)
