"""What a reviewer takes away: the HTML report, the XLSX per department, and the
department's own spreadsheet with each finding as a comment on its row."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from functools import cache
from pathlib import PurePath
from urllib.parse import quote

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from permitlogic.checks.base import CheckMeta
from permitlogic.checks.registry import documented_rules
from permitlogic.diff.compare import compare_catalogs
from permitlogic.diff.model import CatalogDiff
from permitlogic.models.catalog import Catalog
from permitlogic.models.report import Finding, Severity, Summary
from permitlogic.packs.checks_pack import ChecksPack
from permitlogic.report import html as html_report
from permitlogic.report import xlsx as xlsx_report
from permitlogic.report.context import RenderInput
from permitlogic.workbench.reviews import StoredUpload
from permitlogic.workbench.uploads import load_upload
from permitlogic.workbench.web import Refused

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FILL = {
    Severity.error: PatternFill("solid", fgColor="FDE2E1"),
    Severity.warning: PatternFill("solid", fgColor="FFF1D6"),
    Severity.info: PatternFill("solid", fgColor="E3EEF6"),
}


@cache
def rule_docs() -> dict[str, CheckMeta]:
    return documented_rules()


def disposition(filename: str, suffix: str) -> str:
    name = f"{PurePath(filename).stem}-{suffix}"
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def _render_input(upload: StoredUpload, pack: ChecksPack, lang: str) -> RenderInput:
    catalog, source = load_upload(upload.filename, upload.content)
    return RenderInput(upload.report, catalog, source, pack, lang)


def report_html(upload: StoredUpload, pack: ChecksPack, lang: str) -> str:
    return html_report.render([_render_input(upload, pack, lang)])


def report_xlsx(upload: StoredUpload, pack: ChecksPack, lang: str, department: str | None) -> bytes:
    inp = _render_input(upload, pack, lang)
    if department:
        findings = [f for f in inp.report.findings if f.department == department]
        report = inp.report.model_copy(
            update={"findings": findings, "summary": Summary.of(findings)}
        )
        inp = RenderInput(report, inp.catalog, inp.source, pack, lang)
    return xlsx_report.render([inp])


def _only(catalog: Catalog, department: str) -> Catalog:
    """The department's items (prerequisites on others' items stay as written)."""
    items = [item for item in catalog.items if item.department == department]
    return Catalog.model_construct(catalog=catalog.catalog, items=items, chains=[])


def department_diff(
    baseline: StoredUpload, current: StoredUpload, department: str, target: float = 0.30
) -> CatalogDiff | None:
    """Last year's catalog against this round, for one department (the ``diff`` engine)."""
    old = _only(baseline.catalog, department)
    new = _only(current.catalog, department)
    if not old.items or not new.items:
        return None
    return compare_catalogs(old, new, target, baseline.filename, current.filename)


def _comment_text(finding: Finding, lang: str) -> str:
    zh = lang == "zh"
    severity = finding.severity.zh if zh else finding.severity.value
    lines = [f"[{finding.rule} {severity}] " + (finding.message_zh if zh else finding.message_en)]
    if finding.fix is not None:
        lines.append(
            ("修改：" if zh else "Fix: ")
            + (finding.fix.message_zh if zh else finding.fix.message_en)
        )
    lines.append(("依据：" if zh else "Basis: ") + finding.citation)
    return "\n".join(lines)


def _csv_book(content: bytes, title: str) -> Workbook:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Refused(400, "CSV 文件无法解码", "the CSV file cannot be decoded")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31] or "catalog"
    for row in csv.reader(io.StringIO(text)):
        sheet.append(row)
    return book


def annotated_sheet(upload: StoredUpload, lang: str) -> bytes:
    """The uploaded spreadsheet itself, each finding a comment on the row it concerns."""
    suffix = PurePath(upload.filename).suffix.lower()
    if suffix == ".xlsx":
        book = load_workbook(io.BytesIO(upload.content))
    elif suffix == ".csv":
        book = _csv_book(upload.content, PurePath(upload.filename).stem)
    else:
        raise Refused(
            400,
            "只有 XLSX 或 CSV 上传的文件能加批注；YAML/JSON 请下载 XLSX 报告",
            "only an XLSX or CSV upload can carry comments; for YAML/JSON take the XLSX report",
        )
    notes: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in upload.report.findings:
        where = finding.location
        if where is None or where.row is None:
            continue
        sheet_name = where.sheet if suffix == ".xlsx" and where.sheet else book.sheetnames[0]
        if sheet_name not in book.sheetnames:
            continue
        notes[(sheet_name, where.cell or f"A{where.row}")].append(finding)
    for (sheet_name, cell), findings in notes.items():
        sheet = book[sheet_name]
        text = "\n\n".join(_comment_text(f, lang) for f in findings)
        comment = Comment(text, "permitlogic")
        comment.width, comment.height = 420, min(600, 90 + 60 * len(findings))
        sheet[cell].comment = comment
        worst = max((f.severity for f in findings), key=lambda s: s.rank)
        sheet[cell].fill = _FILL[worst]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
