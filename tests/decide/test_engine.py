"""durable-rules at scale: rules fire on facts, sessions never pile up, threads share it safely."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import permitlogic as pl
from permitlogic.decide.api import decide_green_channel_batch
from permitlogic.decide.compiled_ruleset import BATCH, CompiledRuleset
from permitlogic.decide.green_channel import green_channel_rules
from permitlogic.decide.rules import FieldTest, Rule
from permitlogic.packs.green_channel import bundled_green_channel_pack
from permitlogic.service.examples import PROJECT


def _variants(count: int) -> list[dict[str, object]]:
    flags = [
        "eia_approval",
        "reviewed_drawings",
        "dust_deposit_paid",
        "urban",
        "emergency_designated",
    ]
    categories = ["major_infrastructure", "emergency", "ordinary", "major_investment"]
    return [
        dict(
            PROJECT,
            id=f"P-{n}",
            category=categories[n % 4],
            **{flag: bool((n >> bit) & 1) for bit, flag in enumerate(flags)},
        )
        for n in range(count)
    ]


def test_rules_fire_on_facts_in_a_ruleset_of_their_own() -> None:
    rules = [
        Rule((), 0),
        Rule((FieldTest("n", "gt", 2),), 1),
        Rule((FieldTest("n", "gt", 2), FieldTest("colour", "eq", 'r"e"d')), 1, "red"),
    ]
    ruleset = CompiledRuleset("test_fire_on_facts", rules)
    pairs = [(n, colour) for n in range(5) for colour in ('r"e"d', "blue")]
    firings = ruleset.evaluate([{"n": n, "colour": colour} for n, colour in pairs])
    assert all(f.applies >= {0} for f in firings)
    assert [1 in f.applies for f in firings] == [n > 2 for n, _ in pairs]
    assert [bool(f.violated) for f in firings] == [n > 2 and c == 'r"e"d' for n, c in pairs]


def test_a_fact_that_matches_no_rule_is_still_handled() -> None:
    ruleset = CompiledRuleset("test_unmatched", [Rule((FieldTest("x", "eq", True),), 0)])
    firings = ruleset.evaluate([{"y": 1}, {"x": False}])
    assert [f.applies for f in firings] == [set(), set()]


def test_sessions_are_deleted_after_every_batch() -> None:
    decisions = decide_green_channel_batch(_variants(3 * BATCH + 7))
    assert len(decisions) == 3 * BATCH + 7
    ruleset = green_channel_rules(bundled_green_channel_pack()).ruleset
    assert not ruleset.has_live_session()


def test_many_single_decisions_reuse_one_session() -> None:
    # Far more than the ~1,000 live sessions durable-rules can hold at once.
    projects = _variants(1500)
    singles = [pl.decide_green_channel(p) for p in projects]
    assert singles == decide_green_channel_batch(projects)


def test_threads_get_the_decisions_one_thread_gets() -> None:
    projects = _variants(400)
    expected = decide_green_channel_batch(projects)
    barrier = threading.Barrier(8)

    def work(k: int) -> list[object]:
        barrier.wait()
        if k % 2:
            return [pl.decide_green_channel(p) for p in projects]
        return list(decide_green_channel_batch(projects))

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))
    assert all(result == expected for result in results)
