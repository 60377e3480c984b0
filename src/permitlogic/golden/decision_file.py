"""Golden decision cases (``cases/decisions/*.yaml``): an input and the decision it must get.

A case file holds cases of one kind::

    kind: deferral                 # or green_channel
    catalog: catalog.yaml          # deferral: the catalog, relative to this file
    rules: rules-forbidding        # optional: a rules directory (packs, calendars)
    calendar: [2027.yaml]          # optional: holiday files (like --calendar)
    cases:
      - name: 春节前受理，容缺材料期限跨春节
        rows: [accept_with_deferral]          # decision-table rows the case covers
        input: {application: {...}}
        expect: {decision: accept_with_deferral, deferred: [m3, m5], deadline: 2026-02-27}

``expect`` names only what it checks: ``decision``, ``unmet`` and ``met`` (rule
ids, in order), ``missing``/``deferred``/``unknown`` (material ids),
``deadline``, ``notice_due``, ``effect`` (true when an effect is stated), or
``error``: text the input error must contain (e.g. the year without data).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from permitlogic.decide.api import decide_deferral, decide_green_channel
from permitlogic.errors import InputError
from permitlogic.load.catalog import load_catalog
from permitlogic.models.decision import DeferralDecision, GreenChannelDecision
from permitlogic.models.input_fields import IsoDate
from permitlogic.packs.deferral import DeferralPack, load_deferral_pack
from permitlogic.packs.green_channel import GreenChannelPack, load_green_channel_pack
from permitlogic.packs.yaml_pack import load_pack
from permitlogic.workdays.sources import load_calendar


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class CaseKind(StrEnum):
    green_channel = "green_channel"
    deferral = "deferral"


class Expected(_Strict):
    decision: str | None = None
    unmet: list[str] | None = None
    met: list[str] | None = None
    effect: bool | None = None
    missing: list[str] | None = None
    deferred: list[str] | None = None
    unknown: list[str] | None = None
    deadline: IsoDate | None = None
    notice_due: IsoDate | None = None
    error: str | None = None


class GoldenCase(_Strict):
    name: Annotated[str, Field(min_length=1)]
    rows: list[str] = Field(default_factory=list)
    input: dict[str, Any]
    expect: Expected


class GoldenFile(_Strict):
    kind: Annotated[CaseKind, Field(strict=False)]
    catalog: str | None = None
    rules: str | None = None
    calendar: list[str] = Field(default_factory=list)
    cases: Annotated[list[GoldenCase], Field(min_length=1)]

    @model_validator(mode="after")
    def _catalog_for_deferral(self) -> Self:
        if self.kind is CaseKind.deferral and self.catalog is None:
            raise ValueError("deferral cases need `catalog` / 容缺受理案例须写明 catalog")
        return self


@dataclass
class CaseResult:
    """A case decided: the decision or the input error, the pack used, what differs."""

    file: Path
    case: GoldenCase
    decision: GreenChannelDecision | DeferralDecision | None = None
    error: InputError | None = None
    mismatches: list[str] = field(default_factory=list)
    pack: GreenChannelPack | DeferralPack | None = None
    """The pack the case was decided with (its rule ids and what each checks)."""

    @property
    def passed(self) -> bool:
        return not self.mismatches


def load_golden(path: Path) -> GoldenFile:
    """A case file, validated; InputError naming file and line otherwise."""
    return load_pack(GoldenFile, path)


def case_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())


def run_file(path: Path, rules_dir: Path | None = None) -> list[CaseResult]:
    """Decide every case of the file with its packs, catalog and calendar; compare.

    The file's own ``rules:`` wins; else ``rules_dir`` (e.g. a county's packs
    under test); else the bundled packs.
    """
    golden = load_golden(path)
    base = path.parent
    rules = base / golden.rules if golden.rules else rules_dir
    results: list[CaseResult] = []
    if golden.kind is CaseKind.green_channel:
        pack = load_green_channel_pack(rules)
        for case in golden.cases:
            result = CaseResult(path, case, pack=pack)
            try:
                result.decision = decide_green_channel(case.input, pack)
            except InputError as error:
                result.error = error
            result.mismatches = _compare(case.expect, result.decision, result.error)
            results.append(result)
        return results
    assert golden.catalog is not None
    catalog = load_catalog(base / golden.catalog)
    deferral = load_deferral_pack(rules)
    calendar = load_calendar(rules, [base / name for name in golden.calendar])
    for case in golden.cases:
        result = CaseResult(path, case, pack=deferral)
        try:
            result.decision = decide_deferral(case.input, catalog, deferral, calendar)
        except InputError as error:
            result.error = error
        result.mismatches = _compare(case.expect, result.decision, result.error)
        results.append(result)
    return results


def _ids(values: list[Any]) -> list[str]:
    return [v if isinstance(v, str) else v.rule if hasattr(v, "rule") else v.id for v in values]


def observed(decision: GreenChannelDecision | DeferralDecision) -> dict[str, Any]:
    """What ``expect`` may name, as the decision has it (rule and material ids, dates)."""
    got: dict[str, Any] = {"decision": decision.decision.value}
    if isinstance(decision, GreenChannelDecision):
        got |= {"unmet": _ids(decision.unmet), "met": decision.met, "effect": bool(decision.effect)}
    else:
        got |= {
            "unmet": _ids(decision.reasons),
            "met": decision.met,
            "missing": _ids(decision.missing),
            "deferred": _ids(decision.deferred),
            "unknown": decision.unknown,
            "deadline": decision.deadline,
            "notice_due": decision.notice_due,
        }
    return got


def _compare(
    expect: Expected,
    decision: GreenChannelDecision | DeferralDecision | None,
    error: InputError | None,
) -> list[str]:
    if expect.error is not None:
        if error is None:
            return [f"expected an input error containing {expect.error!r}, got a decision"]
        text = error.describe("zh") + "\n" + error.describe("en")
        return [] if expect.error in text else [f"error lacks {expect.error!r}: {text}"]
    if error is not None:
        return [f"unexpected input error: {error.describe('en')}"]
    assert decision is not None
    got = observed(decision)
    out = []
    for key, wanted in expect.model_dump(exclude_none=True).items():
        if key not in got:
            out.append(f"{key}: not part of a {type(decision).__name__}")
        elif got[key] != wanted:
            shown = wanted.isoformat() if isinstance(wanted, date) else wanted
            out.append(f"{key}: expected {shown}, got {got[key]}")
    return out
