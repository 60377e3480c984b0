"""PL001 invalid-catalog: the input is not a valid catalog (reported by the loaders, exit 2).

Not a check of a catalog's content: it has META for `permitlogic rules` and
the JSON error output, and no check() (the registry runs only checks).
"""

from __future__ import annotations

from permitlogic.checks.base import CheckMeta
from permitlogic.models.report import Severity

META = CheckMeta(
    id="PL001",
    name="invalid-catalog",
    name_zh="目录文件无效",
    severity=Severity.error,
    area="input",
    citation="审批事项目录格式（docs/catalog-format.md）",
    summary_zh="文件不是有效的审批事项目录：类型错误、未知的键、缺少必填项、编码重复、日期无效等",
    summary_en="the file is not a valid catalog: wrong type, unknown key, missing field, duplicate id, bad date",
    doc_zh="""\
### 功能
在检查之前读取目录文件，找出一切使它不能成为有效目录的问题：YAML/JSON 语法错误、类型错误、未知的键、缺少必填项、编码重复、日期无效、表头不认识、合并单元格、公式、超过限额的文件等。一个文件的全部问题一次列出（一次性告知）。

### 问题
目录是法律文书：拼错的键、写成文字的天数，若被悄悄忽略或按默认值处理，就会得出错误的审查结论。

### 示例
`promised_days: "二十"`；`kind: licence`；两个事项都写 `id: JS-001`。

### 修改
按提示的文件、行号（或工作表、行、列）和键逐一改正，再次检查。

### 依据
审批事项目录格式（docs/catalog-format.md）。退出码 2。
""",
    doc_en="""\
### What it does
Reads the catalog before any check and reports everything that keeps it from being a valid catalog: YAML/JSON syntax, wrong types, unknown keys, missing fields, duplicate ids, bad dates, unknown headers, merged cells, formulas, files over the limits. Every problem of a file is listed at once.

### Why is this bad?
A catalog is a legal document: a misspelt key or days written as words, if silently dropped or defaulted, would give a wrong review.

### Example
`promised_days: "二十"`; `kind: licence`; two items both `id: JS-001`.

### Use instead
Fix each problem at the file, line (or sheet, row, column) and key it names, and check again.

### References
The catalog format (docs/catalog-format.md). Exit code 2.
""",
)
