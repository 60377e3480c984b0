"""Chinese numerals as articles are numbered (第一百一十二条) to ints and back."""

from __future__ import annotations

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_WRITE = "零一二三四五六七八九"


def parse_number(text: str) -> int | None:
    """``"一百一十二"`` → 112, ``"112"`` → 112; None when ``text`` is not a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (digit or 1) * _UNITS[ch]
            digit = 0
    return total + digit


def write_number(number: int) -> str:
    """112 → ``"一百一十二"`` (as the statutes write article numbers, up to 999)."""
    if number < 10:
        return _WRITE[number]
    if number < 20:
        return "十" + (_WRITE[number % 10] if number % 10 else "")
    if number < 100:
        tens, ones = divmod(number, 10)
        return _WRITE[tens] + "十" + (_WRITE[ones] if ones else "")
    hundreds, rest = divmod(number, 100)
    head = _WRITE[hundreds] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + _WRITE[rest]
    if rest < 20:
        return head + "一" + write_number(rest)
    return head + write_number(rest)
