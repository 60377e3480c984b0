"""The z3 proof of a chain's time promises: one model per chain.

The model states the worst-case earliest schedule as integer arithmetic:

* ``S0 = 0`` and stage ``k`` starts at ``Sk``;
* an item ends at ``end = start + days``, where ``start`` is the latest end
  among its prerequisites in the stage, or ``Sk`` when it has none (items of a
  stage run in parallel unless a prerequisite orders them);
* stage ``k + 1`` starts when the last item of stage ``k`` ends;
* each bound is a Boolean ``okK <-> S(k+1) - Sk <= bound`` (and
  ``okChain <-> S_last <= bound``).

The equations determine every value, so z3's model *is* the schedule: a bound
whose literal is true holds in it (the model witnesses that every constraint
and that bound are satisfiable together); the critical path is read from the
tight constraints of the model (``end of prerequisite = start``). A bound whose
literal is false is then proved violated on its own: the critical path's
items in sequence (constraints the model implies) plus the bound, each behind
an assumption literal, are unsatisfiable, and the unsat core names the bound
and the items that conflict with it.

The model is written as SMT-LIB text and parsed by z3 in one go, and solved
without assumptions so z3's preprocessing (solving the equations) applies:
on 10,000 items that keeps the proof within a small factor of the plain
longest path (bench/time_proof.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from permitlogic.timing.chains import ChainPlan, StagePlan

# z3 is imported by the functions that solve, not here: a check of a catalog without
# chains (every published list) never loads it, a tenth of the command's start-up.
if TYPE_CHECKING:
    import z3

_VALUE = re.compile(r"\(define-fun (\S+) \(\) (?:Int|Bool)\s+(true|false|\d+|\(- \d+\))\)")


class ProofError(RuntimeError):
    """z3 answered something the model rules out (a bug, never an answer)."""


@dataclass(frozen=True)
class Core:
    """An unsat core: the bound and the items whose days cannot fit within it."""

    bound: str
    items: tuple[str, ...]

    def as_list(self) -> list[str]:
        return [self.bound, *self.items]


@dataclass(frozen=True)
class StageProof:
    index: int
    name: str
    bound_days: int | None
    start: int
    worst_case_days: int
    holds: bool | None
    critical_path: tuple[str, ...]
    starts: tuple[int, ...]
    """Absolute worst-case start of each item (StagePlan order), in working days."""
    core: Core | None = None

    @property
    def end(self) -> int:
        return self.start + self.worst_case_days


@dataclass(frozen=True)
class ChainProof:
    plan: ChainPlan
    stages: tuple[StageProof, ...]
    total_days: int
    holds: bool | None
    """The chain bound's verdict (None without a chain bound)."""
    core: Core | None = None

    @property
    def critical_path(self) -> tuple[str, ...]:
        return tuple(item for stage in self.stages for item in stage.critical_path)

    @property
    def all_hold(self) -> bool | None:
        """Every bound of the chain holds (None when the chain has no bound at all)."""
        verdicts = [s.holds for s in self.stages] + [self.holds]
        known = [v for v in verdicts if v is not None]
        return all(known) if known else None

    @cached_property
    def item_days(self) -> dict[str, int]:
        """The days each item of the chain takes in its schedule."""
        days: dict[str, int] = {}
        for stage in self.plan.stages:
            for item_id, item_days in zip(stage.items, stage.days, strict=True):
                days.setdefault(item_id, item_days)
        return days

    def days_of(self, item_id: str) -> int:
        return self.item_days[item_id]


def stage_bound_label(stage: StagePlan) -> str:
    return f"stage:{stage.name}"


def chain_bound_label(plan: ChainPlan) -> str:
    return f"chain:{plan.id}"


def prove_chain(plan: ChainPlan) -> ChainProof:
    """Solve the chain's model and prove each bound (the plan must have no cycle)."""
    if not plan.schedulable:
        raise ValueError(f"chain {plan.id} has a prerequisite cycle and cannot be scheduled")
    import z3

    solver = z3.SolverFor("QF_LIA")
    solver.from_string(chain_model(plan))
    answer = solver.check()
    if answer != z3.sat:
        raise ProofError(f"the schedule model of chain {plan.id} is {answer}, not sat")
    values = _model_values(solver.model())
    stages: list[StageProof] = []
    paths: list[list[int]] = []
    for stage in plan.stages:
        k = stage.index
        start, end = values[f"S{k}"], values[f"S{k + 1}"]
        ends = [values[f"e{k}_{j}"] for j in range(len(stage.items))]
        path = _critical_path(stage, start, end, ends)
        paths.append(path)
        holds = None if stage.bound_days is None else bool(values[f"ok{k}"])
        core = None
        if holds is False:
            assert stage.bound_days is not None
            core = violation_core(
                stage_bound_label(stage),
                stage.bound_days,
                [(stage.items[j], stage.days[j]) for j in path],
            )
        stages.append(
            StageProof(
                index=k,
                name=stage.name,
                bound_days=stage.bound_days,
                start=start,
                worst_case_days=end - start,
                holds=holds,
                critical_path=tuple(stage.items[j] for j in path),
                starts=tuple(e - d for e, d in zip(ends, stage.days, strict=True)),
                core=core,
            )
        )
    total = values[f"S{len(plan.stages)}"]
    holds = None if plan.bound_days is None else bool(values["okChain"])
    core = None
    if holds is False:
        assert plan.bound_days is not None
        path_days = [
            (item, days)
            for stage_plan, path in zip(plan.stages, paths, strict=True)
            for item, days in ((stage_plan.items[j], stage_plan.days[j]) for j in path)
        ]
        core = violation_core(chain_bound_label(plan), plan.bound_days, path_days)
    return ChainProof(plan=plan, stages=tuple(stages), total_days=total, holds=holds, core=core)


