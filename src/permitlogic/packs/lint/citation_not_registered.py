"""RL002 citation-not-registered 引用未登记: a pack cites law the register does not hold."""

from __future__ import annotations

from collections.abc import Iterator

from permitlogic.law.citation import (
    document_numbers,
    parse_ref,
    quoted_passages,
    titled_citations,
)
from permitlogic.law.model import article_label
from permitlogic.models.report import Severity
from permitlogic.packs.lint.base import CitedText, LintFinding, LintMeta, PackSet, cited_texts

META = LintMeta(
    id="RL002",
    name="citation-not-registered",
    name_zh="引用未登记",
    severity=Severity.error,
    citation="法律依据登记（rules/law）：每一处引用都须有登记，登记记录条文原文和核对出处",
    summary_zh="规则包的引用（law 列表、《标题》第N条、文号）在法律依据登记中找不到",
    summary_en="a pack cites a document, article or number (law list, 《title》 article, 文号) that the register lacks",
    doc_zh="""\
### 功能
逐条检查规则包中的引用：`law` 列表中的登记键（如 `xzxkf:32`）、引用文字中的《标题》及其后的第N条、文号（如 国办发〔2015〕31号），在法律依据登记（内置 rules/law，加上规则目录自己的 law/）中找不到的，报告错误；《标题》第N条：“……”引号内的文字不是登记原文的，也报告错误。

### 问题
引用是写给复核的人看的。没有登记的引用，无从知道引的是哪一版、条文说了什么、由谁在哪里核对过；错引的条文正是律师会退回的问题。

### 示例
`law: ["xzxkf:99"]`：行政许可法没有登记第九十九条；或引用文字写了《某省扬尘管理办法》，而登记中没有这份文件。

### 修改
改正引用；县自己的文件，在规则目录的 `law/` 下登记（标题、制定机关、层级、文号、版本日期、所引条文及原文、核对出处）。

### 依据
本项目的法律依据登记规则（rules/law）。
""",
    doc_en="""\
### What it does
Checks every citation of the packs: register keys in `law` lists (e.g. `xzxkf:32`), each 《title》 in the citation text with the articles after it, and document numbers (文号 such as 国办发〔2015〕31号). One the register (the bundled rules/law plus the rules directory's own law/) does not hold is an error, and so are quoted words (《title》article：“…”) that are not the registered text.

### Why is this bad?
A citation is written for the person who checks it. Without a register entry nobody knows which version is meant, what the article says, or who checked it where; a wrong article is exactly what a lawyer sends back.

### Example
`law: ["xzxkf:99"]`: the register has no Art. 99 of the Administrative License Law; or the citation names 《某省扬尘管理办法》, which the register does not hold.

### Use instead
Correct the citation; register a county's own documents under the rules directory's `law/` (title, issuer, level, number, version date, the cited articles with their text and where they were checked).

### References
The project's register of legal sources (rules/law).
""",
)


def lint(packs: PackSet) -> Iterator[LintFinding]:
    for cited in cited_texts(packs):
        for zh, en in _problems(packs, cited):
            yield META.finding(cited.file, cited.key, zh, en, packs.register)


def _problems(packs: PackSet, cited: CitedText) -> Iterator[tuple[str, str]]:
    register = packs.register
    for ref in cited.law:
        try:
            register.resolve(parse_ref(ref))
        except (KeyError, ValueError) as error:
            yield f"law 引用 {ref} 未登记", f"law reference {ref} is not registered: {error}"
    for citation in titled_citations(cited.citation):
        doc = register.by_title(citation.title)
        if doc is None:
            yield f"《{citation.title}》未登记", f"《{citation.title}》 is not in the register"
            continue
        for article_id in citation.articles:
            if article_id not in doc.articles:
                label = article_label(article_id)
                yield (
                    f"《{doc.title}》{label}未登记",
                    f"《{doc.title}》{label} is not in the register",
                )
    for title, article_id, fragments in quoted_passages(cited.citation):
        quoted_doc = register.by_title(title)
        article = quoted_doc.articles.get(article_id) if quoted_doc else None
        if article is None:
            continue
        for fragment in fragments:
            if fragment not in (article.quote or ""):
                yield (
                    f"引号内的文字不是《{title}》{article.label}的登记原文：“{fragment}”",
                    f"the quoted words are not the registered text of 《{title}》{article.label}: “{fragment}”",
                )
    for number in document_numbers(cited.citation):
        if register.by_number(number) is None:
            yield f"文号 {number} 未登记", f"document number {number} is not in the register"
