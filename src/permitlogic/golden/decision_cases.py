"""Golden decision cases (``kind: green_channel | deferral``), run by permitlogic.golden.decision_file.

This module only turns each CaseResult into a CaseOutcome: the diff of what
the case expects against what the decision says, the decision-table rows it
named and reached, and the rules it found met and unmet.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from permitlogic.errors import InputError
from permitlogic.golden.decision_file import CaseResult, observed, run_file
from permitlogic.golden.outcome import (
    CaseOutcome,
    DiffLine,
    Side,
    Status,
    Unit,
    crash_reason,
)
from permitlogic.golden.rows import (
    ROW_IDS,
    deferral_rows,
    error_rows,
    green_channel_rows,
)
from permitlogic.golden.targets import Targets, rule_meanings
from permitlogic.models.decision import DeferralDecision, GreenChannelDecision
from permitlogic.packs.deferral import DeferralPack
from permitlogic.packs.green_channel import GreenChannelPack


def run_decision_file(path: Path, targets: Targets) -> list[CaseOutcome]:
    """Every case of one decision file, decided with its packs (or the packs under test)."""
    started = time.perf_counter()
    try:
        results = run_file(path, targets.rules_dir)
    except InputError:
        raise
    except Exception as error:  # a crash is a bug: the file's cases fail, the run goes on
        return [
            CaseOutcome(
                file=path,
                name="(file)",
                kind="decision",
                status=Status.failed,
                reasons=[crash_reason(error)],
                seconds=time.perf_counter() - started,
            )
        ]
    each = (time.perf_counter() - started) / max(len(results), 1)
    return [_outcome(result, targets, each) for result in results]


def _outcome(result: CaseResult, targets: Targets, seconds: float) -> CaseOutcome:
    reasons = list(result.mismatches)
    reached = _rows(result)
    for row in result.case.rows:
        if row not in ROW_IDS:
            reasons.append(f"rows: unknown row {row!r} (known: {', '.join(sorted(ROW_IDS))})")
        elif row not in reached:
            shown = ", ".join(sorted(reached)) or "none"
            reasons.append(f"rows: the case names {row}, but the decision reached {shown}")
    kind = "green_channel" if isinstance(result.pack, GreenChannelPack) else "deferral"
    units = {Unit("row", row, Side.hit) for row in reached}
    units |= _rule_units(result, kind, targets)
    return CaseOutcome(
        file=result.file,
        name=result.case.name,
        kind=kind,
        status=Status.failed if reasons else Status.passed,
        reasons=reasons,
        diff=_diff(result) if reasons else [],
        seconds=seconds,
        exercised=frozenset(units),
    )


def _rows(result: CaseResult) -> set[str]:
    decision, pack = result.decision, result.pack
    if isinstance(decision, GreenChannelDecision) and isinstance(pack, GreenChannelPack):
        return green_channel_rows(decision, pack, result.case.input)
    if isinstance(decision, DeferralDecision) and isinstance(pack, DeferralPack):
        return deferral_rows(decision, pack)
    if result.error is not None:
        return error_rows(result.error)
    return set()


def _rule_units(result: CaseResult, kind: str, targets: Targets) -> set[Unit]:
    """Rules met and unmet, counted for the pack under test where a rule means the same."""
    decision, pack = result.decision, result.pack
    if decision is None or pack is None:
        return set()
    target = targets.green_channel if kind == "green_channel" else targets.deferral
    wanted = rule_meanings(target)
    own = rule_meanings(pack)
    unmet = decision.unmet if isinstance(decision, GreenChannelDecision) else decision.reasons
    units = set()
    for side, ids in ((Side.met, decision.met), (Side.unmet, [c.rule for c in unmet])):
        for rule_id in ids:
            if rule_id in wanted and own.get(rule_id) == wanted[rule_id]:
                units.add(Unit(kind, rule_id, side))
    return units


def _diff(result: CaseResult) -> list[DiffLine]:
    """Each key the case expects: unchanged, or ``-`` expected and ``+`` actual."""
    expect = result.case.expect.model_dump(exclude_none=True)
    lines: list[DiffLine] = []
    if "error" in expect:
        lines.append(DiffLine("-", f"error: …{expect['error']}…"))
        lines.extend(_actual_lines(result))
        return lines
    if result.error is not None:
        lines.extend(DiffLine("-", f"{key}: {_shown(value)}") for key, value in expect.items())
        lines.extend(_actual_lines(result))
        return lines
    assert result.decision is not None
    got = observed(result.decision)
    for key, wanted in expect.items():
        actual = got.get(key)
        if actual == wanted:
            lines.append(DiffLine(" ", f"{key}: {_shown(wanted)}"))
        else:
            lines.append(DiffLine("-", f"{key}: {_shown(wanted)}"))
            lines.append(DiffLine("+", f"{key}: {_shown(actual)}"))
    return lines


def _actual_lines(result: CaseResult) -> list[DiffLine]:
    if result.error is not None:
        return [DiffLine("+", f"error: {p.message_en}") for p in result.error.problems]
    assert result.decision is not None
    got: Mapping[str, Any] = observed(result.decision)
    return [DiffLine("+", f"{key}: {_shown(value)}") for key, value in got.items()]


def _shown(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if value is None:
        return "null"
    return str(value)
