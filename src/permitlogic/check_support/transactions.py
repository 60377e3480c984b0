"""What an item's name says it is: a transaction of a license, a filing, or the matter itself.

A license has transactions (业务办理项: 新办, 变更, 延续, 延期, 注销, 补证 …) that
a national list keeps inside the license; a published list sometimes gives each
its own row. Names are compared as :func:`permitlogic.names.item_name_key`
makes them; a transaction is recognised only when its word follows the name of
a licence, certificate or approval (「排污许可证变更」, not 「规划条件变更」).
"""

from __future__ import annotations

from dataclasses import dataclass

from permitlogic.names import item_name_key

TRANSACTION_WORDS: dict[str, str] = {
    "遗失补办": "补证",
    "遗失补发": "补证",
    "遗失补领": "补证",
    "补办": "补证",
    "补发": "补证",
    "补领": "补证",
    "补证": "补证",
    "换发": "换证",
    "换证": "换证",
    "变更": "变更",
    "延续": "延续",
    "延期": "延期",
    "注销": "注销",
    "配发": "配发",
    "校验": "校验",
}
"""A transaction word as written, and the transaction it names."""

FILING_WORDS: tuple[str, ...] = ("异地备案", "备案证明", "备案", "书面报告", "告知")
"""Words that make a name a filing or a notice, not a decision."""

LICENSE_NOUNS: tuple[str, ...] = (
    "批准书",
    "意见书",
    "许可证",
    "执照",
    "证书",
    "许可",
    "核准",
    "审批",
    "登记",
    "注册",
    "资格",
    "执业",
    "证",
)
"""How the name of a licence, certificate or approval ends."""

STEM_TAILS: tuple[str, ...] = (
    "核发",
    "审批",
    "审核",
    "许可证",
    "许可",
    "证书",
    "执照",
    "证",
    "登记",
    "注册",
    "核准",
    "批准书",
    "批准",
    "意见书",
)
"""Nouns and verbs a name of a licence ends with; the matter is what is left."""
_MIN_STEM = 2


@dataclass(frozen=True)
class NameReading:
    """What a name says: ``transaction`` (变更…), ``filing`` (备案…) or None (the matter itself)."""

    key: str
    stem: str
    transaction: str | None = None
    filing: str | None = None


NOTES: tuple[str, ...] = ("县级", "区级", "市级", "省级", "即办件", "承诺件")
"""Notes a published name carries after the matter (「…（校验）（县级）」, 「…（即办件）」)."""

GRANT_WORDS: tuple[str, ...] = ("新办", "首次申报", "首次申请")
"""Words that mark the grant itself (新办), not a later transaction."""

_TRANSACTION_ENDINGS = tuple(TRANSACTION_WORDS)


def read_name(
    name: str, department: str | None = None, jurisdiction: str | None = None
) -> NameReading:
    """The name's normalized key, its matter stem, and the transaction or filing word it ends with."""
    return read_key(item_name_key(name, department, jurisdiction))


def read_key(name_key: str) -> NameReading:
    """:func:`read_name` of a name already normalized by ``item_name_key``."""
    key = _without_notes(name_key)
    # One endswith() with every word first: most names end with none of them.
    if key.endswith(_TRANSACTION_ENDINGS):
        for word, transaction in TRANSACTION_WORDS.items():
            if key.endswith(word):
                base = key[: -len(word)]
                if base.endswith(LICENSE_NOUNS) and len(base) > _MIN_STEM:
                    return NameReading(key, matter_stem(base), transaction=transaction)
    if key.endswith(FILING_WORDS):
        for word in FILING_WORDS:
            if key.endswith(word) and len(key) - len(word) >= 2:
                return NameReading(key, matter_stem(key[: -len(word)]), filing=word)
    return NameReading(key, matter_stem(key))


def _without_notes(key: str) -> str:
    """The key without trailing notes (县级, 即办件 …) and without grant words (新办)."""
    changed = key.endswith(NOTES)
    while changed:
        changed = False
        for note in NOTES:
            if key.endswith(note) and len(key) - len(note) >= _MIN_STEM:
                key, changed = key[: -len(note)], True
    for word in GRANT_WORDS:
        if word in key and len(key) - len(word) >= _MIN_STEM:
            key = key.replace(word, "", 1)
            break
    return key


def matter_stem(key: str) -> str:
    """The matter a name is about: the key without its licence, certificate or approval nouns."""
    stem = key
    while stem.endswith(STEM_TAILS):
        for tail in STEM_TAILS:
            if stem.endswith(tail) and len(stem) - len(tail) >= _MIN_STEM:
                stem = stem[: -len(tail)]
                break
        else:
            return stem
    return stem
