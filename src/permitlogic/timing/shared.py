"""The chain plans and z3 proofs of one catalog, computed once and shared by the checks.

PL310, PL311, PL313 and the report's timelines all read the same plan and the
same proof of a chain through ``CheckContext.shared``.
"""

from __future__ import annotations

from permitlogic.check_context import CheckContext
from permitlogic.timing.chains import ChainPlan, chain_plan
from permitlogic.timing.proof import ChainProof, prove_chain


def chain_plans(ctx: CheckContext) -> list[ChainPlan]:
    """One plan per chain of the catalog, in catalog order."""
    return ctx.shared(
        ("timing", "plans"),
        lambda: [chain_plan(chain, ctx.items, ctx.pack.thresholds) for chain in ctx.catalog.chains],
    )


def chain_proof(ctx: CheckContext, plan: ChainPlan) -> ChainProof | None:
    """The z3 proof of the chain's bounds; None when a cycle makes it unschedulable."""
    if not plan.schedulable:
        return None
    return ctx.shared(("timing", "proof", plan.id), lambda: prove_chain(plan))
