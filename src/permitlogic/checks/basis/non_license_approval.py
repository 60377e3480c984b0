"""PL203 non-license-approval 非行政许可审批: an item of an abolished category."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.check_support import wording
from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.catalog import Kind
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL203",
    name="non-license-approval",
    name_zh="非行政许可审批",
    severity=Severity.error,
    area="basis",
    citation="《国务院关于取消非行政许可审批事项的决定》（国发〔2015〕27号）",
    law=("gf2015_27",),
    summary_zh="目录中仍有非行政许可审批事项：这一类别已经取消",
    summary_en="an item of kind non_license: the category was abolished",
    doc_zh="""\
### 功能
找出事项类型为非行政许可审批（`kind: non_license`）的事项。

### 问题
国务院已全面取消非行政许可审批这一类别（国发〔2015〕27号），"非行政许可审批"从此不再是审批事项的合法类型；仍保留的，要么是没有依据的审批，要么应当归入别的类型。

### 示例
`kind: non_license` 的「企业投资项目备案前置审查」。

### 修改
有法律、行政法规等依据、确需保留的，调整为行政许可并写明设定依据；属于内部管理或服务的，改为公共服务等类型；其余的取消。

### 依据
《国务院关于取消非行政许可审批事项的决定》（国发〔2015〕27号）。
""",
    doc_en="""\
### What it does
Finds items of kind non-license approval (`kind: non_license`).

### Why is this bad?
The State Council abolished the category of non-license approvals (国发〔2015〕27号): it is no longer a lawful kind of approval. An item left in it is either an approval without a basis or belongs to another kind.

### Example
「企业投资项目备案前置审查」 with `kind: non_license`.

### Use instead
If a law or regulation requires it, turn it into a license with its legal basis; if it is internal management or a service, make it a service; otherwise abolish it.

### References
State Council Decision on abolishing non-license approvals (国发〔2015〕27号).
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for item in ctx.catalog.items:
        if item.kind is not Kind.non_license:
            continue
        yield META.finding(
            ctx,
            items=[item.id],
            message_zh=f"{wording.zh(ctx, item.id)}仍作为非行政许可审批事项保留，而这一类别已于 2015 年取消",
            message_en=(
                f"{wording.en(ctx, item.id)} is kept as a non-license approval, "
                "a category abolished in 2015"
            ),
            fix=Fix(
                message_zh=f"将 {item.id} 调整为行政许可（写明依据）或公共服务，否则取消",
                message_en=f"make {item.id} a license (with its basis) or a service, or abolish it",
            ),
        )
