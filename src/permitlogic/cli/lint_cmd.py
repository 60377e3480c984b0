"""``permitlogic rules lint [DIR|FILE...]``: the legal lint of rule packs (RL001–RL004).

Exit codes as ``check``: 0 no finding at or above --fail-on (default error);
1 findings at or above it; 2 invalid input or command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markdown import Markdown

from permitlogic import __version__
from permitlogic.cli.options import Lang
from permitlogic.errors import InputError
from permitlogic.law.quotes import quote_line
from permitlogic.models.report import Severity
from permitlogic.packs.lint import LINT_RULES, LintFinding, LintMeta, lint_packs, load_pack_set
from permitlogic.packs.location import default_rules_dir


def run_lint(targets: list[Path], as_json: bool, lang: Lang, fail_on: Severity) -> None:
    """Lint every target (the bundled rules/ when none) and exit with check's codes."""
    chosen = targets or [default_rules_dir()]
    findings: list[LintFinding] = []
    try:
        for target in chosen:
            findings += lint_packs(load_pack_set(target))
    except InputError as error:
        from permitlogic.cli import report_input_error

        report_input_error(error, lang.value)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(_as_json(findings), ensure_ascii=False, indent=2))
    else:
        _print(findings, lang)
    failing = [f for f in findings if f.severity.rank >= fail_on.rank]
    raise typer.Exit(1 if failing else 0)


def _as_json(findings: list[LintFinding]) -> dict[str, object]:
    return {
        "tool": {"name": "permitlogic", "version": __version__},
        "findings": [f.model_dump(mode="json") for f in findings],
        "summary": {s.value: sum(1 for f in findings if f.severity is s) for s in Severity},
    }


def _print(findings: list[LintFinding], lang: Lang) -> None:
    console = Console(highlight=False, soft_wrap=True)
    for f in findings:
        severity = f.severity.zh if lang is Lang.zh else f.severity.value
        message = f.message_zh if lang is Lang.zh else f.message_en
        console.print(f"{f.file}: {f.key}: {f.rule} {f.name} [{severity}] {message}", markup=False)
        console.print(f"  {f.citation}", style="dim", markup=False)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    if lang is Lang.zh:
        line = f"错误 {counts[Severity.error]}，警告 {counts[Severity.warning]}，提示 {counts[Severity.info]}"
    else:
        line = f"{counts[Severity.error]} errors, {counts[Severity.warning]} warnings, {counts[Severity.info]} info"
    console.print(line, markup=False)


def lint_rule_doc(meta: LintMeta, as_json: bool, lang: Lang) -> None:
    """`permitlogic rules RL001`: a lint rule's doc, as for a check."""
    from permitlogic.law.quotes import law_quotes

    quotes = law_quotes(meta.law)
    if as_json:
        data = {
            "id": meta.id,
            "name": meta.name,
            "name_zh": meta.name_zh,
            "severity": meta.severity.value,
            "citation": meta.citation,
            "law": [q.model_dump() for q in quotes],
            "summary_zh": meta.summary_zh,
            "summary_en": meta.summary_en,
            "doc_zh": meta.doc_zh,
            "doc_en": meta.doc_en,
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    console.print(f"[bold]{meta.id} {meta.name}[/] {meta.name_zh} · {meta.severity.value}")
    console.print(Markdown(meta.doc_zh if lang is Lang.zh else meta.doc_en))
    console.print(f"[dim]{meta.citation}[/]")
    for quote in quotes:
        console.print(f"  {quote_line(quote)}", markup=False)


__all__ = ["LINT_RULES", "lint_rule_doc", "run_lint"]
