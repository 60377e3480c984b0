"""Regenerate the binary and encoded files of the bad-input corpus (XLSX, CSV).

Run from the repository root: ``.venv/bin/python tests/bad_inputs/make_corpus.py``.
The text files of the corpus (YAML, JSON) are written by hand; the files
written here start from a valid two-item catalog and break one thing each.
What each should report is in ``expected.yaml`` beside this script.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from permitlogic.load.sheet_writer import stable_xlsx, to_csv, to_xlsx
from permitlogic.models.catalog import Catalog

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "load"))  # the loader tests' support module

from load_support import example_with_filing  # noqa: E402


def base() -> Catalog:
    """The template's example catalog plus a second item (a filing)."""
    data = example_with_filing()
    data["chains"] = [
        {
            "id": "gov-building",
            "name": "政府投资房屋建筑类项目",
            "bound_days": 90,
            "stages": [{"name": "立项用地规划许可", "bound_days": 20, "items": ["FG-001"]}],
        }
    ]
    return Catalog.model_validate(data)


def workbook() -> object:
    return load_workbook(io.BytesIO(to_xlsx(base())))


def save(book: object, name: str) -> None:
    buffer = io.BytesIO()
    book.save(buffer)  # type: ignore[attr-defined]
    (HERE / name).write_bytes(stable_xlsx(buffer.getvalue()))


def xlsx_cases() -> None:
    book = workbook()
    book["事项"]["A1"] = "事项代码"  # type: ignore[index]
    save(book, "wrong-header.xlsx")

    book = workbook()
    book["事项"].merge_cells("C2:C3")  # type: ignore[index]
    save(book, "merged-cell.xlsx")

    book = workbook()
    book["事项"]["G2"] = "=10+10"  # type: ignore[index]
    save(book, "formula.xlsx")

    book = workbook()
    book["事项"]["B3"] = None  # type: ignore[index]
    save(book, "empty-required.xlsx")

    book = workbook()
    book["事项"]["G2"] = "20个工作日"  # type: ignore[index]
    save(book, "text-days.xlsx")

    book = workbook()
    book["事项"]["F2"] = "#N/A"  # type: ignore[index]
    save(book, "error-value.xlsx")

    book = workbook()
    book["阶段"]["A2"] = "gov-road"  # type: ignore[index]
    save(book, "unknown-chain.xlsx")

    book = workbook()
    del book["目录"]  # type: ignore[attr-defined]
    save(book, "missing-meta-sheet.xlsx")

    book = workbook()
    book.create_sheet("Sheet2")["A1"] = "备注"  # type: ignore[attr-defined]
    save(book, "extra-sheet.xlsx")

    book = workbook()
    book["事项"]["D3"] = "审批"  # type: ignore[index]
    book["事项"]["J2"] = "不是"  # type: ignore[index]
    book["事项"]["E2"] = "法规｜中华人民共和国环境影响评价法｜第二十二条"  # type: ignore[index]
    save(book, "bad-words.xlsx")

    (HERE / "not-a-zip.xlsx").write_text("事项编码,事项名称\nHB-001,审批\n", encoding="utf-8")
    (HERE / "old-format.xlsx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"Workbook"
    )
    _rewrite("damaged.xlsx", lambda name, data: None if name == "xl/workbook.xml" else data)
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
        + b"".join(
            f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'.encode()
            for n in range(1, 10)
        )
        + b"]>\n"
    )

    def entities(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return laughs + body.replace(b"<v>60</v>", b"<v>&lol9;</v>", 1)

    _rewrite("xml-entities.xlsx", entities)


def _rewrite(name: str, change: object) -> None:
    source = io.BytesIO(to_xlsx(base()))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))  # type: ignore[operator]
            if data is not None:
                new.writestr(info.filename, data)
    (HERE / name).write_bytes(stable_xlsx(out.getvalue()))


def csv_cases() -> None:
    text = to_csv(base())
    lines = text.split("\r\n")
    header = lines.index(next(line for line in lines if line.startswith("事项编码")))

    def replace_row(row: int, old: str, new: str) -> str:
        changed = list(lines)
        changed[row] = changed[row].replace(old, new)
        return "\r\n".join(changed)

    (HERE / "bom-text-days.csv").write_bytes(
        replace_row(header + 2, ",备案,,,,,1,", ",备案,,,20个工作日,,1,").encode("utf-8-sig")
    )
    (HERE / "gb18030-bad-kind.csv").write_bytes(
        replace_row(header + 1, ",行政许可,", ",行政审批,").encode("gb18030")
    )
    (HERE / "unknown-header.csv").write_bytes(
        replace_row(header, "承诺时限", "承诺期限").encode("utf-8")
    )
    (HERE / "no-meta.csv").write_bytes("\r\n".join(lines[header:]).encode("utf-8-sig"))
    (HERE / "missing-column.csv").write_bytes(
        replace_row(header, "实施机关", "").encode("utf-8-sig")
    )
    rows = [
        "HB-101,审批一,县生态环境局,行政许可,,,20天,,1,否,,,否,准予或不予",
        "HB-102,审批二,县生态环境局,行政许可,法律,,10,,1,否,,,否,准予或不予",
        "HB-103,审批三,县生态环境局,行政许可,,,10,,1,也许,,,否,准予或不予",
        "HB-104,审批四,县生态环境局,许可,,,10,,1,否,,,否,准予或不予",
        "HB-105,审批五,县生态环境局,行政许可,,,10.5,,1,否,,,否,准予或不予",
    ]
    five = "\r\n".join([*lines[: header + 1], *rows, ""])
    (HERE / "five-bad-rows.csv").write_bytes(five.encode("utf-8-sig"))
    same_name = [
        "ZR-001,建设用地规划许可证核发,县自然资源和规划局,行政许可,,,10,,1,否,,,否,准予或不予",
        "ZR-002,建设用地规划许可证核发,县自然资源和规划局,行政许可,,,10,,1,否,,,否,准予或不予",
        "JS-001,建筑工程施工许可证核发,县住房和城乡建设局,行政许可,,,5,,1,否,建设用地规划许可证核发,,否,准予或不予",
    ]
    ambiguous = "\r\n".join([*lines[: header + 1], *same_name, ""])
    (HERE / "ambiguous-prerequisite.csv").write_bytes(ambiguous.encode("utf-8"))
    (HERE / "nul.csv").write_bytes(text.encode("utf-8").replace(b"FG-001", b"FG-\x00001", 1))
    (HERE / "undecodable.csv").write_bytes(text.encode("utf-8") + b"\xff\xfe\xff,\x80\x80\r\n")
    (HERE / "utf16.csv").write_bytes(text.replace(",", "\t").encode("utf-16"))  # with its BOM


if __name__ == "__main__":
    xlsx_cases()
    csv_cases()
