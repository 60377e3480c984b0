"""Random catalogs with project chains, for the time-proof property tests.

Small on purpose (at most a dozen items) so that hypothesis explores many
shapes: parallel branches, zero-day and on-the-spot items, items with no
promise (their statute counts), items listed in two stages, prerequisites
across stages in both directions, items outside the chain, and now and then a
prerequisite cycle.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from permitlogic.models.catalog import Catalog

STAGE_NAMES = ["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收"]


@st.composite
def items(draw: st.DrawFn, count: int) -> list[dict[str, Any]]:
    out = []
    for index in range(count):
        item: dict[str, Any] = {
            "id": f"IT-{index:02d}",
            "name": f"事项{index}",
            "department": f"部门{draw(st.integers(0, 3))}",
        }
        promised = draw(st.none() | st.integers(0, 20))
        if promised is None:
            item["kind"] = draw(st.sampled_from(["service", "filing", "intermediary"]))
            statute = draw(st.none() | st.integers(1, 60))
            if statute is not None:
                item["statutory_days"] = statute
            item["joint"] = draw(st.booleans())
        else:
            item["kind"] = "license"
            item["promised_days"] = promised
        item["on_the_spot"] = draw(st.booleans())
        out.append(item)
    return out


@st.composite
def chain_catalogs(draw: st.DrawFn, max_items: int = 12, cycles: bool = True) -> Catalog:
    """A valid catalog with one or two chains over its items."""
    count = draw(st.integers(1, max_items))
    data_items = draw(items(count))
    # Prerequisites: mostly from a lower index (a DAG), sometimes from a higher one.
    for index, item in enumerate(data_items):
        before: list[int] = []
        if index > 0:
            before = draw(st.lists(st.integers(0, index - 1), max_size=min(3, index), unique=True))
        if cycles and draw(st.integers(0, 9)) == 0:
            before.append(draw(st.integers(index, count - 1)))
        if before:
            item["prerequisites"] = [{"item": f"IT-{p:02d}"} for p in sorted(set(before))]
    chains = []
    for number in range(draw(st.integers(1, 2))):
        stage_count = draw(st.integers(1, 4))
        stages: list[dict[str, Any]] = [
            {"name": STAGE_NAMES[s], "items": []} for s in range(stage_count)
        ]
        for index in range(count):
            # Stage placement follows the index most of the time, so the prerequisite
            # DAG mostly points forward across stages; None keeps the item out.
            natural = index * stage_count // count
            choice = draw(st.integers(0, 5))
            where = (
                None
                if choice == 0
                else natural
                if choice < 5
                else draw(st.integers(0, stage_count - 1))
            )
            if where is not None:
                stages[where]["items"].append(f"IT-{index:02d}")
        if count and draw(st.integers(0, 7)) == 0:
            twice = draw(st.integers(0, count - 1))
            stages[draw(st.integers(0, stage_count - 1))]["items"].append(f"IT-{twice:02d}")
        for stage in stages:
            bound = draw(st.none() | st.integers(0, 45))
            if bound is not None:
                stage["bound_days"] = bound
            joint = draw(st.none() | st.booleans())
            if joint is not None:
                stage["joint"] = joint
        chain: dict[str, Any] = {
            "id": f"chain-{number}",
            "name": f"流程{number}",
            "joint": draw(st.booleans()),
            "stages": stages,
        }
        bound = draw(st.none() | st.integers(0, 120))
        if bound is not None:
            chain["bound_days"] = bound
        chains.append(chain)
    return Catalog.model_validate(
        {
            "catalog": {"id": "random-chains", "jurisdiction": "测试县"},
            "items": data_items,
            "chains": chains,
        }
    )
