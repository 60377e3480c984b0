"""docs/checks.md, generated from the checks' META: the one list of checks.

``python -m permitlogic.checks_page`` rewrites the page; ``--check`` exits 1
when the page on disk differs from what the registry says (a test runs it).
The tables come from each check's META (id, names, default severity,
summaries, citation); only the paragraphs introducing each area are written
here.
"""

from __future__ import annotations

from pathlib import Path

from permitlogic.checks.base import CheckMeta
from permitlogic.checks.registry import documented_rules
from permitlogic.generated_page import page_main
from permitlogic.models.catalog import ALL_KINDS, APPROVAL_KINDS, Kind

PAGE = Path(__file__).resolve().parents[2] / "docs" / "checks.md"

HEADER = """\
# The checks

<!-- Generated from each check's META by `python -m permitlogic.checks_page`; do not edit by hand. -->

Every check has a stable id, a kebab-case name, a default severity, the legal
or policy text it enforces, and a doc (what it finds, why it is wrong, an
example, how to fix it, references) that `permitlogic rules PL101` prints in
Chinese and `--lang en` in English. Ids never change meaning; a retired check
keeps its id reserved. A rule pack (rules/) may change a severity or a
threshold, never the meaning.

Severities: `error` (the catalog may not be published as is), `warning` (a
reform target missed or a likely defect), `info` (a simplification worth
making). A finding names the check, the severity, the item ids involved (in a
meaningful order: the cycle in order, the critical path in order), a message
in Chinese and in English, the citation, and where one exists a witness (the
cycle, the path, the counterexample) and a suggested fix.

每项检查有固定编号、名称、默认级别、所依据的法律或政策条文，以及说明（发现什么、为何违法、示例、
如何修改、依据），`permitlogic rules PL101` 打印全文。

*Reads* says which kinds of item a check reads (the approval kinds — license,
non-license, filing, service, intermediary — unless it says otherwise; the
other kinds of a 权责清单, such as 行政处罚 or 行政检查, are out of every
check's scope) and the fields it needs. In a catalog imported from a
published list (`published: true`) a field the list does not give is
unknown: the check does not judge that item, and the report's `not_judged`
section counts such items per check (see docs/import.md).

“reads”列：检查读取的事项类型（未注明的为审批事项）及所需字段；公布清单导入的目录中未给出的字段为“未知”，
该事项不作判断，报告的 not_judged 部分按检查列出数量。
"""

AREAS: list[tuple[str, str, str]] = [
    (
        "structure",
        "Structure of the prerequisite graph (networkx) · 前置条件关系图",
        "",
    ),
    (
        "basis",
        "Legal basis · 设定依据",
        "Checks marked *reference* run only with `--reference LIST`: the upper level's "
        "published decisions, YAML or XLSX `entries: [{name, status: abolished|devolved, "
        "document, date}]`.",
    ),
    (
        "time",
        "Time limits (z3) · 办理时限",
        "The time checks are one z3 model per chain: an integer start time per item, "
        "end = start + promised, prerequisites ordered, each stage after the previous one, "
        "and the bounds asserted. When the model is unsatisfiable, the unsat core names the "
        "bounds and items in conflict, and an Optimize run proposes the smallest total cut "
        "of promised days that satisfies all bounds (the suggested fix). The answer equals "
        "the plain longest-path computation of networkx on every catalog; the tests check "
        "that on random catalogs.",
    ),
    ("input", "Input · 输入", "An invalid input is reported, not checked; the run exits 2."),
]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _scope(meta: CheckMeta) -> str:
    """Which kinds of item the check reads, and the fields it needs (unknown: not judged)."""
    kinds = meta.needs_kinds if meta.needs_kinds is not None else meta.kinds
    if kinds == APPROVAL_KINDS:
        scope = "approval items 审批事项"
    elif kinds == ALL_KINDS:
        scope = "every kind 所有事项"
    else:
        scope = ", ".join(f"{k.value} {k.zh}" for k in Kind if k in kinds)
    if meta.needs:
        scope += "; needs " + ", ".join(meta.needs)
    return scope


def _row(meta: CheckMeta) -> str:
    name = f"{meta.name} {meta.name_zh}"
    if meta.needs_reference:
        name += " (*reference*)"
    return (
        f"| {meta.id} | {_cell(name)} | {meta.severity.value} | "
        f"{_cell(meta.summary_en)}<br>{_cell(meta.summary_zh)} | {_cell(_scope(meta))} | "
        f"{_cell(meta.citation)} |"
    )


def render() -> str:
    """The whole page, from the registry."""
    rules = documented_rules()
    known = {area for area, _, _ in AREAS}
    stray = sorted({m.area for m in rules.values()} - known)
    if stray:
        raise RuntimeError(f"checks in areas the page does not introduce: {stray}")
    parts = [HEADER]
    for area, title, intro in AREAS:
        members = [m for m in rules.values() if m.area == area]
        if not members:
            continue
        parts.append(f"\n## {title}\n")
        if intro:
            parts.append(f"\n{intro}\n")
        parts.append(
            "\n| id | name | default | finds | reads | citation |\n|---|---|---|---|---|---|\n"
        )
        parts.append("".join(_row(m) + "\n" for m in members))
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    return page_main(PAGE, render, "permitlogic.checks_page", argv)


if __name__ == "__main__":
    raise SystemExit(main())
