"""Every ready property, in the order they run, and ``run_all`` to run them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from permitlogic.testing.packs import CatalogLike, PacksLike, as_catalog, as_packs
from permitlogic.testing.properties.checker import (
    checker_ignores_order,
    checker_ignores_renaming,
    checker_is_deterministic,
    checker_never_crashes,
)
from permitlogic.testing.properties.deadlines import deadlines_are_sane
from permitlogic.testing.properties.deferral import deferral_is_monotone, deferral_keeps_the_law
from permitlogic.testing.properties.determinism import decisions_are_deterministic
from permitlogic.testing.properties.green_channel import (
    green_channel_is_monotone,
    green_channel_keeps_the_baseline,
)
from permitlogic.testing.properties.proofs import proofs_match_longest_path


@dataclass(frozen=True)
class Property:
    """A ready property: its name, the function that runs it, and what it holds (zh, en)."""

    name: str
    run: Callable[..., None]
    takes_catalog: bool
    """Whether it accepts ``catalog=`` (the deferral properties)."""
    summary_zh: str
    summary_en: str


PROPERTIES: tuple[Property, ...] = (
    Property(
        "green_channel_keeps_the_baseline",
        green_channel_keeps_the_baseline,
        False,
        "绿色通道：纳入即满足 1+3+2+1 底线条件",
        "green channel: eligible only with the whole 1+3+2+1 baseline",
    ),
    Property(
        "green_channel_is_monotone",
        green_channel_is_monotone,
        False,
        "绿色通道：满足更多条件不会更差",
        "green channel: meeting more conditions never hurts",
    ),
    Property(
        "deferral_keeps_the_law",
        deferral_keeps_the_law,
        True,
        "容缺受理：判定符合 decisions.md 的判定表",
        "deferral: every decision follows the table of decisions.md",
    ),
    Property(
        "deferral_is_monotone",
        deferral_is_monotone,
        True,
        "容缺受理：补交材料、承诺、信用改善不会更差",
        "deferral: a better application never gets a worse decision",
    ),
    Property(
        "deadlines_are_sane",
        deadlines_are_sane,
        True,
        "期限：按工作日计算，一次性告知不超过五日",
        "deadlines: working days, the notice within five",
    ),
    Property(
        "decisions_are_deterministic",
        decisions_are_deterministic,
        True,
        "判定可重复：同一输入同一结果",
        "decisions: same input, same decision",
    ),
    Property(
        "checker_is_deterministic",
        checker_is_deterministic,
        False,
        "检查可重复：同一目录同一报告",
        "checks: same catalog, same report",
    ),
    Property(
        "checker_never_crashes",
        checker_never_crashes,
        False,
        "检查从不崩溃",
        "checks: never crash",
    ),
    Property(
        "checker_ignores_renaming",
        checker_ignores_renaming,
        False,
        "检查结果不随事项编码改变",
        "checks: invariant under renaming of ids",
    ),
    Property(
        "checker_ignores_order",
        checker_ignores_order,
        False,
        "检查结果不随事项顺序改变",
        "checks: invariant under reordering of items",
    ),
    Property(
        "proofs_match_longest_path",
        proofs_match_longest_path,
        False,
        "z3 时限证明与 networkx 最长路径一致",
        "time proofs: z3 equals the networkx longest path",
    ),
)


def run_all(
    packs: PacksLike = None,
    catalog: CatalogLike = None,
    *,
    max_examples: int | None = None,
) -> None:
    """Every property over the packs; the first failure is raised, with its example."""
    loaded = as_packs(packs)
    chosen = as_catalog(catalog)
    for entry in PROPERTIES:
        if entry.takes_catalog:
            entry.run(loaded, chosen, max_examples=max_examples)
        else:
            entry.run(loaded, max_examples=max_examples)
