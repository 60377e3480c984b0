"""Re-lay bszl-data.js (the published list, copied verbatim) as a spreadsheet in a published layout.

The list is a JavaScript array: department → main_item → sub_items (name, link).
Each link is the province's 政务服务网 address of the item, carrying its
``itemCode`` (事项编码) and ``taskType`` (事项类型 code). This script writes
guangan-district.xlsx the way county lists are published: a title row, then
序号 / 主管部门 / 事项名称 / 子项名称 / 事项编码 / 事项类型, the department cell
merged over its rows, the main item merged over its sub-items. Nothing is
added: 事项名称 is left blank where the list says 未分类, 事项类型 keeps the
platform's numeric code, and the title row says where the data is from.

Run: python cases/real/guangan-district/make_sheet.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from openpyxl import Workbook

HERE = Path(__file__).parent
TITLE = "广安区政务服务事项（据 bszl-data.js 重排，见 SOURCES.md）"
HEADERS = ["序号", "主管部门", "事项名称", "子项名称", "事项编码", "事项类型"]


def rows() -> list[tuple[str, str, str, str, str]]:
    text = (HERE / "bszl-data.js").read_text(encoding="utf-8")
    array = text[text.index("[") : text.rindex("]") + 1]
    out = []
    for department in json.loads(array):
        for group in department["items"]:
            main = "" if group["main_item"] == "未分类" else group["main_item"]
            for sub in group["sub_items"]:
                query = parse_qs(urlparse(sub["link"]).query)
                out.append(
                    (
                        department["department"],
                        main,
                        sub["name"],
                        query["itemCode"][0],
                        query["taskType"][0],
                    )
                )
    return out


def write(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(HEADERS)
    data = rows()
    for n, (department, main, name, code, kind) in enumerate(data, start=1):
        sheet.append([n, department, main or None, name, code, int(kind)])
    _merge_runs(sheet, column=2, values=[r[0] for r in data])
    _merge_runs(sheet, column=3, values=[f"{r[0]}|{r[1]}" if r[1] else "" for r in data])
    book.save(path)


def _merge_runs(sheet: object, column: int, values: list[str]) -> None:
    """Merge each run of equal, non-empty values (the published layout), keeping the first cell."""
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if values[start] and i - start > 1:
                first, last = start + 3, i + 2  # data starts on row 3
                for r in range(first + 1, last + 1):
                    sheet.cell(r, column).value = None  # type: ignore[attr-defined]
                sheet.merge_cells(  # type: ignore[attr-defined]
                    start_row=first, start_column=column, end_row=last, end_column=column
                )
            start = i


if __name__ == "__main__":
    write(HERE / "guangan-district.xlsx")
    print(len(rows()), "rows")
