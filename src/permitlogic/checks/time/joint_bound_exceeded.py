"""PL312 joint-bound-exceeded 联合办理超45日: a joint chain or stage with a bound over 45 days."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.models.report import Finding, Fix, Severity

META = CheckMeta(
    id="PL312",
    name="joint-bound-exceeded",
    name_zh="联合办理超45日",
    severity=Severity.error,
    area="time",
    citation="《中华人民共和国行政许可法》第四十二条第二款",
    law=("xzxkf:42", "xzxkf:26"),
    summary_zh="统一、联合、集中办理的一次程序（流程的一个阶段，或单阶段流程），承诺时限超过 45 个工作日",
    summary_en="one joint procedure (a stage of a joint chain, or a single-stage joint chain) bound over 45 working days",
    doc_zh="""\
### 功能
找出联合办理（joint: true）的阶段中，时限（bound_days）超过 45 个工作日的。第四十二条的 45 日约束的是一次联合办理：分阶段的流程中是每个阶段（全流程时限不受 45 日限制，例如四个阶段各 20 日、全流程 80 日是合法的）；只有一个阶段的流程，流程本身就是一次联合办理。阶段未写 joint 的，随所在流程；上限由规则包 rules/checks.yaml 的 joint_bound_days 给出。本项只看承诺的时限本身，不看各事项排期（排期由 PL310、PL311 证明）。

### 问题
《行政许可法》第四十二条第二款：“行政许可采取统一办理或者联合办理、集中办理的，办理的时间不得超过四十五日；四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日……”承诺超过 45 日，就把只有经批准才能使用的延长期当作了常规期限。

### 示例
流程 `joint: true`，其阶段「工程建设许可」`bound_days: 50`：该阶段联合办理承诺 50 日，超过 45 日。

### 修改
把联合办理的时限定在 45 个工作日以内；确需延长的，个案报本级人民政府负责人批准，不写入承诺。

### 依据
《中华人民共和国行政许可法》第二十六条、第四十二条第二款。
""",
    doc_en="""\
### What it does
Finds joint stages (joint: true) whose bound (bound_days) exceeds 45 working days. Art. 42's 45 days bound one joint procedure: in a staged chain that is each stage (the whole path is not limited to 45: four stages of 20 days, 80 in all, is lawful); a chain of a single stage is itself one joint procedure. A stage without its own joint flag follows its chain; the limit is the rule pack's joint_bound_days. This checks the promised bound itself, not the schedule (PL310 and PL311 prove that).

### Why is this bad?
Administrative License Law Art. 42(2): unified, joint or centralized handling must not take more than 45 days; only with the approval of the government's head may it be extended by 15. A promise over 45 days makes the exceptional extension the rule.

### Example
A chain with `joint: true` whose stage 工程建设许可 has `bound_days: 50`.

### Use instead
Bound joint handling at 45 working days; ask for the extension case by case, never as the promise.

### References
Administrative License Law of the PRC, Arts. 26 and 42(2).
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    limit = ctx.pack.thresholds.joint_bound_days
    for chain in ctx.catalog.chains:
        # Art. 42's 45 days bound one joint procedure: each stage of a joint chain,
        # or the chain itself when it is a single procedure (one stage).
        single = len(chain.stages) == 1
        if chain.joint and single and chain.bound_days is not None and chain.bound_days > limit:
            yield _finding(ctx, chain.id, chain.name, None, chain.bound_days, limit)
        for stage in chain.stages:
            if single and chain.joint and stage.joint is None and stage.bound_days is None:
                continue
            joint = chain.joint if stage.joint is None else stage.joint
            if joint and stage.bound_days is not None and stage.bound_days > limit:
                yield _finding(ctx, chain.id, chain.name, stage.name, stage.bound_days, limit)


def _finding(
    ctx: CheckContext, chain: str, name: str, stage: str | None, bound: int, limit: int
) -> Finding:
    if stage is None:
        what_zh, what_en = f"联合办理的流程 {chain}「{name}」", f"joint chain {chain} ({name})"
    else:
        what_zh = f"流程 {chain}「{name}」联合办理的阶段「{stage}」"
        what_en = f"chain {chain} ({name}), joint stage {stage},"
    witness: dict[str, object] = {"chain": chain, "bound": bound, "limit": limit}
    if stage is not None:
        witness["stage"] = stage
    finding = META.finding(
        ctx,
        items=[],
        message_zh=f"{what_zh}承诺 {bound} 个工作日，超过联合办理 {limit} 日的法定上限",
        message_en=f"{what_en} promises {bound} working days, over the {limit} allowed for joint handling",
        witness=witness,
        fix=Fix(
            message_zh=f"将时限改为不超过 {limit} 个工作日；确需延长的，个案报批",
            message_en=f"bound it at {limit} working days at most; seek any extension case by case",
        ),
    )
    return finding.model_copy(update={"department": None})
