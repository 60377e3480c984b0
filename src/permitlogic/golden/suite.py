"""Run every golden case under a directory: collect, run, filter, time."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from permitlogic.errors import InputError, Problem
from permitlogic.golden.check_cases import Loaded, prepare_check_file, run_check_file
from permitlogic.golden.coverage import Coverage, coverage
from permitlogic.golden.decision_cases import run_decision_file
from permitlogic.golden.discovery import CHECK, discover
from permitlogic.golden.outcome import CaseOutcome, Status
from permitlogic.golden.targets import Targets


@dataclass
class GoldenRun:
    """The outcome of every selected case, and the packs they were run against."""

    targets: Targets
    outcomes: list[CaseOutcome] = field(default_factory=list)
    seconds: float = 0.0
    files: int = 0

    def count(self, status: Status) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status is status)

    @property
    def failed(self) -> list[CaseOutcome]:
        return [o for o in self.outcomes if o.status is Status.failed]

    def coverage(self) -> Coverage:
        return coverage(self.outcomes, self.targets)


def run_golden(target: Path, *, packs: Path | None = None, keyword: str | None = None) -> GoldenRun:
    """Run the cases of ``target`` (a directory or one case file) against ``packs``.

    ``packs`` is the rules directory under test (default: the bundled one);
    decision files with their own ``rules:`` keep it. ``keyword`` keeps the
    cases whose id (``file::name``) contains it, ignoring case. Any invalid
    case file, catalog or pack is one InputError listing every problem.
    """
    started = time.perf_counter()
    targets = Targets.load(packs)
    files = discover(target)
    if not files:
        raise InputError.single(
            str(target),
            "没有找到案例文件（顶层写有 kind: check、green_channel 或 deferral 的 YAML 文件）",
            "no case files found (YAML files with a top-level kind: check, green_channel or deferral)",
            key="DIR",
        )
    root = target if target.is_dir() else target.parent
    run = GoldenRun(targets=targets, files=len(files))
    problems: list[Problem] = []
    loaded: Loaded = {}
    for case_file in files:
        try:
            if case_file.kind == CHECK:
                outcomes = run_check_file(prepare_check_file(case_file.path, targets, loaded))
            else:
                outcomes = run_decision_file(case_file.path, targets)
        except InputError as error:
            problems.extend(error.problems)
            continue
        label = case_file.path.relative_to(root).as_posix()
        for outcome in outcomes:
            outcome.label = label
        run.outcomes.extend(outcomes)
    if problems:
        raise InputError(problems)
    if keyword:
        wanted = keyword.casefold()
        run.outcomes = [o for o in run.outcomes if wanted in o.node_id.casefold()]
    run.seconds = time.perf_counter() - started
    return run
