"""JSON records as 政务服务 platforms serve them (AUDIT_ITEM, AUDIT_ITEM_BYLAW, AUDIT_MATERIAL).

Fields read: ``task_name``, ``dept_name``, ``task_type`` (kinds.TASK_TYPE_CODES),
``catalog_code`` (基本编码), ``task_code`` (实施编码, the item id),
``anticipate_day``/``anticipate_type`` (法定办结时限), ``promise_day``/``promise_type``
(承诺办结时限), ``pre_task_name`` (前置条件, as text), the 设定依据 records
(``law_name``, ``law_number``, ``clause_number``, ``law_dept``) and the materials
(``material_name``, ``is_need``, ``source_explain``). A unit code the table below
does not know is refused unless ``--map`` gives it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from permitlogic.errors import InputError, Problem
from permitlogic.load.limits import LoadLimits
from permitlogic.load.raw import decode_utf8, read_bytes
from permitlogic.models.catalog import DayUnit
from permitlogic.models.out import Location
from permitlogic.published.build import Cell, Record
from permitlogic.published.log import ImportLog

UNIT_CODES: dict[str, DayUnit] = {"1": DayUnit.working}
"""``anticipate_type``/``promise_type``: 1 is 工作日 (the samples' records quote Art. 42's
二十日 beside anticipate_day 20, type 1). Other codes need ``--map units:``."""


def looks_like_platform(data: object) -> bool:
    return bool(_groups(data, ""))


def platform_records(
    path: Path,
    limits: LoadLimits,
    units: dict[str, DayUnit],
    log: ImportLog,
) -> list[Record]:
    name = str(path)
    text = decode_utf8(read_bytes(path, limits), name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError.single(
            name,
            f"JSON 语法错误：{error.msg}",
            f"JSON syntax error: {error.msg}",
            line=error.lineno,
            column=error.colno,
        ) from None
    groups = _groups(data, "")
    if not groups:
        raise InputError.single(
            name,
            "不是政务服务平台的事项记录（找不到 AUDIT_ITEM 或 task_name）",
            "not platform item records (no AUDIT_ITEM or task_name found)",
        )
    problems: list[Problem] = []
    records = [
        _record(group, path_key, name, {**UNIT_CODES, **units}, log, problems)
        for group, path_key in groups
    ]
    if problems:
        raise InputError(problems)
    return records


def _groups(data: object, key: str) -> list[tuple[dict[str, Any], str]]:
    """Every record group: a dict with AUDIT_ITEM, or a flat dict with task_name."""
    if isinstance(data, dict):
        if "AUDIT_ITEM" in data or "task_name" in data:
            return [(data, key)]
        found = []
        for child_key, value in data.items():
            found.extend(_groups(value, f"{key}.{child_key}" if key else str(child_key)))
        return found
    if isinstance(data, list):
        found = []
        for index, value in enumerate(data):
            found.extend(_groups(value, f"{key}[{index}]"))
        return found
    return []


def _record(
    group: dict[str, Any],
    key: str,
    file: str,
    units: dict[str, DayUnit],
    log: ImportLog,
    problems: list[Problem],
) -> Record:
    item = group.get("AUDIT_ITEM", group)
    item_key = f"{key}.AUDIT_ITEM" if "AUDIT_ITEM" in group else key
    if isinstance(item, list):
        item, item_key = (item[0] if item else {}), f"{item_key}[0]"

    def where(field: str) -> Location:
        return Location(file=file, key=f"{item_key}.{field}".lstrip("."))

    cells: dict[str, Cell] = {}
    for field, canonical in (
        ("task_name", "name"),
        ("dept_name", "department"),
        ("task_type", "kind"),
        ("catalog_code", "basic_code"),
        ("task_code", "code"),
        ("pre_task_name", "prerequisites"),
    ):
        value = item.get(field)
        if value not in (None, ""):
            cells[canonical] = Cell(str(value), where(field))
    _add_day_cells(cells, item, where, units, log, problems)
    for explain_field, canonical in (
        ("anticipate_day_explain", "statutory_text"),
        ("promise_day_explain", "promised_text"),
    ):
        explain = str(item.get(explain_field) or "").strip()
        if explain and explain != "无":
            cells[canonical] = Cell(explain, where(explain_field))
    bases = [
        (law, Location(file=file, key=f"{key}.AUDIT_ITEM_BYLAW[{i}]".lstrip(".")))
        for i, law in enumerate(group.get("AUDIT_ITEM_BYLAW") or [])
        if isinstance(law, dict)
    ]
    materials = _materials(group, key, file, log)
    return Record(
        cells=cells,
        where=Location(file=file, key=item_key or None),
        materials=materials,
        bases=bases,
    )


def _add_day_cells(
    cells: dict[str, Cell],
    item: dict[str, Any],
    where: Callable[[str], Location],
    units: dict[str, DayUnit],
    log: ImportLog,
    problems: list[Problem],
) -> None:
    """The statutory and promised days as day texts, their unit read from the unit code."""
    for day_field, type_field, canonical in (
        ("anticipate_day", "anticipate_type", "statutory"),
        ("promise_day", "promise_type", "promised"),
    ):
        value = item.get(day_field)
        if value in (None, ""):
            continue
        code = str(item.get(type_field) or "")
        unit = units.get(code)
        if unit is None:
            problems.append(
                Problem(
                    location=where(type_field),
                    message_zh=f"不认识的时限单位代码「{code}」（可用 --map 的 units 指定）",
                    message_en=f"unknown time-limit unit code {code!r} (give it under units: in --map)",
                )
            )
            continue
        word = "个工作日" if unit is DayUnit.working else "个自然日"
        cells[canonical] = Cell(f"{value}{word}", where(day_field))
        log.add(where(type_field), "interpreted", code, f"{day_field}={value} 的单位读作{word[1:]}")


def _materials(group: dict[str, Any], key: str, file: str, log: ImportLog) -> list[dict[str, Any]]:
    """The record's materials (AUDIT_MATERIAL) with a name."""
    materials = []
    for i, material in enumerate(group.get("AUDIT_MATERIAL") or []):
        if not isinstance(material, dict) or not material.get("material_name"):
            continue
        entry: dict[str, Any] = {
            "id": str(material.get("materialcode") or material.get("materialid") or f"m{i + 1}"),
            "name": str(material["material_name"]),
        }
        if str(material.get("is_need")) == "1":
            entry["required"] = True
        elif material.get("is_need") not in (None, ""):
            log.add(
                Location(file=file, key=f"{key}.AUDIT_MATERIAL[{i}].is_need".lstrip(".")),
                "unread",
                material.get("is_need"),
                "is_need 不是 1，是否必要未知",
            )
        if material.get("source_explain"):
            entry["source"] = str(material["source_explain"])
        materials.append(entry)
    return materials
