"""Names as the legal office compares them: the same item or department however it was typed.

Two spellings of one name differ in full-width/half-width forms, punctuation,
whitespace and, for item names, a leading place or department name
(「示范县住建局：建筑工程施工许可」 is 「建筑工程施工许可」). PL108 (duplicate
approvals), PL204/PL205 (the upper level's reference list) and ``diff``
compare names as :func:`item_name_key` makes them; PL103 and PL105 compare
departments as :func:`department_key` makes them.

A department is never guessed from an abbreviation: 「县住建局」 and
「县住房和城乡建设局」 stay two departments. Only spelling differences and the
catalog's own jurisdiction name are removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

LEVEL_MARKS = "省市县区州旗镇乡"
"""The last character of a place name that says its level (示范县 → 县)."""

OWN_DEPARTMENT_WORDS = frozenset(
    {"本部门", "本机关", "本单位", "本局", "本委", "本办", "本厅", "本中心"}
)
"""How a department writes itself in its own catalog entries (issued_by: 本局)."""

_GENERIC_DEPARTMENT = re.compile(
    r"^[省市县区](?:[\u3400-\u9fff]{1,14}?)(?:管理委员会|委员会|办公室|局|委|厅)"
)
"""A leading department of the form 县/市/区/省 + name + 局/委/办公室/厅 (县住建局)."""


_NOT_WORD = re.compile(r"[\W_]+")
"""Whitespace, punctuation and symbols: anything that is not a letter or a digit."""


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """NFKC form without whitespace, punctuation or symbols: what is left are the words.

    Remembered: the checks ask again for the same names, departments and materials.
    """
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1024)
def _jurisdiction_forms(jurisdiction: str | None) -> tuple[str, ...]:
    if not jurisdiction:
        return ()
    name = plain(jurisdiction)
    return (name,) if name else ()


@lru_cache(maxsize=65536)
def department_key(department: str, jurisdiction: str | None = None) -> str:
    """The department as compared for "the same department" (PL103, PL105).

    Spelling only: NFKC, whitespace and punctuation; the catalog's own
    jurisdiction name at the start is written as its level (示范县住建局 and
    县住建局 are one department in 示范县's catalog). Abbreviations are not
    expanded.
    """
    key = plain(department)
    for name in _jurisdiction_forms(jurisdiction):
        if key.startswith(name) and len(key) > len(name):
            mark = name[-1] if name[-1] in LEVEL_MARKS else ""
            key = mark + key[len(name) :]
            break
    return key


def is_own_department(issuer: str, department: str, jurisdiction: str | None = None) -> bool:
    """Whether ``issuer`` names ``department`` itself (its name, or 本局/本部门...)."""
    issuer_key = plain(issuer)
    if issuer_key in OWN_DEPARTMENT_WORDS:
        return True
    return department_key(issuer, jurisdiction) == department_key(department, jurisdiction)


def item_name_key(name: str, department: str | None = None, jurisdiction: str | None = None) -> str:
    """The item name as compared for "the same matter" (PL108, PL204, PL205, diff).

    NFKC, whitespace and punctuation removed; then, repeatedly, a leading
    jurisdiction name (示范县), the item's own department (in any of its
    spellings) and a generic department of the form 县/市/区/省 + … +
    局/委/委员会/办公室/厅 are dropped, and the item's own department written
    after the name (「…许可（县水利局）」). A name that would become empty
    keeps its last non-empty form.
    """
    key = plain(name)
    prefixes = _prefixes(department, jurisdiction)
    while True:
        stripped = _strip_once(key, prefixes)
        if stripped == key or not stripped:
            break
        key = stripped
    if department:
        places = _jurisdiction_forms(jurisdiction)
        for suffix in prefixes:
            if suffix not in places and key.endswith(suffix) and len(key) - len(suffix) >= 2:
                return key[: -len(suffix)]
    return key


@lru_cache(maxsize=65536)
def _prefixes(department: str | None, jurisdiction: str | None) -> tuple[str, ...]:
    forms: set[str] = set(_jurisdiction_forms(jurisdiction))
    if department:
        full = plain(department)
        forms.add(full)
        forms.add(department_key(department, jurisdiction))
        for place in _jurisdiction_forms(jurisdiction):
            if full.startswith(place):
                forms.add(full[len(place) :])
        if full[:1] in LEVEL_MARKS:
            forms.add(full[1:])
    # The longest first, so 示范县住建局 goes before 示范县.
    return tuple(sorted((f for f in forms if f), key=lambda f: (-len(f), f)))


def _strip_once(key: str, prefixes: Iterable[str]) -> str:
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    match = _GENERIC_DEPARTMENT.match(key)
    if match and match.end() < len(key):
        return key[match.end() :]
    return key
