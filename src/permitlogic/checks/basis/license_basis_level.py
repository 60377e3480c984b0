"""PL201 license-basis-level 设定依据越权: a license set by a basis that may not set one."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.check_support.basis_rules import level_rule, strongest
from permitlogic.check_support.known_law import cite_fix, item_law
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Item, Kind
from permitlogic.models.report import Finding, Fix, Severity
from permitlogic.packs.checks_pack import MaySet

META = CheckMeta(
    id="PL201",
    name="license-basis-level",
    name_zh="设定依据越权",
    severity=Severity.error,
    area="basis",
    needs=("basis_level",),
    needs_kinds=frozenset({Kind.license}),
    citation="《中华人民共和国行政许可法》第十四条至第十七条",
    law=("xzxkf:14", "xzxkf:15", "xzxkf:16", "xzxkf:17"),
    summary_zh="行政许可最强的设定依据无权设定行政许可；仅有省级政府规章的为临时性许可（警告）",
    summary_en="a license's strongest basis may not set a license; a provincial rule alone is a temporary license (warning)",
    doc_zh="""\
### 功能
对每个行政许可事项，取其设定依据中层级最高的一条，按规则包（`rules/checks.yaml` 的 `basis_levels`）判断该层级能否设定行政许可：不能的报错误；只能设定临时性许可的（默认为省级政府规章）报警告。没有任何依据的由 PL202 报告。

### 问题
行政许可只能由法律、行政法规、国务院决定设定（第十四条），地方性法规可以设定，省级政府规章只能设定临时性行政许可，实施满一年需要继续实施的应当提请制定地方性法规（第十五条）；部门规章、设区的市政府规章和其他规范性文件一律不得设定行政许可（第十六条、第十七条）。

### 示例
「户外广告设置审批」只有 `normative_document 县政府关于加强户外广告管理的通知` 作依据。

### 修改
找到并写明法律、行政法规、国务院决定或地方性法规的设定依据；没有的，取消该许可。法律依据登记（`rules/known-law.yaml` 与 `rules/law/`）已载明设定该事项的条款的，修改建议直接给出应引用的条款。仅有省级政府规章的，核实是否已满一年并提请制定地方性法规。

### 依据
《中华人民共和国行政许可法》第十四条至第十七条。
""",
    doc_en="""\
### What it does
For every license item, takes the strongest of its bases and asks the rule pack (`basis_levels` in `rules/checks.yaml`) whether that level may set a license: an error when it may not; a warning when it may only set a temporary one (by default a provincial government rule). An item with no basis at all is PL202's.

### Why is this bad?
Only laws, administrative regulations and State Council decisions may set licenses (Art. 14); local regulations may, and provincial government rules may set temporary ones that need a local regulation after one year (Art. 15); departmental rules, rules of districted cities and other normative documents may never set a license (Arts. 16–17).

### Example
「户外广告设置审批」 rests only on `normative_document 县政府关于加强户外广告管理的通知`.

### Use instead
Find and cite the law, administrative regulation, State Council decision or local regulation that sets it; if there is none, abolish the license. Where the shipped register (`rules/known-law.yaml` with `rules/law/`) knows the article that sets the item, the fix names it. For a provincial rule alone, check whether the year has passed and a local regulation is needed.

### References
Administrative License Law of the PRC, Arts. 14–17.
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for item in ctx.catalog.items:
        if item.kind is not Kind.license or not item.basis:
            continue
        if any(basis.level is None for basis in item.basis):
            continue  # an unclassified basis might be a law: not judged
        best = strongest(item.basis)
        rule = level_rule(ctx, best)
        may = rule.may_set_license if rule is not None else MaySet.no
        if may is MaySet.yes:
            continue
        citation = rule.citation if rule is not None else META.citation
        temporary = may is MaySet.temporary
        if temporary:
            message_zh = (
                f"行政许可{wording.zh(ctx, item.id)}最高只有{wording.basis_zh(best)}作设定依据："
                f"{best.level_zh}只能设定临时性行政许可，实施满一年需提请制定地方性法规"
            )
            message_en = (
                f"the license {wording.en(ctx, item.id)} rests at best on {wording.basis_en(best)}: "
                "that level may only set a temporary license, which needs a local regulation after one year"
            )
        else:
            message_zh = (
                f"行政许可{wording.zh(ctx, item.id)}最高只有{wording.basis_zh(best)}作设定依据，"
                f"{best.level_zh}无权设定行政许可"
            )
            message_en = (
                f"the license {wording.en(ctx, item.id)} rests at best on {wording.basis_en(best)}; "
                f"a {best.level_key.replace('_', ' ')} may not set a license"
            )
        yield META.finding(
            ctx,
            items=[item.id],
            message_zh=message_zh,
            message_en=message_en,
            witness={"strongest": wording.basis_data(best), "may_set_license": may.value},
            severity=Severity.warning if temporary else Severity.error,
            citation=citation,
            fix=_fix(item, temporary),
        )


def _fix(item: Item, temporary: bool) -> Fix:
    """Cite the registered article where one sets the license; otherwise find one or abolish it."""
    known = item_law(item)
    if known:
        return cite_fix(known, "设定依据", "the legal basis")
    if temporary:
        return Fix(
            message_zh="核实实施是否已满一年，提请制定地方性法规",
            message_en="check whether the year has passed and have a local regulation made",
        )
    return Fix(
        message_zh="写明法律、行政法规、国务院决定或地方性法规的设定依据；没有的，取消该许可",
        message_en=(
            "cite a law, administrative regulation, State Council decision or local "
            "regulation that sets it; if there is none, abolish the license"
        ),
    )
