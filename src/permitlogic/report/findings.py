"""What several renderers need to say about findings: rule names, where, worst severity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from permitlogic.checks.base import CheckMeta
from permitlogic.checks.registry import all_checks
from permitlogic.models.report import Finding, Location, Severity


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


def sequences(finding: Finding) -> list[list[str]]:
    """The ordered id lists a finding names: its items and any list in its witness."""
    found = [finding.items]
    for value in (finding.witness or {}).values():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            found.append(value)
    return found
