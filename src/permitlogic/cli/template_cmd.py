"""``permitlogic template``: the spreadsheet a department fills in (or a catalog written as one)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from permitlogic.cli.options import bad_option
from permitlogic.load.catalog import load_catalog
from permitlogic.load.sheet_writer import example_catalog, losses, write_sheet

HELP = """写出审批事项目录的填报模板 / Write the catalog template a department fills in.

OUTPUT 为 .xlsx：工作表「事项」（中文列标题、一行示例、事项类型/即办件/联合办理/办理结果
的下拉列表、设定依据与前置条件的填写提示），「目录」（目录编号、辖区、行政层级、生效日期），
「流程」「阶段」（可选的工程建设项目审批流程），「说明」（层级取值与填写格式）。
OUTPUT 为 .csv：目录信息行、标题行和示例行（CSV 不支持流程，请用 XLSX 或 YAML）。
用 --from 把已有目录（YAML/JSON/XLSX/CSV）写成表格，便于交给部门修改。

OUTPUT .xlsx: sheet 事项 (items: Chinese headers, one example row, drop-down
lists for kind / on-the-spot / joint / decision, input hints for the
multi-line basis and prerequisite cells), 目录 (catalog id, jurisdiction,
level, effective date), 流程 and 阶段 (optional project chains and their
stages), 说明 (the basis levels and the cell formats). OUTPUT .csv: the
catalog rows, the header row and the example row (CSV cannot hold chains:
use XLSX or YAML for them). With --from, write an existing catalog in this
form instead of the example, for a department to edit.
"""


def register(app: typer.Typer) -> None:
    app.command("template", help=HELP)(template_command)


def template_command(
    output: Annotated[
        Path,
        typer.Argument(
            help="要写出的文件：.xlsx 或 .csv / the file to write: .xlsx or .csv",
            show_default=False,
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="把这个目录写成表格，而不是示例 / write this catalog instead of the example",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="覆盖已存在的文件 / overwrite an existing file"),
    ] = False,
) -> None:
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise bad_option(
            "OUTPUT",
            f"模板文件应以 .xlsx 或 .csv 结尾（实际为 {output.name}）",
            f"the template file must end in .xlsx or .csv (got {output.name})",
        )
    if output.exists() and not force:
        raise bad_option(
            "OUTPUT",
            f"{output} 已存在；如要覆盖请加 --force",
            f"{output} exists; add --force to overwrite it",
        )
    catalog = load_catalog(source) if source is not None else example_catalog()
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    for loss in losses(catalog, csv_form=suffix == ".csv"):
        console.print(f"注意 / note: {loss}", markup=False)
    try:
        write_sheet(catalog, output)
    except OSError as exc:
        raise bad_option(
            "OUTPUT", f"无法写入 {output}：{exc.strerror}", f"cannot write {output}: {exc.strerror}"
        ) from None
    console.print(f"已写出 / written: {output}", markup=False)
