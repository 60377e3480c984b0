"""Every citation the sample catalogs ship resolves in the register, and statutory limits match it."""

from __future__ import annotations

from pathlib import Path

import pytest

from permitlogic.law import Register, load_register, parse_article_label
from permitlogic.load.catalog import load_catalog
from permitlogic.models.catalog import Basis, Catalog, Item

ROOT = Path(__file__).resolve().parents[2]
REGISTER = load_register(ROOT / "rules" / "law")
SAMPLES = [
    "cases/demo-county.yaml",
    "cases/demo-county.csv",
    "cases/demo-county.xlsx",
    "cases/demo-county-2025.yaml",
    "cases/flawed-county.yaml",
    "cases/decisions/data/catalog.yaml",
]
# Levels whose documents are national and must be in the register. The sample
# county's own local documents (××省…, 县政府…) describe the sample, not the law.
NATIONAL = {"law", "administrative_regulation", "state_council_decision", "departmental_rule"}
# 行政许可法 Art. 42: the default limit when no cited article sets another.
DEFAULT_DAYS = 20


def _bases(item: Item) -> list[Basis]:
    found = list(item.basis)
    found += [p.basis for p in item.prerequisites if p.basis is not None]
    return found


def unregistered(catalog: Catalog, register: Register) -> list[str]:
    """Citations of national documents that the register lacks, with the item id."""
    problems = []
    for item in catalog.items:
        for basis in _bases(item):
            if basis.level.value in NATIONAL:
                problems += [
                    f"{item.id}: {m}" for m in register.missing(basis.title, basis.article)
                ]
    return problems


def unsupported_limits(catalog: Catalog, register: Register) -> list[str]:
    """Items whose statutory_days no cited article (or the Art. 42 default) gives."""
    problems = []
    for item in catalog.items:
        if item.statutory_days is None:
            continue
        days: set[int] = set()
        for basis in item.basis:
            doc = register.by_title(basis.title)
            for article_id in parse_article_label(basis.article) if doc else ():
                article = doc.articles.get(article_id) if doc else None
                if article is not None:
                    days |= {d.days for d in article.deadlines if not d.applicant}
        allowed = days or {DEFAULT_DAYS}
        if item.statutory_days not in allowed:
            problems.append(
                f"{item.id}: statutory_days {item.statutory_days}, cited law gives {sorted(allowed)}"
            )
    return problems


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_national_citation_is_registered(sample: str) -> None:
    assert unregistered(load_catalog(ROOT / sample), REGISTER) == []


@pytest.mark.parametrize("sample", SAMPLES)
def test_statutory_limits_are_the_ones_the_cited_law_sets(sample: str) -> None:
    assert unsupported_limits(load_catalog(ROOT / sample), REGISTER) == []


def test_the_construction_permit_limit_of_fifteen_days_would_be_caught(tmp_path: Path) -> None:
    source = (ROOT / "cases/decisions/data/catalog.yaml").read_text(encoding="utf-8")
    wrong = source.replace("statutory_days: 7", "statutory_days: 15")
    assert wrong != source
    path = tmp_path / "catalog.yaml"
    path.write_text(wrong, encoding="utf-8")
    assert unsupported_limits(load_catalog(path), REGISTER) == [
        "JS-004: statutory_days 15, cited law gives [7]"
    ]


def test_an_article_the_register_lacks_is_caught(tmp_path: Path) -> None:
    source = (ROOT / "cases/decisions/data/catalog.yaml").read_text(encoding="utf-8")
    wrong = source.replace("article: 第七条、第八条", "article: 第七十七条")
    path = tmp_path / "catalog.yaml"
    path.write_text(wrong, encoding="utf-8")
    assert unregistered(load_catalog(path), REGISTER) == [
        "JS-004: 《中华人民共和国建筑法》第七十七条"
    ]
