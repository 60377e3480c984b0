"""Published rows or records → a catalog (``published: true``) and its import log.

Every value comes from the input; what the importer interprets (a day text, a
kind code, a split basis, a forward-filled merged cell, an id made from a row
number) is logged; what it cannot read is a Problem naming the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from permitlogic.errors import Problem
from permitlogic.models.catalog import ID_PATTERN, Kind
from permitlogic.models.out import Location
from permitlogic.published.basis_text import split_basis
from permitlogic.published.classify import classify
from permitlogic.published.days import read_days
from permitlogic.published.kinds import read_kind
from permitlogic.published.log import ImportLog

_ID = re.compile(ID_PATTERN)


@dataclass
class Cell:
    value: str
    where: Location


@dataclass
class Record:
    """One published row or platform record: canonical key → cell, plus extras."""

    cells: dict[str, Cell]
    where: Location
    materials: list[dict[str, Any]] = field(default_factory=list)
    bases: list[tuple[dict[str, Any], Location]] = field(default_factory=list)


@dataclass
class Built:
    data: dict[str, Any]
    log: ImportLog
    problems: list[Problem]
    wheres: list[Location] = field(default_factory=list)


def build_catalog(
    records: list[Record],
    *,
    catalog_id: str,
    jurisdiction: str,
    source: str,
    kinds: dict[str, Kind] | None = None,
    log: ImportLog | None = None,
) -> Built:
    log = log if log is not None else ImportLog()
    problems: list[Problem] = []
    items: list[dict[str, Any]] = []
    ids: dict[str, int] = {}
    wheres: list[Location] = []
    for record in records:
        item = _item(record, kinds, log, problems, ids)
        if item is not None:
            items.append(item)
            wheres.append(record.where)
    data = {
        "catalog": {
            "id": catalog_id,
            "jurisdiction": jurisdiction,
            "published": True,
            "source": source,
        },
        "items": items,
    }
    return Built(data=data, log=log, problems=problems, wheres=wheres)


def _problem(where: Location, zh: str, en: str) -> Problem:
    return Problem(location=where, message_zh=zh, message_en=en)


def _item(
    record: Record,
    kinds: dict[str, Kind] | None,
    log: ImportLog,
    problems: list[Problem],
    ids: dict[str, int],
) -> dict[str, Any] | None:
    """One catalog item from a published record, or None (with the problem) when it has none."""
    item = _identity(record, kinds, log, problems)
    if item is None:
        return None
    cells = record.cells
    item["id"] = _item_id(record, log, ids)
    for key, field_name in (("basic_code", "basic_code"), ("code", "implementation_code")):
        if key in cells:
            item[field_name] = cells[key].value
    _add_transactions(item, cells.get("transaction"), log)
    for key in ("statutory_text", "promised_text", "exercise_level"):
        if key in cells:
            item[key] = cells[key].value
    _add_time_limits(item, cells, log, problems)
    _add_case_type(item, cells.get("case_type"), log)
    for key, field_name in (("basis", "basis"), ("implementation_basis", "implementation_basis")):
        cell = cells.get(key)
        if cell is not None:
            item[field_name] = _bases(cell, log)
    if record.bases:
        item["basis"] = [_platform_basis(data, where, log) for data, where in record.bases]
    _add_prerequisites(item, cells.get("prerequisites"), log)
    if record.materials:
        item["materials"] = record.materials
    return item


def _identity(
    record: Record, kinds: dict[str, Kind] | None, log: ImportLog, problems: list[Problem]
) -> dict[str, Any] | None:
    """The item's name, department and kind, or None (with the problem) when one is missing."""
    cells = record.cells
    name_cell = cells.get("sub_name") or cells.get("name")
    if name_cell is None:
        problems.append(_problem(record.where, "缺少事项名称", "no item name"))
        return None
    name = name_cell.value
    if "sub_name" in cells and "name" in cells and cells["name"].value != name:
        log.add(
            cells["sub_name"].where, "interpreted", name, f"子项，属于事项「{cells['name'].value}」"
        )
    department = cells.get("department")
    if department is None:
        problems.append(_problem(record.where, "缺少实施机关（主管部门）", "no department"))
        return None
    kind_cell = cells.get("kind")
    if kind_cell is None:
        problems.append(_problem(record.where, "缺少事项类型", "no kind of item"))
        return None
    kind = read_kind(kind_cell.value, kinds)
    if kind is None:
        problems.append(
            _problem(
                kind_cell.where,
                f"不认识的事项类型「{kind_cell.value}」（可用 --map 指定）",
                f"unknown kind {kind_cell.value!r} (give it with --map)",
            )
        )
        return None
    if kind_cell.value.strip() not in (kind.zh, kind.value):
        log.add(kind_cell.where, "interpreted", kind_cell.value, f"{kind.zh}（{kind.value}）")
    return {"name": name, "department": department.value, "kind": kind.value}


