"""What a check is: metadata (id, name, severity, citation, doc) and a pure function.

A check module under ``permitlogic/checks/<area>/`` exposes ``META`` (a
CheckMeta) and ``check(ctx) -> Iterator[Finding]``. The runner builds one
CheckContext per catalog (the prerequisite graph included) and knows nothing
of any particular check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from permitlogic.check_context import CheckContext
from permitlogic.law.quotes import law_quotes
from permitlogic.models.catalog import APPROVAL_KINDS, Item, Kind
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.rule_doc import RuleDoc

__all__ = ["Check", "CheckContext", "CheckFunction", "CheckMeta"]


@dataclass(frozen=True)
class CheckMeta(RuleDoc):
    """A check's identity and its doc (see RuleDoc), and what it reads."""

    area: str = ""
    needs_reference: bool = False
    kinds: frozenset[Kind] = APPROVAL_KINDS
    """The kinds of item the check reads (the others are out of its scope)."""
    needs: tuple[str, ...] = ()
    """Fields the check needs; an item leaving one unknown is not judged (see check_support.unknown)."""
    needs_kinds: frozenset[Kind] | None = None
    """The kinds whose ``needs`` matter (None: all of ``kinds``)."""

    @property
    def read_kinds(self) -> frozenset[Kind]:
        """The kinds of item whose ``needs`` the check reads."""
        return self.needs_kinds if self.needs_kinds is not None else self.kinds

    def reads(self, item: Item) -> bool:
        """Whether the check reads ``needs`` of this item."""
        return item.kind in self.read_kinds

    # Register references (``xzxkf:34``) of what the citation cites: findings quote them.
    law: tuple[str, ...] = ()

    def finding(
        self,
        ctx: CheckContext,
        *,
        items: list[str],
        message_zh: str,
        message_en: str,
        witness: dict[str, Any] | None = None,
        fix: Fix | None = None,
        department: str | None = None,
        severity: Severity | None = None,
        citation: str | None = None,
    ) -> Finding:
        """A Finding of this check, with the pack's severity override applied."""
        chosen = ctx.pack.severity.get(self.id, severity or self.severity)
        if department is None and items and items[0] in ctx.items:
            department = ctx.items[items[0]].department
        return Finding(
            rule=self.id,
            name=self.name,
            severity=chosen,
            items=items,
            department=department,
            message_zh=message_zh,
            message_en=message_en,
            citation=citation or self.citation,
            law=law_quotes(self.law),
            witness=witness,
            fix=fix,
        )


CheckFunction = Callable[["CheckContext"], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    meta: CheckMeta
    run: CheckFunction
