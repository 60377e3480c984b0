"""RL003 basis-level-too-wide 依据层级越权: the pack lets a level do what Arts. 14–17 forbid."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.models.catalog import Level
from permitlogic.models.report import Severity
from permitlogic.packs.checks_pack import MaySet
from permitlogic.packs.lint.base import LintFinding, LintMeta, PackSet

# What 行政许可法 Arts. 14–17 let each level do: set a licence (yes / temporary / no).
STATUTE: dict[Level, MaySet] = {
    Level.law: MaySet.yes,
    Level.administrative_regulation: MaySet.yes,
    Level.state_council_decision: MaySet.yes,
    Level.local_regulation: MaySet.yes,
    Level.provincial_rule: MaySet.temporary,
    Level.departmental_rule: MaySet.no,
    Level.local_rule: MaySet.no,
    Level.normative_document: MaySet.no,
}
_RANK = {MaySet.no: 0, MaySet.temporary: 1, MaySet.yes: 2}

META = LintMeta(
    id="RL003",
    name="basis-level-too-wide",
    name_zh="依据层级越权",
    severity=Severity.error,
    citation="《中华人民共和国行政许可法》第十四条至第十七条",
    law=("xzxkf:14", "xzxkf:15", "xzxkf:16", "xzxkf:17"),
    summary_zh="checks.yaml 的 basis_levels 允许某一层级设定行政许可或前置条件，而行政许可法第十四条至第十七条不允许",
    summary_en="the basis_levels table of checks.yaml lets a level set a licence or a prerequisite that Arts. 14–17 forbid it",
    doc_zh="""\
### 功能
把规则包 `checks.yaml` 的 `basis_levels` 与《行政许可法》第十四条至第十七条对照：某层级的 `may_set_license` 比法律允许的更宽（如规范性文件 `yes`，省级政府规章 `yes` 而法律只许临时性许可），或不能设定行政许可的层级（部门规章、设区的市政府规章、规范性文件）却 `may_make_prerequisite: true` 的，报告错误。

### 问题
检查（PL201、PL102）按这张表判断依据是否合法。表放宽了，违法设定的许可和前置条件就被当成合法的放过去。

### 示例
`normative_document: {may_set_license: "yes", ...}`：规范性文件一律不得设定行政许可（第十七条）。

### 修改
把该行改回法律允许的范围：法律、行政法规、国务院决定、地方性法规 `yes`，省级政府规章 `temporary`，部门规章、设区的市政府规章、规范性文件 `no`，后三者 `may_make_prerequisite: false`。规则包可以比法律更严，不能更宽。

### 依据
《中华人民共和国行政许可法》第十四条至第十七条。
""",
    doc_en="""\
### What it does
Compares the `basis_levels` table of `checks.yaml` with Administrative License Law Arts. 14–17: a level whose `may_set_license` is wider than the statute allows (a normative document `yes`; a provincial rule `yes` where the law allows only temporary licences), or a level that may not set licences at all (departmental rules, city rules, normative documents) with `may_make_prerequisite: true`, is an error.

### Why is this bad?
The checks (PL201, PL102) judge every basis by this table. A table wider than the law lets unlawfully set licences and prerequisites pass as lawful.

### Example
`normative_document: {may_set_license: "yes", ...}`: normative documents may never set a licence (Art. 17).

### Use instead
Bring the row back within the statute: laws, administrative regulations, State Council decisions and local regulations `yes`; provincial rules `temporary`; departmental rules, city rules and normative documents `no`, and `may_make_prerequisite: false` for these three. A pack may be stricter than the law, never wider.

### References
Administrative License Law of the PRC, Arts. 14–17.
""",
)


def lint(packs: PackSet) -> Iterator[LintFinding]:
    if packs.checks is None:
        return
    path = packs.path("checks.yaml")
    for level, row in packs.checks.basis_levels.items():
        allowed = STATUTE[level]
        key = f"basis_levels.{level.value}"
        if _RANK[row.may_set_license] > _RANK[allowed]:
            yield META.finding(
                path,
                f"{key}.may_set_license",
                f"may_set_license 为 {row.may_set_license.value}，行政许可法第十四条至第十七条只允许 {allowed.value}",
                f"may_set_license is {row.may_set_license.value}; Arts. 14–17 allow {allowed.value}",
                packs.register,
            )
        if allowed is MaySet.no and row.may_make_prerequisite:
            yield META.finding(
                path,
                f"{key}.may_make_prerequisite",
                f"{level.value} 不能设定行政许可（第十六条、第十七条），也不能设定前置条件",
                f"{level.value}: a level that may not set a licence (Arts. 16–17) may not make a prerequisite either",
                packs.register,
            )
