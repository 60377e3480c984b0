"""Every structure and basis check explains itself with the five headings, in both languages."""

from __future__ import annotations

import pytest

from permitlogic.checks.registry import all_checks

from .fixtures import AREAS

CHECKS = [c for i, c in all_checks().items() if i.startswith(AREAS)]
ZH = ["### 功能", "### 问题", "### 示例", "### 修改", "### 依据"]
EN = [
    "### What it does",
    "### Why is this bad?",
    "### Example",
    "### Use instead",
    "### References",
]


@pytest.mark.parametrize("check", CHECKS, ids=[c.meta.id for c in CHECKS])
def test_doc_has_the_five_headings_in_order(check: object) -> None:
    meta = check.meta  # type: ignore[attr-defined]
    for doc, headings in ((meta.doc_zh, ZH), (meta.doc_en, EN)):
        positions = [doc.index(h) for h in headings]
        assert positions == sorted(positions)
    assert meta.citation and meta.summary_zh and meta.summary_en and meta.name_zh
    assert meta.needs_reference == (meta.id in ("PL204", "PL205"))
