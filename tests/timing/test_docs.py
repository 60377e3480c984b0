"""Every time check explains itself in both languages, under the same headings."""

from __future__ import annotations

import pytest

from permitlogic.checks.base import Check
from permitlogic.checks.registry import all_checks

CHECKS = [c for i, c in all_checks().items() if i.startswith("PL3")]
HEADINGS_ZH = ["### 功能", "### 问题", "### 示例", "### 修改", "### 依据"]
HEADINGS_EN = [
    "### What it does",
    "### Why is this bad?",
    "### Example",
    "### Use instead",
    "### References",
]


def test_the_time_checks_are_the_ones_checks_md_lists() -> None:
    assert [c.meta.id for c in CHECKS] == [
        "PL301",
        "PL302",
        "PL303",
        "PL304",
        "PL305",
        "PL310",
        "PL311",
        "PL312",
        "PL313",
    ]
    assert [c.meta.name for c in CHECKS] == [
        "promise-exceeds-statute",
        "reduction-target-missed",
        "too-many-review-levels",
        "single-review-rate",
        "on-the-spot-rate",
        "stage-bound-exceeded",
        "chain-bound-exceeded",
        "joint-bound-exceeded",
        "chain-order-violation",
    ]


@pytest.mark.parametrize("check", CHECKS, ids=[c.meta.id for c in CHECKS])
def test_doc_has_every_heading_in_order(check: Check) -> None:
    meta = check.meta
    for doc, headings in ((meta.doc_zh, HEADINGS_ZH), (meta.doc_en, HEADINGS_EN)):
        positions = [doc.index(h) for h in headings]
        assert positions == sorted(positions)
    assert meta.area == "time" and meta.citation and meta.summary_zh and meta.summary_en
