"""The registry of checks: every module under permitlogic.checks with META and check()."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import permitlogic.checks as checks_package
from permitlogic.checks.base import Check, CheckMeta
from permitlogic.law.quotes import law_quotes


@cache
def all_checks() -> dict[str, Check]:
    """Every check, keyed and ordered by id."""
    found: dict[str, Check] = {}
    for info in pkgutil.walk_packages(checks_package.__path__, checks_package.__name__ + "."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        meta = getattr(module, "META", None)
        run = getattr(module, "check", None)
        if meta is None or run is None:
            continue
        if meta.id in found:
            raise RuntimeError(f"two checks claim {meta.id}: {info.name}")
        found[meta.id] = Check(meta=meta, run=run)
    return dict(sorted(found.items()))


def selected(select: list[str] | None, ignore: list[str] | None) -> list[Check]:
    """Checks whose id starts with a --select prefix and with no --ignore prefix."""
    chosen = []
    for check_id, check in all_checks().items():
        if select and not any(check_id.startswith(p) for p in select):
            continue
        if ignore and any(check_id.startswith(p) for p in ignore):
            continue
        chosen.append(check)
    return chosen


def split_codes(values: list[str] | None) -> list[str] | None:
    """``--select PL1,PL301 --select PL2`` → ``["PL1", "PL301", "PL2"]``."""
    if not values:
        return None
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


def unknown_codes(codes: list[str]) -> list[str]:
    """Codes that select no check at all (a typo on the command line)."""
    ids = all_checks()
    return [c for c in codes if not any(i.startswith(c) for i in ids)]


def documented_rules() -> dict[str, CheckMeta]:
    """Every rule with a doc, ordered by id: the checks and PL001 (invalid input)."""
    from permitlogic.checks.invalid_catalog import META as INVALID_CATALOG

    rules = {INVALID_CATALOG.id: INVALID_CATALOG}
    rules.update({check_id: check.meta for check_id, check in all_checks().items()})
    return dict(sorted(rules.items()))


def rule_as_json(meta: CheckMeta) -> dict[str, object]:
    """A check's metadata and doc as JSON-ready data (`rules --json`, GET /v1/rules)."""
    return {
        "id": meta.id,
        "name": meta.name,
        "name_zh": meta.name_zh,
        "severity": meta.severity.value,
        "citation": meta.citation,
        "law": [quote.model_dump() for quote in law_quotes(meta.law)],
        "summary_zh": meta.summary_zh,
        "summary_en": meta.summary_en,
        "doc_zh": meta.doc_zh,
        "doc_en": meta.doc_en,
    }
