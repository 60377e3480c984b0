"""The smallest cut of promised days that makes a chain's bounds hold (z3 Optimize).

For a violated stage bound the repair cuts only that stage's items; for a
violated chain bound it cuts across the chain so that every stage bound and
the chain bound hold. Each item keeps at least 1 working day (an on-the-spot
item at least 0) and no promise is raised. The objectives, in order: the
total number of days cut, then the number of promises changed (fewer
documents to amend), then cuts as early in the chain as possible, so that the
answer is one and the same every time (the last two are skipped on very large
chains, where they are slow). Only
items on a path longer than what the stage can be brought down to enter the
model: cutting any other item shortens no path that matters. When even the
shortest promises cannot meet a bound, there is no repair by cutting
promises, and the answer says which path makes it impossible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from permitlogic.models.catalog import Item
from permitlogic.timing.chains import ChainPlan, StagePlan
from permitlogic.timing.days import floor_days

# z3 is imported by the functions that solve, not here: a check of a catalog without
# chains (every published list) never loads it, a tenth of the command's start-up.
if TYPE_CHECKING:
    import z3

REPAIR_MAX_ITEMS = 400
"""Above this many items that matter, no automatic repair is attempted (Optimize grows fast)."""
FEWEST_ITEMS_LIMIT = 200
"""Up to this many items that matter, equal totals are broken by changing the fewest promises."""
REPAIR_TIMEOUT_MS = 10_000
"""An Optimize run that has not finished by then gives no repair (said as "too large")."""


class Outcome(StrEnum):
    repaired = "repaired"
    impossible = "impossible"
    too_large = "too_large"


@dataclass(frozen=True)
class Cut:
    """Promise ``item`` ``new`` days instead of ``days`` (``promised`` is the field's old value)."""

    item: str
    promised: int | None
    days: int
    new: int


@dataclass(frozen=True)
class Shortfall:
    """Why no repair exists: at the fewest days allowed, ``path`` still takes ``days`` > ``bound``."""

    bound_label: str
    bound: int
    days: int
    path: tuple[str, ...]


@dataclass(frozen=True)
class Repair:
    outcome: Outcome
    cuts: tuple[Cut, ...] = ()
    shortfall: Shortfall | None = None

    @property
    def total_cut(self) -> int:
        return sum(cut.days - cut.new for cut in self.cuts)


def repair_stage(plan: ChainPlan, stage_index: int, items: Mapping[str, Item]) -> Repair:
    """The smallest cut inside one stage that brings it within its bound."""
    return _repair(plan, (plan.stages[stage_index],), False, items)


def repair_chain(plan: ChainPlan, items: Mapping[str, Item]) -> Repair:
    """The smallest cut across the chain that makes every stage bound and the chain bound hold."""
    return _repair(plan, plan.stages, True, items)


def _repair(
    plan: ChainPlan,
    stages: tuple[StagePlan, ...],
    whole_chain: bool,
    items: Mapping[str, Item],
) -> Repair:
    shortfall = _shortfall(plan, stages, whole_chain, items)
    if shortfall is not None:
        return Repair(Outcome.impossible, shortfall=shortfall)
    floors = {
        stage.index: [floor_days(items[i], d) for i, d in zip(stage.items, stage.days, strict=True)]
        for stage in stages
    }
    scope, rest = _scope(stages, whole_chain, floors)
    if sum(len(hot) for hot in scope.values()) > REPAIR_MAX_ITEMS:
        return Repair(Outcome.too_large)
    problem = _problem(plan, stages, whole_chain, floors, scope, rest)
    import z3

    answer = problem.optimize.check()
    if answer == z3.unknown:
        return Repair(Outcome.too_large)
    if answer != z3.sat:
        # _shortfall found every bound reachable at the fewest days, so this is unreachable.
        raise RuntimeError(f"chain {plan.id}: no repair although every bound is reachable")
    model = problem.optimize.model()
    found = []
    for item_id, amount in problem.cuts.items():
        days = problem.taken[item_id][0]
        value = model.eval(amount, model_completion=True).as_long()
        if value > 0:
            found.append(Cut(item_id, items[item_id].promised_days, days, days - value))
    return Repair(Outcome.repaired, cuts=tuple(found))


def _scope(
    stages: tuple[StagePlan, ...], whole_chain: bool, floors: dict[int, list[int]]
) -> tuple[dict[int, list[int]], dict[int, int]]:
    """Per stage, the items a cut can matter for, and the longest path through the others.

    Only items on a path longer than the stage can be made to take matter:
    cutting any other item shortens no path that is too long.
    """
    scope: dict[int, list[int]] = {}
    rest: dict[int, int] = {}
    for stage in stages:
        threshold = (
            _longest(stage, floors[stage.index])[0]
            if whole_chain
            else (stage.bound_days if stage.bound_days is not None else 0)
        )
        through = _through(stage, list(stage.days))
        scope[stage.index] = [j for j, t in enumerate(through) if t > threshold]
        rest[stage.index] = max((t for t in through if t <= threshold), default=0)
    return scope, rest


@dataclass
class _Problem:
    """The optimisation, each item's cut as a term, and each item's days with its duration term."""

    optimize: z3.Optimize
    cuts: dict[str, z3.ArithRef]
    taken: dict[str, tuple[int, z3.ArithRef]]


def _problem(
    plan: ChainPlan,
    stages: tuple[StagePlan, ...],
    whole_chain: bool,
    floors: dict[int, list[int]],
    scope: dict[int, list[int]],
    rest: dict[int, int],
) -> _Problem:
    """The stages as a schedule within their bounds, minimising the days cut."""
    import z3

    optimize = z3.Optimize()
    optimize.set("timeout", REPAIR_TIMEOUT_MS)
    starts = [z3.Int(f"stage:{s}") for s in range(len(stages) + 1)]
    optimize.add(starts[0] == 0)
    cuts: dict[str, z3.ArithRef] = {}
    taken: dict[str, tuple[int, z3.ArithRef]] = {}
    for s, stage in enumerate(stages):
        hot = scope[stage.index]
        begin = {j: z3.Int(f"begin:{s}:{j}") for j in hot}
        end = {j: z3.Int(f"end:{s}:{j}") for j in hot}
        for j in hot:
            item_id, days = stage.items[j], stage.days[j]
            optimize.add(begin[j] >= starts[s], starts[s + 1] >= end[j])
            optimize.add(end[j] - begin[j] <= days, end[j] - begin[j] >= floors[stage.index][j])
            optimize.add(*(begin[j] >= end[p] for p in stage.prerequisites[j] if p in end))
            if item_id in taken:  # the same item listed in two stages takes the same days
                optimize.add(end[j] - begin[j] == taken[item_id][1])
            else:
                taken[item_id] = (days, end[j] - begin[j])
                cuts[item_id] = days - (end[j] - begin[j])
        optimize.add(starts[s + 1] - starts[s] >= rest[stage.index])
        if stage.bound_days is not None:
            optimize.add(starts[s + 1] - starts[s] <= stage.bound_days)
    if whole_chain and plan.bound_days is not None:
        optimize.add(starts[-1] - starts[0] <= plan.bound_days)
    optimize.minimize(z3.Sum(list(cuts.values())) if cuts else z3.IntVal(0))
    if cuts and len(cuts) <= FEWEST_ITEMS_LIMIT:
        optimize.minimize(z3.Sum([z3.If(amount > 0, 1, 0) for amount in cuts.values()]))
        # Among equal answers, cut the items that come first in the chain: one canonical fix.
        optimize.minimize(
            z3.Sum([rank * amount for rank, amount in enumerate(cuts.values(), start=1)])
        )
    return _Problem(optimize, cuts, taken)


def _through(stage: StagePlan, days: list[int]) -> list[int]:
    """For each item, the heaviest path of the stage that passes through it."""
    order = _topological(stage)
    successors = stage.successors()
    before = [0] * len(stage.items)
    for j in order:
        before[j] = max((before[p] + days[p] for p in stage.prerequisites[j]), default=0)
    after = [0] * len(stage.items)
    for j in reversed(order):
        after[j] = max((after[s] + days[s] for s in successors[j]), default=0)
    return [before[j] + days[j] + after[j] for j in range(len(stage.items))]


def _shortfall(
    plan: ChainPlan,
    stages: tuple[StagePlan, ...],
    whole_chain: bool,
    items: Mapping[str, Item],
) -> Shortfall | None:
    """The first bound that even the fewest allowed days cannot meet, with its path."""
    total = 0
    whole_path: list[str] = []
    for stage in stages:
        floors = [floor_days(items[i], d) for i, d in zip(stage.items, stage.days, strict=True)]
        length, path = _longest(stage, floors)
        total += length
        whole_path.extend(path)
        if stage.bound_days is not None and length > stage.bound_days:
            return Shortfall(f"stage:{stage.name}", stage.bound_days, length, tuple(path))
    if whole_chain and plan.bound_days is not None and total > plan.bound_days:
        return Shortfall(f"chain:{plan.id}", plan.bound_days, total, tuple(whole_path))
    return None


def _longest(stage: StagePlan, days: list[int]) -> tuple[int, list[str]]:
    """The heaviest path of the stage with the given days (positions are in dependency order)."""
    order = _topological(stage)
    finish = [0] * len(stage.items)
    came_from: list[int | None] = [None] * len(stage.items)
    for j in order:
        best = max(stage.prerequisites[j], key=lambda p: finish[p], default=None)
        finish[j] = days[j] + (finish[best] if best is not None else 0)
        came_from[j] = best
    if not order:
        return 0, []
    end = max(range(len(stage.items)), key=lambda j: finish[j])
    length = finish[end]
    path = []
    last: int | None = end
    while last is not None:
        path.append(stage.items[last])
        last = came_from[last]
    return length, path[::-1]


def _topological(stage: StagePlan) -> list[int]:
    successors = stage.successors()
    waiting = [len(before) for before in stage.prerequisites]
    ready = [j for j, count in enumerate(waiting) if count == 0]
    order = []
    while ready:
        j = ready.pop()
        order.append(j)
        for s in successors[j]:
            waiting[s] -= 1
            if waiting[s] == 0:
                ready.append(s)
    return order
