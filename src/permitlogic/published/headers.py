"""Published column headers and their synonyms, and finding the header row under title rows."""

from __future__ import annotations

import re
from collections.abc import Sequence

SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号"),
    "department": (
        "主管部门",
        "实施机关",
        "实施主体",
        "实施部门",
        "责任单位",
        "办理部门",
        "部门",
        "单位",
        "行使主体",
        "责任主体",
    ),
    "name": ("事项名称", "权力事项名称", "主项名称", "项目名称", "职权名称", "权力名称", "事项"),
    "sub_name": ("子项名称", "子项", "子项事项名称"),
    "transaction": ("业务办理项", "办理项", "业务办理项名称"),
    "kind": ("事项类型", "权力类型", "事项类别", "权力类别", "职权类型", "类型", "类别"),
    "basic_code": ("基本编码", "事项基本编码", "主项编码", "目录编码"),
    "code": ("事项编码", "实施编码", "编码", "权力编码", "职权编码", "事项代码"),
    "basis": ("设定依据", "设定和实施依据", "法律依据", "依据", "实施依据（设定依据）"),
    "implementation_basis": ("实施依据",),
    "statutory": ("法定办结时限", "法定时限", "法定期限", "法定办理时限"),
    "promised": ("承诺办结时限", "承诺时限", "承诺期限", "承诺办理时限"),
    "case_type": ("办件类型",),
    "exercise_level": ("行使层级", "层级"),
    "prerequisites": ("前置条件", "前置审批", "前置事项"),
    "remark": ("备注",),
}

_WORD_TO_KEY: dict[str, str] = {word: key for key, words in SYNONYMS.items() for word in words}
_HINT = re.compile(r"[(（][^()（）]*[)）]$")


def normal_header(text: object) -> str:
    """A header as compared: no spaces or line breaks, no trailing (hint)."""
    value = re.sub(r"\s+", "", str(text or ""))
    return _HINT.sub("", value)


def header_key(text: object, mapping: dict[str, str] | None = None) -> str | None:
    """The canonical key of a published header (``--map`` first), None if unknown."""
    word = normal_header(text)
    if mapping and word in mapping:
        return mapping[word]
    return _WORD_TO_KEY.get(word)


def find_header_row(
    rows: Sequence[Sequence[object]], mapping: dict[str, str] | None = None
) -> int | None:
    """The index of the first row of the first 15 with a name column and two more known headers."""
    for index, row in enumerate(rows[:15]):
        keys = [header_key(cell, mapping) for cell in row]
        known = [k for k in keys if k]
        if ("name" in known or "sub_name" in known) and len(set(known)) >= 3:
            return index
    return None
