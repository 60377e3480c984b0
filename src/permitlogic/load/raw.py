"""Read an input file's bytes within the size limit, and decode text with a located error."""

from __future__ import annotations

import sys
from pathlib import Path

from permitlogic.errors import InputError
from permitlogic.load.limits import MB, LoadLimits

STDIN = "<stdin>"


def read_bytes(path: Path, limits: LoadLimits) -> bytes:
    """The file's bytes; InputError if it is missing, unreadable or over the size limit."""
    name = str(path)
    if not path.exists():
        raise InputError.single(name, "文件不存在", "file not found")
    if not path.is_file():
        raise InputError.single(name, "不是普通文件", "not a regular file")
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise too_big(name, size, limits)
        return path.read_bytes()
    except OSError as exc:
        raise InputError.single(
            name, f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}"
        ) from None


def read_stdin(limits: LoadLimits) -> bytes:
    """Standard input's bytes, refusing more than the size limit without reading it all."""
    data = sys.stdin.buffer.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        # Reading stopped at the limit: the whole size is not known, only that it is more.
        raise too_big(STDIN, None, limits)
    return data


def read_text(name: str, limits: LoadLimits | None = None) -> str:
    """The UTF-8 text of file ``name`` (``-``: standard input) within the size limit."""
    limits = limits if limits is not None else LoadLimits.from_env()
    if name == "-":
        return decode_utf8(read_stdin(limits), STDIN)
    return decode_utf8(read_bytes(Path(name), limits), name)


def too_big(name: str, size: int | None, limits: LoadLimits) -> InputError:
    """The input is over the size limit (``size`` None: more than the limit, size unknown)."""
    if size is None:
        zh = f"超过 {limits.max_file_mb} MB"
        en = f"more than {limits.max_file_mb} MB"
    else:
        zh = en = f"{size / MB:.1f} MB"
    return InputError.single(
        name,
        f"文件太大（{zh}，上限 {limits.max_file_mb} MB；可用环境变量 PERMITLOGIC_MAX_FILE_MB 调整）",
        f"file too large ({en}, limit {limits.max_file_mb} MB; "
        "set PERMITLOGIC_MAX_FILE_MB to change it)",
    )


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def utf16_error(name: str) -> InputError:
    return InputError.single(
        name,
        "文件是 UTF-16 编码（记事本或 Excel「Unicode 文本」）：请另存为 UTF-8",
        "the file is UTF-16 text (Notepad or Excel 'Unicode Text'): save it as UTF-8",
        line=1,
    )


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 text (a leading BOM dropped); InputError at the line of the first bad byte."""
    if data.startswith(UTF16_BOMS):
        raise utf16_error(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError.single(
            name,
            f"不是 UTF-8 文本（第 {exc.start + 1} 字节无法解码）：请以 UTF-8 编码保存",
            f"not UTF-8 text (byte {exc.start + 1} cannot be decoded): save the file as UTF-8",
            line=line,
            column=column,
        ) from None