def _add_transactions(item: dict[str, Any], transaction: Cell | None, log: ImportLog) -> None:
    if transaction is None:
        return
    names = [n.strip() for n in re.split(r"[、，,;；\n]", transaction.value) if n.strip()]
    item["transactions"] = [{"name": n} for n in names]
    log.add(transaction.where, "interpreted", transaction.value, "业务办理项：" + "、".join(names))


def _add_time_limits(
    item: dict[str, Any], cells: dict[str, Cell], log: ImportLog, problems: list[Problem]
) -> None:
    """The statutory and promised time limits, in days and their unit."""
    license = item["kind"] == Kind.license.value
    for key, days_field, unit_field in (
        ("statutory", "statutory_days", "statutory_unit"),
        ("promised", "promised_days", "promised_unit"),
    ):
        cell = cells.get(key)
        if cell is None:
            continue
        days = read_days(cell.value, license=license)
        if days is None:
            problems.append(
                _problem(
                    cell.where,
                    f"读不出时限「{cell.value}」（应如“20个工作日”“30个自然日”“即办”）",
                    f"cannot read the time limit {cell.value!r} (e.g. 20个工作日, 30个自然日, 即办)",
                )
            )
            continue
        item[days_field] = days.days
        item[unit_field] = days.unit.value
        if days.on_the_spot and key == "promised":
            item["on_the_spot"] = True
        if days.note_zh:
            log.add(cell.where, "interpreted", cell.value, days.note_zh)


def _add_case_type(item: dict[str, Any], case_type: Cell | None, log: ImportLog) -> None:
    """即办件 / 承诺件: whether the item is decided on the spot."""
    if case_type is None:
        return
    text = case_type.value.strip()
    if text in ("即办件", "即办"):
        item["on_the_spot"] = True
    elif text in ("承诺件", "承诺"):
        item["on_the_spot"] = False
    else:
        log.add(case_type.where, "unread", text, "办件类型不是即办件/承诺件，即办件未知")


def _add_prerequisites(item: dict[str, Any], prerequisites: Cell | None, log: ImportLog) -> None:
    """Published prerequisites, as external ones whose basis is unknown."""
    if prerequisites is None or prerequisites.value.strip() in ("", "无", "/"):
        return
    item["prerequisites"] = [
        {"external": part.strip()}
        for part in re.split(r"[;；\n]", prerequisites.value)
        if part.strip() and part.strip() != "无"
    ]
    log.add(
        prerequisites.where,
        "interpreted",
        prerequisites.value,
        "前置条件作为外部条件，依据未知",
    )


def _item_id(record: Record, log: ImportLog, ids: dict[str, int]) -> str:
    code = record.cells.get("code")
    if code is not None and _ID.match(code.value):
        base, where = code.value, code.where
    else:
        base, where = f"R{record.where.row or record.where.line or len(ids) + 1}", record.where
        log.add(
            where, "defaulted", code.value if code else "", f"没有可用的事项编码，编号为 {base}"
        )
    seen = ids.get(base, 0)
    ids[base] = seen + 1
    if seen:
        unique = f"{base}-{seen + 1}"
        log.add(where, "defaulted", base, f"事项编码重复，本行编号为 {unique}")
        return unique
    return base


def _bases(cell: Cell, log: ImportLog) -> list[dict[str, Any]]:
    documents = split_basis(cell.value)
    out = []
    for document in documents:
        level, rule = classify(document)
        basis: dict[str, Any] = {"title": document.title, "text": document.text}
        if level is not None:
            basis["level"] = level.value
        if document.article:
            basis["article"] = document.article
        if document.document_number:
            basis["document_number"] = document.document_number
        out.append(basis)
        shown = level.zh if level is not None else "未分类"
        log.add(
            cell.where, "interpreted", document.text, f"《{document.title}》→ {shown}（{rule}）"
        )
    return out


def _platform_basis(data: dict[str, Any], where: Location, log: ImportLog) -> dict[str, Any]:
    from permitlogic.published.basis_text import DOC_NUMBER, CitedDocument

    title = str(data.get("law_name") or "").strip().strip("《》")
    title = re.sub(r"》.*$", "", title)
    number_text = str(data.get("law_number") or "")
    number = DOC_NUMBER.search(number_text)
    article = str(data.get("clause_number") or "").strip() or None
    document = CitedDocument(
        title=title or number_text or "（无名称）",
        document_number=re.sub(r"\s+", "", number.group(0)) if number else None,
        article=article,
        text=f"{data.get('law_name') or ''}{number_text}{article or ''}",
    )
    level, rule = classify(document)
    basis: dict[str, Any] = {"title": document.title, "text": document.text}
    if level is not None:
        basis["level"] = level.value
    if article:
        basis["article"] = article
    if document.document_number:
        basis["document_number"] = document.document_number
    if data.get("law_dept"):
        basis["issuer"] = str(data["law_dept"])
    shown = level.zh if level is not None else "未分类"
    log.add(where, "interpreted", document.text, f"《{document.title}》→ {shown}（{rule}）")
    return basis
