"""What every rule the project documents shares: checks (PL…) and rule-pack lints (RL…)."""

from __future__ import annotations

from dataclasses import dataclass

from permitlogic.models.report import Severity


@dataclass(frozen=True)
class RuleDoc:
    """A rule's identity and its doc, in Chinese and English.

    ``doc_zh`` / ``doc_en`` use the headings *What it does*, *Why is this bad?*,
    *Example*, *Use instead*, *References* (功能 / 问题 / 示例 / 修改 / 依据).
    """

    id: str
    name: str
    name_zh: str
    severity: Severity
    citation: str
    summary_zh: str
    summary_en: str
    doc_zh: str
    doc_en: str
