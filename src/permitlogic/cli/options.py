"""Options and helpers shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from permitlogic.errors import InputError


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LangOption = Annotated[
    Lang, typer.Option("--lang", help="输出语言 / output language: zh | en", case_sensitive=False)
]
RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        help="规则包目录（默认为内置 rules/）/ rule-pack directory (default: the bundled rules/)",
        file_okay=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="写入文件而非标准输出 / write to FILE instead of stdout"),
]


def bad_option(option: str, message_zh: str, message_en: str) -> InputError:
    return InputError.single(None, message_zh, message_en, key=option)
