"""``permitlogic cases export``: every case as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from permitlogic.cli.cases.common import SheetFormat, StoreOption, guarded, open_ledger
from permitlogic.cli.options import Lang, LangOption, bad_option


def export_command(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="输出文件 / the file to write", show_default=False),
    ],
    format: Annotated[
        SheetFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="csv 或 xlsx（默认按文件扩展名）/ csv or xlsx (default: by FILE's suffix)",
        ),
    ] = None,
    store: StoreOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """导出全部案件为 CSV 或 XLSX / Export every case as CSV or XLSX."""
    from permitlogic.ledger.export import to_csv, to_xlsx

    with guarded(lang):
        chosen = format
        if chosen is None:
            suffix = output.suffix.lower().lstrip(".")
            if suffix not in ("csv", "xlsx"):
                raise bad_option(
                    "--format",
                    "请用 --format csv|xlsx 指定格式（文件扩展名无法判断）",
                    "name the format with --format csv|xlsx (the file suffix does not say)",
                )
            chosen = SheetFormat(suffix)
        with open_ledger(store, must_exist=True) as ledger:
            data = (
                to_csv(ledger, lang.value)
                if chosen is SheetFormat.csv
                else to_xlsx(ledger, lang.value)
            )
        output.write_bytes(data)
