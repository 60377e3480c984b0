"""``permitlogic import``: a county's published list or platform records → a catalog and a log."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from permitlogic.cli.options import bad_option

HELP = """把公布的清单或平台事项记录读成目录 / Read a published list or platform records as a catalog.

SOURCE 为 .xlsx/.csv（清单原样：标题行、合并单元格、序号/主管部门/实施机关/事项名称/子项名称/
事项类型/基本编码/事项编码/设定依据/法定办结时限/承诺办结时限/办件类型/前置条件/备注 等列名自动识别）
或 .json（政务服务平台的事项记录：task_code、task_type、dept_name、anticipate_day、promise_day、
AUDIT_ITEM_BYLAW、AUDIT_MATERIAL 等）。写出规范化目录（-o，.yaml 或 .json；目录标记 published: true，
未公布的字段为“未知”）和导入日志（--log，CSV：每个被解释、补充或未能读取的单元格）。
--map mapping.yaml 指定列名（columns）、事项类型（kinds）、时限单位代码（units）和目录编号、辖区（catalog）。

SOURCE is .xlsx/.csv as published (title rows, merged cells, the usual
headers detected) or .json platform records. Writes the normalized catalog
(-o, .yaml or .json; marked published: true, fields the list does not give
are unknown) and the import log (--log, CSV: every cell interpreted,
defaulted or not read). --map mapping.yaml names headers (columns), kinds,
unit codes (units) and the catalog's id and jurisdiction (catalog).
`permitlogic check` reads these sources directly too.
"""


def register(app: typer.Typer) -> None:
    app.command("import", help=HELP)(import_command)


def import_command(
    source: Annotated[
        Path,
        typer.Argument(
            help="公布的清单或平台记录 / the published list or records", show_default=False
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="目录文件 .yaml/.json（默认标准输出）/ catalog file (default: stdout)",
        ),
    ] = None,
    log_file: Annotated[
        Path | None,
        typer.Option("--log", help="导入日志 CSV / the import log (CSV)", show_default=False),
    ] = None,
    mapping: Annotated[
        Path | None,
        typer.Option("--map", help="映射文件 / mapping.yaml", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件 / overwrite")] = False,
) -> None:
    from permitlogic.published.importer import catalog_yaml, import_published, load_mapping

    for path in (output, log_file):
        if path is not None and path.exists() and not force:
            raise bad_option(
                "--output", f"{path} 已存在；如要覆盖请加 --force", f"{path} exists; add --force"
            )
    if output is not None and output.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise bad_option(
            "--output",
            f"目录文件应以 .yaml 或 .json 结尾（实际为 {output.name}）",
            f"the catalog file must end in .yaml or .json (got {output.name})",
        )
    if not source.is_file():
        raise bad_option("SOURCE", f"找不到文件 {source}", f"no such file: {source}")
    imported = import_published(source, load_mapping(mapping))
    if output is not None and output.suffix.lower() == ".json":
        text = json.dumps(imported.data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = catalog_yaml(imported.data)
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"已写出 / written: {output}", markup=False)
    if log_file is not None:
        log_file.write_text(imported.log.to_csv(), encoding="utf-8-sig")
        console.print(f"导入日志 / import log: {log_file}", markup=False)
    counts = imported.log.counts()
    console.print(
        f"{len(imported.catalog.items)} 个事项 / items；"
        + "，".join(f"{k} {v}" for k, v in sorted(counts.items())),
        markup=False,
    )
