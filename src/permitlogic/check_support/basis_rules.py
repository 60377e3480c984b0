"""What a level of legal basis may do, read from the checks pack (never from code)."""

from __future__ import annotations

from collections.abc import Sequence

from permitlogic.checks.base import CheckContext
from permitlogic.models.catalog import Basis
from permitlogic.packs.checks_pack import LevelRule


def level_rule(ctx: CheckContext, basis: Basis) -> LevelRule | None:
    """The pack's row for the basis's level (None if the pack leaves it out or it is unclassified)."""
    if basis.level is None:
        return None
    return ctx.pack.basis_levels.get(basis.level)


def makes_prerequisite(ctx: CheckContext, basis: Basis | None) -> bool:
    """Whether ``basis`` may make something a prerequisite (a level the pack does not list may not)."""
    if basis is None:
        return False
    rule = level_rule(ctx, basis)
    return rule is not None and rule.may_make_prerequisite


def strongest(bases: Sequence[Basis]) -> Basis:
    """The strongest classified basis (law first); the first written wins a tie.

    Callers pass bases that are all classified (an unclassified one leaves the
    item not judged).
    """
    return min(bases, key=lambda basis: basis.level.rank if basis.level is not None else 99)
