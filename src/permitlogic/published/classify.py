"""The level of a cited document: register first, then title, issuer and 文号 patterns.

1. A document in the register of legal sources (``rules/law/``, with its source
   and date) takes the register's level; a title or 文号 the register knows wins.
   A decision amending a document the register knows (国务院关于修改〈国务院对确需
   保留的行政审批项目设定行政许可的决定〉的决定, 国务院令第548号) takes that
   document's level: it changes the decision's text, so it sits at the decision's
   level, although it was promulgated by 国务院令 like a regulation.
2. Otherwise the level is read from the title and the 文号, in this order:
   全国人民代表大会（常务委员会）…决定 and 中华人民共和国…法 / …法 → law;
   国务院令第N号 or a 条例 without a place name → administrative regulation;
   国务院…决定 → State Council decision;
   a 条例 of a province, autonomous region or city → local regulation;
   a 省/自治区/直辖市 人民政府令 → provincial rule; a 市人民政府令 → municipal rule;
   a ministry's 令 (…部令, …委员会令, …总局令) or a 办法/规定 so numbered → departmental rule;
   a 文号 of the form 机关代字〔年〕号 (国办发, 国发, 桂发改投资 …) → normative document.
3. Anything else stays *unclassified* (None) and is shown with its text.
"""

from __future__ import annotations

import re
from functools import cache

from permitlogic.law.register import Register, default_register, normalise_title
from permitlogic.models.catalog import Level
from permitlogic.published.basis_text import CitedDocument

_PLACE = re.compile(r"^[\u4e00-\u9fa5]{2,10}?(省|自治区|市|县|区|州|盟)")
_BRACKET_NUMBER = re.compile(r"[〔\[［(（﹝]\s*\d{4}\s*[〕\]］)）﹞]")
_MINISTRY_ORDER = re.compile(r"(部|委员会|委|总局|局|署|银行|办公厅|院)令")
_PROVINCE_ORDER = re.compile(r"(省|自治区)人民政府令|(北京|天津|上海|重庆)市人民政府令")
_CITY_ORDER = re.compile(r"市人民政府令")
_AMENDED = re.compile(r"^国务院关于修改[〈<《]([^〉>》]+)[〉>》]的决定$")


@cache
def _register() -> Register:
    return default_register()


def classify(document: CitedDocument, register: Register | None = None) -> tuple[Level | None, str]:
    """The document's level (None: unclassified) and the rule that decided it, in Chinese."""
    found = register if register is not None else _register()
    known = found.by_title(document.title)
    if known is None and document.document_number:
        known = found.by_number(document.document_number)
    if known is not None:
        return Level(known.level), f"登记册：{known.title}"
    amended = _AMENDED.search(document.title)
    known = found.by_title(amended.group(1)) if amended else None
    if known is not None:
        return Level(known.level), f"修改登记册所列文件的决定：{known.title}"
    title = normalise_title(document.title)
    number = document.document_number or ""
    if title.startswith("全国人民代表大会") and title.endswith("决定"):
        return Level.law, "全国人大（常委会）的决定"
    if title.endswith("法") and not title.endswith("办法"):
        return Level.law, "名称为“…法”"
    if "国务院令" in number:
        return Level.administrative_regulation, "国务院令"
    if title.endswith("条例") or title.endswith("条例（试行）"):
        if _PLACE.match(title):
            return Level.local_regulation, "地方名称的条例"
        return Level.administrative_regulation, "无地方名称的条例"
    if title.startswith("国务院") and title.endswith("决定"):
        return Level.state_council_decision, "国务院的决定"
    if _PROVINCE_ORDER.search(number):
        return Level.provincial_rule, "省级人民政府令"
    if _CITY_ORDER.search(number):
        return Level.local_rule, "设区的市人民政府令"
    if _MINISTRY_ORDER.search(number) or re.search(r"令\s*(\d{4}\s*年)?\s*第\s*\d+\s*号", number):
        return Level.departmental_rule, "部门令"
    if _BRACKET_NUMBER.search(number):
        return Level.normative_document, "机关代字〔年〕号的文号"
    return None, "未能分类"