def chain_model(plan: ChainPlan) -> str:
    """The chain's worst-case schedule and bound literals, as SMT-LIB 2 text."""
    lines: list[str] = []
    stage_count = len(plan.stages)
    lines.extend(f"(declare-fun S{k} () Int)" for k in range(stage_count + 1))
    lines.append("(assert (= S0 0))")
    for stage in plan.stages:
        k = stage.index
        lines.extend(f"(declare-fun e{k}_{j} () Int)" for j in range(len(stage.items)))
        for j, (days, before) in enumerate(zip(stage.days, stage.prerequisites, strict=True)):
            start = _max_expr([f"e{k}_{p}" for p in before]) if before else f"S{k}"
            lines.append(f"(assert (= e{k}_{j} (+ {start} {days})))")
        sinks = [f"e{k}_{j}" for j in stage.sinks()]
        lines.append(f"(assert (= S{k + 1} {_max_expr(sinks) if sinks else f'S{k}'}))")
        if stage.bound_days is not None:
            lines.append(f"(declare-fun ok{k} () Bool)")
            lines.append(f"(assert (= ok{k} (<= (- S{k + 1} S{k}) {stage.bound_days})))")
    if plan.bound_days is not None:
        lines.append("(declare-fun okChain () Bool)")
        lines.append(f"(assert (= okChain (<= S{stage_count} {plan.bound_days})))")
    return "\n".join(lines)


def _max_expr(terms: list[str]) -> str:
    """The maximum of ``terms`` as nested ``ite``s, pairwise by levels so nothing is repeated."""
    if len(terms) == 1:
        return terms[0]
    bindings: list[str] = []
    level = terms
    depth = 0
    while len(level) > 1:
        names = []
        pairs = []
        for i in range(0, len(level) - 1, 2):
            a, b = level[i], level[i + 1]
            name = f"m{depth}_{i // 2}"
            pairs.append(f"({name} (ite (>= {a} {b}) {a} {b}))")
            names.append(name)
        if len(level) % 2:
            names.append(level[-1])
        bindings.append(" ".join(pairs))
        level = names
        depth += 1
    text = level[0]
    for binding in reversed(bindings):
        text = f"(let ({binding}) {text})"
    return text


def _model_values(model: z3.ModelRef) -> _Completed:
    """Every constant of the model (Booleans as 0/1), read from its text in one pass."""
    values: dict[str, int] = {}
    for name, value in _VALUE.findall(model.sexpr()):
        if value == "true":
            values[name] = 1
        elif value == "false":
            values[name] = 0
        elif value.startswith("("):
            values[name] = -int(value[3:-1])
        else:
            values[name] = int(value)
    return _Completed(model, values)


class _Completed(dict[str, int]):
    """Model values, asking z3 for any constant the model text left out."""

    def __init__(self, model: z3.ModelRef, values: dict[str, int]) -> None:
        super().__init__(values)
        self._model = model

    def __missing__(self, name: str) -> int:
        import z3

        constant = z3.Bool(name) if name.startswith("ok") else z3.Int(name)
        value = self._model.eval(constant, model_completion=True)
        result = int(z3.is_true(value)) if z3.is_bool(value) else value.as_long()
        self[name] = result
        return result


def _critical_path(stage: StagePlan, start: int, end: int, ends: list[int]) -> list[int]:
    """Positions of a heaviest path, read back along the model's tight constraints."""
    if not stage.items:
        return []
    successors = stage.successors()
    last = next(
        (j for j, e in enumerate(ends) if e == end and all(ends[s] != end for s in successors[j])),
        None,
    )
    if last is None:
        raise ProofError(f"stage {stage.name}: no item ends when the stage ends")
    path = [last]
    current = last
    while True:
        begins = ends[current] - stage.days[current]
        before = next((p for p in stage.prerequisites[current] if ends[p] == begins), None)
        if before is None:
            if begins != start:
                raise ProofError(f"stage {stage.name}: {stage.items[current]} starts untied")
            break
        path.append(before)
        current = before
    path.reverse()
    return path


def violation_core(bound_label: str, bound: int, path: list[tuple[str, int]]) -> Core:
    """Prove that the items of ``path``, one after another, cannot fit within ``bound``.

    ``t0 <= t1 <= ...`` are the moments between the items; item ``p`` takes
    ``t(p+1) - tp >= days`` behind its own assumption literal ``iP``, and the
    bound ``t_last - t0 <= bound`` behind the literal ``bound``. z3 answers
    unsat and its core names the bound and the items whose days it needed (an
    item of 0 days never is).
    """
    lines = ["(declare-fun t0 () Int)", "(declare-fun bound () Bool)"]
    for p, (_, days) in enumerate(path):
        lines.append(
            f"(declare-fun t{p + 1} () Int)(declare-fun i{p} () Bool)"
            f"(assert (>= t{p + 1} t{p}))(assert (=> i{p} (>= (- t{p + 1} t{p}) {days})))"
        )
    lines.append(f"(assert (=> bound (<= (- t{len(path)} t0) {bound})))")
    import z3

    solver = z3.SolverFor("QF_LIA")
    solver.from_string("\n".join(lines))
    literals = [z3.Bool("bound"), *(z3.Bool(f"i{p}") for p in range(len(path)))]
    answer = solver.check(*literals)
    if answer != z3.unsat:
        raise ProofError(f"{bound_label}: the critical path fits within {bound} days ({answer})")
    named = {literal.decl().name() for literal in solver.unsat_core()}
    if "bound" not in named:
        raise ProofError(f"{bound_label}: the unsat core does not name the bound")
    items = tuple(item for p, (item, _) in enumerate(path) if f"i{p}" in named)
    return Core(bound=bound_label, items=items)
