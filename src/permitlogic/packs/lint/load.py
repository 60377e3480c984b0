"""Read the packs of a rules directory (or one pack file) for the lint."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from permitlogic.errors import InputError
from permitlogic.law.register import Register, default_register, load_register
from permitlogic.packs.checks_pack import ChecksPack
from permitlogic.packs.deferral import DeferralPack
from permitlogic.packs.green_channel import GreenChannelPack
from permitlogic.packs.lint.base import PackSet
from permitlogic.packs.yaml_pack import load_pack

M = TypeVar("M", bound=BaseModel)

PACK_FILES = {
    "checks.yaml": "checks",
    "green-channel.yaml": "green_channel",
    "deferral.yaml": "deferral",
}


def load_pack_set(target: Path) -> PackSet:
    """The packs of ``target`` (a rules directory, or one of its pack files).

    The register is the shipped one plus the documents of ``DIR/law/`` when the
    directory has its own (a county registers its own documents there).
    """
    if target.is_file():
        directory, names = target.parent, [target.name]
        if target.name not in PACK_FILES:
            raise InputError.single(
                str(target),
                f"不是规则包文件（应为 {', '.join(PACK_FILES)} 之一）",
                f"not a rule pack file (expected one of {', '.join(PACK_FILES)})",
            )
    elif target.is_dir():
        directory, names = target, [n for n in PACK_FILES if (target / n).is_file()]
        if not names:
            raise InputError.single(
                str(target),
                f"目录中没有规则包（{', '.join(PACK_FILES)}）",
                f"no rule pack in the directory ({', '.join(PACK_FILES)})",
            )
    else:
        raise InputError.single(str(target), "规则包路径不存在", "rule pack path not found")

    def read(name: str, model: type[M]) -> M | None:
        return load_pack(model, directory / name) if name in names else None

    return PackSet(
        directory=directory,
        register=_register(directory),
        checks=read("checks.yaml", ChecksPack),
        green_channel=read("green-channel.yaml", GreenChannelPack),
        deferral=read("deferral.yaml", DeferralPack),
    )


def _register(directory: Path) -> Register:
    shipped = default_register()
    own = directory / "law"
    if not own.is_dir():
        return shipped
    local = load_register(own)
    return Register.of([*shipped, *local])
