"""``permitlogic rules lint``: a legal lint of rule packs and check settings (RL001–RL004).

One module per lint rule, each with META (a LintMeta with its doc) and
``lint(packs) -> Iterator[LintFinding]``; ``lint_packs`` runs them all.
"""

from __future__ import annotations

from permitlogic.packs.lint import (
    basis_level_table,
    charge_without_basis,
    citation_not_registered,
    deadline_exceeds_statute,
)
from permitlogic.packs.lint.base import LintFinding, LintMeta, LintRule, PackSet
from permitlogic.packs.lint.load import load_pack_set

__all__ = ["LINT_RULES", "LintFinding", "LintMeta", "PackSet", "lint_packs", "load_pack_set"]

LINT_RULES: dict[str, LintRule] = {
    module.META.id: LintRule(meta=module.META, run=module.lint)
    for module in (
        charge_without_basis,
        citation_not_registered,
        basis_level_table,
        deadline_exceeds_statute,
    )
}


def lint_packs(packs: PackSet) -> list[LintFinding]:
    """Every lint finding of ``packs``, by rule id then file order."""
    return [finding for rule in LINT_RULES.values() for finding in rule.run(packs)]
