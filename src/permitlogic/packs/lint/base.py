"""What a lint rule is, what it reads (the packs of one rules directory) and what it reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from permitlogic.law.quotes import law_quotes
from permitlogic.law.register import Register
from permitlogic.models.report import LawQuote, Out, Severity
from permitlogic.packs.checks_pack import ChecksPack
from permitlogic.packs.deferral import DeferralPack
from permitlogic.packs.green_channel import GreenChannelPack
from permitlogic.rule_doc import RuleDoc

__all__ = ["CitedText", "LintFinding", "LintMeta", "LintRule", "PackSet", "cited_texts"]


class LintFinding(Out):
    """One legal defect of a rule pack: the lint rule, where, why, and the law it rests on."""

    rule: str
    name: str
    severity: Severity
    file: str
    key: str
    message_zh: str
    message_en: str
    citation: str
    law: list[LawQuote] = Field(default_factory=list)


@dataclass(frozen=True)
class LintMeta(RuleDoc):
    """A lint rule's identity and doc (see RuleDoc) and the register articles it cites."""

    law: tuple[str, ...] = ()

    def finding(
        self, file: Path, key: str, message_zh: str, message_en: str, register: Register
    ) -> LintFinding:
        return LintFinding(
            rule=self.id,
            name=self.name,
            severity=self.severity,
            file=str(file),
            key=key,
            message_zh=message_zh,
            message_en=message_en,
            citation=self.citation,
            law=law_quotes(self.law, register),
        )


@dataclass(frozen=True)
class PackSet:
    """The packs of one rules directory (each may be absent) and the register they cite."""

    directory: Path
    register: Register
    checks: ChecksPack | None = None
    green_channel: GreenChannelPack | None = None
    deferral: DeferralPack | None = None

    def path(self, name: str) -> Path:
        return self.directory / name


LintFunction = Callable[[PackSet], Iterator[LintFinding]]


@dataclass(frozen=True)
class LintRule:
    meta: LintMeta
    run: LintFunction


@dataclass(frozen=True)
class CitedText:
    """A citation a pack makes: where, its text, its register references, and its words."""

    file: Path
    key: str
    citation: str
    law: tuple[str, ...]
    name: str = ""  # the condition's or rule's name
    words: str = ""  # name and message, where a condition says what it demands


def cited_texts(packs: PackSet) -> Iterator[CitedText]:
    """Every citation in the packs, in file order."""
    if packs.checks is not None:
        path = packs.path("checks.yaml")
        for level, row in packs.checks.basis_levels.items():
            yield CitedText(path, f"basis_levels.{level.value}", row.citation, tuple(row.law))
    if packs.green_channel is not None:
        path = packs.path("green-channel.yaml")
        scope = packs.green_channel.scope
        yield CitedText(path, f"scope[{scope.id}]", scope.citation, tuple(scope.law))
        for condition in packs.green_channel.conditions:
            yield CitedText(
                path,
                f"conditions[{condition.id}]",
                condition.citation,
                tuple(condition.law),
                condition.name_zh,
                f"{condition.name_zh} {condition.message_zh}",
            )
    if packs.deferral is not None:
        path = packs.path("deferral.yaml")
        pack = packs.deferral
        yield CitedText(path, "notice_citation", pack.notice_citation, tuple(pack.notice_law))
        for rule in pack.rules:
            yield CitedText(
                path,
                f"rules[{rule.id}]",
                rule.citation,
                tuple(rule.law),
                rule.name_zh,
                f"{rule.name_zh} {rule.message_zh}",
            )
