"""Cheap draws the strategies share: an index, several choices in one integer, a lawful basis.

A catalog takes hundreds of choices; drawing them as few integers keeps
generation fast, and each choice still shrinks towards its first option.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from hypothesis import strategies as st

from permitlogic.synth import ARTICLES, BASES

LICENSE_BASES = [basis for basis in BASES if basis[0] != "local_regulation"] + [BASES[-1]]
"""The levels of law a drawn license rests on."""
PREREQUISITE_BASES = [basis for basis in BASES if basis[0] in ("law", "administrative_regulation")]
"""The levels of law that may set a prerequisite."""


@lru_cache(maxsize=256)
def indices(count: int) -> st.SearchStrategy[int]:
    """0 … count-1, built once per count: building a strategy per draw costs more than the draw."""
    return st.integers(0, max(count - 1, 0))


def choose(draw: st.DrawFn, values: Sequence[Any]) -> Any:
    """One of ``values``, shrinking towards the first."""
    return values[draw(indices(len(values)))]


def draw_digits(draw: st.DrawFn, *radices: int) -> list[int]:
    """Several independent choices drawn as one integer, one digit per radix.

    Each shrinks towards its first option.
    """
    value = draw(indices(math.prod(radices)))
    digits = []
    for radix in radices:
        value, digit = divmod(value, radix)
        digits.append(digit)
    return digits


def draw_basis(draw: st.DrawFn, levels: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """A basis at one of ``levels`` (level, title), with an article."""
    which, article = draw_digits(draw, len(levels), len(ARTICLES))
    level, title = levels[which]
    return {"level": level, "title": title, "article": ARTICLES[article]}


def lawful_basis(draw: st.DrawFn) -> dict[str, Any]:
    """A basis that may set a prerequisite: a law or an administrative regulation."""
    return draw_basis(draw, PREREQUISITE_BASES)
