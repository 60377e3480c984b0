"""PL306 statute-days-mismatch 法定时限与所引条款不符: statutory_days differ from the cited article."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.checks.base import CheckContext, CheckMeta
from permitlogic.law import default_register, parse_article_label
from permitlogic.models.catalog import Item
from permitlogic.models.report import Change, Finding, Fix, Severity

META = CheckMeta(
    id="PL306",
    name="statute-days-mismatch",
    name_zh="法定时限与所引条款不符",
    severity=Severity.warning,
    area="time",
    citation="《中华人民共和国行政许可法》第四十二条（法律、法规另有规定的，依照其规定）",
    law=("xzxkf:42",),
    summary_zh="事项写明的法定时限与其设定依据所引条款规定的期限不一致",
    summary_en="an item's statutory_days differ from the limit the article it cites sets",
    doc_zh="""\
### 功能
对写明了法定时限（statutory_days）的事项，读它的设定依据：所引法律、法规在法律依据登记（`rules/law/`）中有记载、且所引条款规定了行政机关的办理期限的，比较两者；法定时限不是所引条款规定的任何一个期限的，报告该事项，并给出条款规定的期限。所引条款没有规定期限、或不在登记中的，不作判断（此时适用第四十二条的一般期限，由 PL301 判断承诺时限）。

### 问题
法定时限是承诺时限的上限：写错了，PL301 的判断和全流程时限的证明都建立在错误的数字上。例如《建筑法》第八条规定施工许可证七日内颁发，目录却写 15 日，承诺 10 日看起来"没有超过法定时限"，实际已经超了。

### 示例
「建筑工程施工许可证核发」`statutory_days: 15`，设定依据《中华人民共和国建筑法》第八条（七日）。

### 修改
把法定时限改为所引条款规定的期限；如果所引条款不对，改引正确的条款。

### 依据
《中华人民共和国行政许可法》第四十二条（法律、法规另有规定的，依照其规定）；所引各法律、法规的条款（见法律依据登记）。
""",
    doc_en="""\
### What it does
For an item with statutory_days, reads its bases: where the cited law or regulation is in the register (`rules/law/`) and the cited article sets the authority a time limit, compares them; statutory_days that are none of the limits the article sets are reported, with the article's limits. An article that sets no limit, or a document the register lacks, is not judged (the Art. 42 default applies, and PL301 judges the promise).

### Why is this bad?
The statutory limit caps the promise: when it is wrong, PL301 and the chain proofs rest on a wrong number. Construction Law Art. 8 says the permit is issued within seven days; a catalog writing 15 makes a promise of 10 look lawful when it is not.

### Example
建筑工程施工许可证核发 with `statutory_days: 15`, citing 中华人民共和国建筑法 Art. 8 (seven days).

### Use instead
Write the limit the cited article sets; if the article is the wrong one, cite the right one.

### References
Administrative License Law of the PRC, Art. 42 (unless laws or regulations provide otherwise); the cited articles (see the register).
""",
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for item in ctx.catalog.items:
        if item.statutory_days is None:
            continue
        limits, cited = article_limits(item)
        if limits and item.statutory_days not in limits:
            yield _finding(ctx, item, sorted(limits), cited)


def article_limits(item: Item) -> tuple[set[int], list[str]]:
    """The limits (days) the articles ``item`` cites set the authority, and those articles."""
    register = default_register()
    days: set[int] = set()
    cited: list[str] = []
    for basis in item.basis:
        doc = register.by_title(basis.title)
        if doc is None:
            continue
        for article_id in parse_article_label(basis.article):
            article = doc.articles.get(article_id)
            if article is None:
                continue
            found = {d.days for d in article.deadlines if not d.applicant}
            if found:
                days |= found
                cited.append(f"《{doc.title}》{article.label}")
    return days, cited


def _finding(ctx: CheckContext, item: Item, limits: list[int], cited: list[str]) -> Finding:
    said = "、".join(str(d) for d in limits)
    where = "、".join(cited)
    changes = (
        [Change(item=item.id, field="statutory_days", old=item.statutory_days, new=limits[0])]
        if len(limits) == 1
        else []
    )
    return META.finding(
        ctx,
        items=[item.id],
        message_zh=(
            f"{item.id}「{item.name}」的法定时限写为 {item.statutory_days} 日，"
            f"所引{where}规定的是 {said} 日"
        ),
        message_en=(
            f"{item.id} ({item.name}) gives statutory_days {item.statutory_days}, "
            f"but {where} sets {said} days"
        ),
        witness={"statutory_days": item.statutory_days, "article_days": limits, "articles": cited},
        fix=Fix(
            message_zh=f"把法定时限改为所引条款规定的 {said} 日，或改引正确的条款",
            message_en=f"write the {said} days the cited article sets, or cite the right article",
            changes=changes,
        ),
    )
