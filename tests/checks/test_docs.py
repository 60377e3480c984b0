"""Every check explains itself under the same five headings, in both languages,
and docs/checks.md is what the registry says."""

from __future__ import annotations

import pytest

from permitlogic import checks_page
from permitlogic.checks.base import CheckMeta
from permitlogic.checks.registry import documented_rules

RULES = list(documented_rules().values())
CHECK_HEADINGS_ZH = ["### 功能", "### 问题", "### 示例", "### 修改", "### 依据"]
CHECK_HEADINGS_EN = [
    "### What it does",
    "### Why is this bad?",
    "### Example",
    "### Use instead",
    "### References",
]


@pytest.mark.parametrize("meta", RULES, ids=[m.id for m in RULES])
def test_doc_has_the_five_headings_in_order(meta: CheckMeta) -> None:
    for doc, headings in ((meta.doc_zh, CHECK_HEADINGS_ZH), (meta.doc_en, CHECK_HEADINGS_EN)):
        positions = [doc.find(h) for h in headings]
        assert -1 not in positions, f"{meta.id}: missing heading"
        assert positions == sorted(positions)
    assert meta.citation and meta.summary_zh and meta.summary_en and meta.name_zh
    assert meta.area in {area for area, _, _ in checks_page.AREAS}


def test_ids_and_names_are_unique_and_well_formed() -> None:
    names = [m.name for m in RULES]
    assert len(set(names)) == len(names)
    for meta in RULES:
        assert meta.id[:2] == "PL" and meta.id[2:].isdigit() and len(meta.id) == 5
        assert meta.name == meta.name.lower() and " " not in meta.name


def test_checks_page_is_current() -> None:
    """docs/checks.md is generated; regenerate it with `python -m permitlogic.checks_page`."""
    assert checks_page.PAGE.read_text(encoding="utf-8") == checks_page.render()


def test_checks_page_lists_every_rule_once() -> None:
    page = checks_page.render()
    for meta in RULES:
        assert page.count(f"| {meta.id} |") == 1
