"""Cells of the same text in many rows: each row gets the value, and each bad one its problem."""

from __future__ import annotations

from collections.abc import Callable

from openpyxl import Workbook

from permitlogic.models.catalog import Catalog

BASIS = "法律｜中华人民共和国行政许可法｜第十二条\n地方性法规｜某省城乡规划条例"
MATERIALS = "申请书｜核心\n营业执照｜非核心｜县市场监督管理局"


def _copies(book: Workbook, basis: str, materials: str, count: int) -> None:
    """``count`` more items like the first, each with the same basis and materials text."""
    items = book["事项"]
    first = [cell.value for cell in items[2]]
    for n in range(count):
        row = list(first)
        row[0] = f"ZZ-{n:03d}"
        row[1] = f"同样依据的事项（{n}）"
        row[4] = basis
        row[11] = materials
        items.append(row)


def test_every_row_with_the_same_text_gets_its_value(
    small_book: Workbook, load_book: Callable[..., Catalog]
) -> None:
    _copies(small_book, BASIS, MATERIALS, 3)
    catalog = load_book(small_book)
    copies = [item for item in catalog.items if item.id.startswith("ZZ-")]
    assert len(copies) == 3
    for item in copies:
        assert [(b.level.value, b.title, b.article) for b in item.basis] == [
            ("law", "中华人民共和国行政许可法", "第十二条"),
            ("local_regulation", "某省城乡规划条例", None),
        ]
        assert [(m.id, m.name, m.core, m.issued_by) for m in item.materials] == [
            ("m1", "申请书", True, None),
            ("m2", "营业执照", False, "县市场监督管理局"),
        ]
    assert copies[0].materials[0] is not copies[1].materials[0]


def test_every_row_with_the_same_bad_text_is_reported(
    small_book: Workbook, book_problems: Callable[..., list[str]]
) -> None:
    _copies(small_book, "条例｜某省城乡规划条例", MATERIALS, 3)
    found = [p for p in book_problems(small_book) if "unknown level" in p]
    assert len(found) == 3
    assert len({p.split(" ")[0] for p in found}) == 3  # three cells, one problem each
