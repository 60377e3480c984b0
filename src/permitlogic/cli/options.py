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
    Lang,
    typer.Option(
        "--lang",
        help="输出语言：zh | en（JSON 总是中英文并列）"
        " / output language: zh | en (JSON always carries both languages)",
        case_sensitive=False,
    ),
]
# The files a rule-pack folder may hold; a folder with none of them is not a pack.
PACK_ENTRIES = ("checks.yaml", "green-channel.yaml", "deferral.yaml", "calendars")


def existing_rules_dir(value: Path | None) -> Path | None:
    """``--rules DIR`` must name a rule-pack folder: never fall back to the bundled packs silently."""
    if value is None:
        return None
    if not value.is_dir():
        raise InputError.single(
            str(value),
            f"规则包目录不存在：{value}",
            f"no such rule-pack folder: {value}",
            key="--rules",
        )
    if not any((value / entry).exists() for entry in PACK_ENTRIES):
        raise InputError.single(
            str(value),
            f"{value} 不是规则包目录：其中没有 {'、'.join(PACK_ENTRIES)}",
            f"{value} is not a rule-pack folder: it holds none of {', '.join(PACK_ENTRIES)}",
            key="--rules",
        )
    return value


RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        help="规则包目录（默认为内置 rules/）/ rule-pack directory (default: the bundled rules/)",
        file_okay=False,
        callback=existing_rules_dir,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="写入文件而非标准输出 / write to FILE instead of stdout"),
]


def bad_option(option: str, message_zh: str, message_en: str) -> InputError:
    return InputError.single(None, message_zh, message_en, key=option)
