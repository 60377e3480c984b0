"""Project chains in stages over a drawn catalog's licenses, with bounds that hold."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from hypothesis import strategies as st

from permitlogic.synth import STAGES

JOINT_LIMIT_DAYS = 45
"""The most a joint chain may promise (PL312)."""


def draw_chains(
    draw: st.DrawFn, items: list[dict[str, Any]], licenses: list[int]
) -> list[dict[str, Any]]:
    """Chains over licenses in catalog order, so prerequisites sit in the same or an earlier stage."""
    if len(licenses) < 2:
        return []
    chains = []
    for number in range(draw(st.integers(0, 2))):
        members = draw(st.lists(st.sampled_from(licenses), min_size=2, max_size=8, unique=True))
        members.sort()
        groups = _draw_stage_groups(draw, members)
        total = _promised_days(items, members)
        joint = draw(st.booleans()) and total <= JOINT_LIMIT_DAYS
        stages = [
            _draw_stage(draw, items, STAGES[position], group, joint)
            for position, group in enumerate(groups)
        ]
        chain: dict[str, Any] = {
            "id": f"chain-{number + 1}",
            "name": f"工程建设项目审批流程{number + 1}",
            "joint": joint,
            "stages": stages,
        }
        if draw(st.booleans()):
            chain["bound_days"] = (
                min(JOINT_LIMIT_DAYS, total + 5) if joint else total + draw(st.integers(0, 10))
            )
        chains.append(chain)
    return chains


def _draw_stage_groups(draw: st.DrawFn, members: list[int]) -> list[list[int]]:
    """The members cut, in order, into one to four stages."""
    stage_count = draw(st.integers(1, min(len(STAGES), len(members))))
    cuts = sorted(
        draw(
            st.lists(
                st.integers(1, len(members) - 1),
                min_size=stage_count - 1,
                max_size=stage_count - 1,
                unique=True,
            )
        )
    )
    bounds = [0, *cuts, len(members)]
    return [members[start:end] for start, end in pairwise(bounds)]


def _draw_stage(
    draw: st.DrawFn, items: list[dict[str, Any]], name: str, group: list[int], joint: bool
) -> dict[str, Any]:
    """A stage of the items in ``group``, now and then with a bound that holds."""
    stage: dict[str, Any] = {"name": name, "items": [items[index]["id"] for index in group]}
    if draw(st.booleans()):
        # The sum of a stage's days is at least its longest path: the bound holds.
        bound = _promised_days(items, group) + draw(st.integers(0, 5))
        stage["bound_days"] = min(bound, JOINT_LIMIT_DAYS) if joint else bound
    return stage


def _promised_days(items: list[dict[str, Any]], indices: list[int]) -> int:
    return sum(items[index].get("promised_days", 0) for index in indices)
