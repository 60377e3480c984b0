"""PL207 level-of-exercise 行使层级高于本级: an item of a higher level listed under a county department."""

from __future__ import annotations

import re
from collections.abc import Iterator

from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import ALL_KINDS, AdminLevel, Item
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL207",
    name="level-of-exercise",
    name_zh="行使层级高于本级",
    severity=Severity.warning,
    area="basis",
    kinds=ALL_KINDS,
    citation="《中华人民共和国行政许可法》第二十二条、第二十四条（委托实施）",
    law=("xzxkf:22", "xzxkf:24"),
    summary_zh="县（区）级目录中，行使层级只有市级、省级或国家级的事项列在县级部门名下",
    summary_en=(
        "in a county or district catalog, an item whose level of exercise is only city, "
        "province or state listed under a county department"
    ),
    doc_zh="""\
### 功能
县、区级目录（`catalog.level` 为 county 或 district）中，读每个事项的行使层级：公布的「行使层级」（`exercise_level`）或名称中的层级标注（如「（市级）」「(省级)」）只有市级、省级或国家级、不含县级或区级的，报告该事项。名称括注中说明下放、委托的（如「据省政府令第349号，部分省级权限下放」）不算层级标注。读所有类型的事项：备案、其他行政权力等事项的层级标注同样说明由哪一级机关行使（如广安区生态环境局名下 taskType 10「建设单位进行环境影响后评价的备案(市级)」）；名称中的半角括号「(市级)」与全角括号同样识别。

垂直管理与委托：生态环境部门实行省以下垂直管理，县（区）生态环境局是市生态环境局的派出分局；「××分局」（如区公安分局）同样是上级机关的派出机构。这些部门名下的市级事项可能是以上级机关名义办理的，只作提示（info），请核对是以谁的名义作出决定。其他部门作为警告：法律把权力给了上级机关的，县级部门只有在依法委托（行政许可法第二十四条，以委托机关名义实施）时才能办理，目录应写明委托机关。

### 问题
行使层级高于本级的事项列在县级部门名下，申请人会以为县里能办；县级部门以自己名义作出决定的，超越职权。

### 示例
某区「区水务局」名下列「取水许可（市级）」，区水务局既非市水务局的派出机构，目录也没写委托。

### 修改
事项由上级机关办理的，从本级目录中删去（或标为代收代办）；依法委托的，写明委托机关和委托文件；下放到本级的，写明下放依据并去掉层级标注。

### 依据
《中华人民共和国行政许可法》第二十二条（行政许可由具有行政许可权的行政机关在其法定职权范围内实施）、第二十四条（委托实施）。
""",
    doc_en="""\
### What it does
In a county or district catalog (`catalog.level` county or district), reads each item's level of exercise: a published 行使层级 (`exercise_level`) or a level marker in the name (「（市级）」, 「(省级)」) naming only city, province or state, not county or district, is reported. A note in the name about devolution or entrustment (「据省政府令第349号，部分省级权限下放」) is not a level marker. Every kind of item is read: a level marker on a filing or another power says just as much which level exercises it (e.g. 「建设单位进行环境影响后评价的备案(市级)」, taskType 10, under the 广安区 environment bureau); ASCII parentheses 「(市级)」 count like full-width ones.

Vertical management and entrustment: environment departments are managed vertically below the province, and a county environment bureau is a branch of the city bureau; a 分局 (e.g. a district public-security branch) is likewise an office of the higher authority. A city-level item under such a department may be handled in the higher authority's name, so it is info: check in whose name the decision is made. Anywhere else it is a warning: where the law gives the power to a higher authority, a county department may handle it only when lawfully entrusted (Administrative License Law Art. 24, in the entrusting authority's name), and the catalog should say by whom.

### Why is this bad?
A higher-level item listed under a county department tells applicants the county can decide it; a county department deciding it in its own name acts beyond its powers.

### Example
「取水许可（市级）」 listed under a district 水务局 that is neither a branch of the city bureau nor named as entrusted.

### Use instead
If the higher authority handles it, take it off this catalog (or mark it as received on its behalf); if lawfully entrusted, name the entrusting authority and the instrument; if devolved, cite the devolution and drop the marker.

### References
Administrative License Law of the PRC, Art. 22 (licenses are granted by the authority holding the power, within its powers) and Art. 24 (entrustment).
""",
)

_LEVEL_WORDS = ("国家级", "省级", "市级", "县级", "区级", "乡级", "镇级")
_MARKER = re.compile(
    r"[（(]\s*((?:国家级|省级|市级|县级|区级)(?:\s*[、/，,和及]\s*(?:国家级|省级|市级|县级|区级))*)\s*[）)]"
)
_LOCAL = ("县级", "区级", "乡级", "镇级")
_VERTICAL = re.compile(r"生态环境|分局$")


def levels(item: Item) -> tuple[list[str], str] | None:
    """The levels the item is marked with, and where they come from; None when unmarked."""
    if item.exercise_level:
        found = [w for w in _LEVEL_WORDS if w in item.exercise_level]
        if found:
            return found, "exercise_level"
    marks = [w for m in _MARKER.finditer(item.name) for w in _LEVEL_WORDS if w in m.group(1)]
    return (marks, "name") if marks else None


def check(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.catalog.catalog.level not in (AdminLevel.county, AdminLevel.district):
        return
    for item in ctx.catalog.items:
        marked = levels(item)
        if marked is None or any(w in _LOCAL for w in marked[0]):
            continue
        yield _finding(ctx, item, marked[0], marked[1])


def _finding(ctx: CheckContext, item: Item, marked: list[str], source: str) -> Finding:
    said = "、".join(marked)
    vertical = bool(_VERTICAL.search(item.department))
    note_zh = (
        "；该部门属垂直管理或是上级机关的派出机构，请核对是否以上级机关名义办理"
        if vertical
        else "；县级部门只有依法受委托时才能以委托机关名义办理，目录未写明委托"
    )
    note_en = (
        "; the department is vertically managed or a branch of the higher authority: "
        "check that it acts in that authority's name"
        if vertical
        else "; a county department may handle it only when lawfully entrusted, in the "
        "entrusting authority's name, and the catalog names no entrustment"
    )
    return META.finding(
        ctx,
        items=[item.id],
        severity=Severity.info if vertical else None,
        message_zh=f"{item.id}「{item.name}」的行使层级为{said}，却列在{item.department}名下{note_zh}",
        message_en=(
            f"{item.id} ({item.name}) is exercised at {said} level but listed under "
            f"{item.department}{note_en}"
        ),
        witness={"levels": marked, "from": source, "vertical": vertical},
        fix=Fix(
            message_zh="由上级机关办理的从本级目录删去或标为代收代办；受委托的写明委托机关和委托文件",
            message_en=(
                "take it off this catalog or mark it as received on the higher authority's "
                "behalf; if entrusted, name the entrusting authority and the instrument"
            ),
        ),
    )
