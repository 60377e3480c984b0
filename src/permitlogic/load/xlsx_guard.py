"""Refuse an XLSX before it is parsed: not a zip, an old .xls, a zip bomb, too many texts.

Checked from the zip's directory and by byte scans, so a hostile file costs
about a second at most; and, when a workbook cannot be opened, the first XML
part that is not well-formed, to name in the message.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from defusedxml import DefusedXmlException

from permitlogic.errors import InputError
from permitlogic.load.limits import MB, ZIP_RATIO_MIN_BYTES, LoadLimits

MAX_ZIP_MEMBERS = 10_000

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,8}:)?si[\s/>]")
_CHUNK = 1 << 20


def check_zip(path: Path, limits: LoadLimits) -> None:
    """Refuse, before parsing, a file that is not a zip or whose contents would explode."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputError.single(
            name, f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}"
        ) from None
    if head == _OLE2_MAGIC:
        raise InputError.single(
            name,
            "这是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx",
            "this is an old Excel (.xls) file: save it as .xlsx in Excel",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError.single(
            name,
            "不是有效的 XLSX 文件（不是 zip 压缩包，或已损坏）",
            "not a valid XLSX file (not a zip archive, or damaged)",
        ) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise InputError.single(
            name,
            f"XLSX 压缩包内文件过多（{len(members)} 个），拒绝读取",
            f"the XLSX holds too many parts ({len(members)}); refused",
        )
    total = sum(m.file_size for m in members)
    if total > limits.max_unzipped_bytes:
        raise InputError.single(
            name,
            f"XLSX 解压后过大（{total / MB:.0f} MB，上限 {limits.max_unzipped_mb} MB），"
            "可能是 zip 炸弹，拒绝读取",
            f"the XLSX would unpack to {total / MB:.0f} MB (limit {limits.max_unzipped_mb} MB), "
            "a possible zip bomb; refused",
        )
    for member in members:
        if member.file_size < ZIP_RATIO_MIN_BYTES:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > limits.max_zip_ratio:
            raise InputError.single(
                name,
                f"XLSX 中的 {member.filename} 压缩比异常（{ratio:.0f} 倍，上限 "
                f"{limits.max_zip_ratio}），可能是 zip 炸弹，拒绝读取",
                f"{member.filename} in the XLSX is compressed {ratio:.0f}:1 "
                f"(limit {limits.max_zip_ratio}:1), a possible zip bomb; refused",
            )


def check_shared_strings(path: Path, limits: LoadLimits) -> None:
    """Refuse, before openpyxl loads them all, more shared strings than the limit.

    Counted by scanning the part's bytes for ``<si>`` elements, so a file of millions
    of strings is refused in about a second without building any of them.
    """
    limit = limits.max_shared_strings
    with zipfile.ZipFile(path) as archive:
        part = next(
            (n for n in archive.namelist() if n.lower().endswith("sharedstrings.xml")), None
        )
        if part is None:
            return
        count = 0
        pending = b""
        with archive.open(part) as handle:
            while chunk := handle.read(_CHUNK):
                data = pending + chunk
                cut = max(len(data) - 16, 0)
                count += sum(
                    1 for m in _SHARED_STRING.finditer(data, 0, cut + 16) if m.start() < cut
                )
                pending = data[cut:]
                if count > limit:
                    break
        count += len(_SHARED_STRING.findall(pending))
    if count > limit:
        raise InputError.single(
            str(path),
            f"XLSX 的 {part} 中文本过多（超过 {limit} 条），已停止读取"
            "（上限可用环境变量 PERMITLOGIC_MAX_SHARED_STRINGS 调整）",
            f"{part} in the XLSX holds more than {limit} texts; reading stopped "
            "(set PERMITLOGIC_MAX_SHARED_STRINGS to change the limit)",
            key=part,
        )


def damaged_part(path: Path) -> tuple[str, str] | None:
    """The first XML part of the XLSX that is not well-formed, and the parser's complaint."""
    from defusedxml.ElementTree import iterparse

    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if not member.endswith((".xml", ".rels")):
                    continue
                try:
                    with archive.open(member) as handle:
                        for _ in iterparse(handle):
                            pass
                except DefusedXmlException:
                    return None
                except Exception as exc:  # a parse error, a bad zip member
                    return member, str(exc)
    except (zipfile.BadZipFile, OSError):
        return None
    return None
