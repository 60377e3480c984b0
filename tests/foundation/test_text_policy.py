"""The id policy: every id is trimmed, NFC, full-width ASCII as ASCII, refused with a control character."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from permitlogic.models.text_policy import ID_MAX_CHARS, Id

FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
CONTROL = {*range(0x00, 0x20), *range(0x7F, 0xA0)}


class Holder(BaseModel):
    id: Id


def expected(value: str) -> str | None:
    """The policy as the docs state it; None when the id is refused."""
    text = unicodedata.normalize("NFC", value).translate(FULL_WIDTH).strip()
    if not text or len(text) > ID_MAX_CHARS or any(ord(c) in CONTROL for c in text):
        return None
    return text


def accepted(value: str) -> str | None:
    try:
        return Holder(id=value).id
    except ValidationError:
        return None


IDS = st.one_of(
    st.text(st.characters(max_codepoint=0x7F), max_size=12),  # ASCII, controls included
    st.text(st.sampled_from(" \t\nＡ－１２　e\u0301A-1ᴬ\x85"), max_size=8),
    st.text(max_size=10),
)


@given(IDS)
def test_ids_are_normalised_and_refused_as_documented(value: str) -> None:
    assert accepted(value) == expected(value)
    # the remembered answer is the same answer
    assert accepted(value) == expected(value)


@pytest.mark.parametrize(
    ("value", "read"),
    [(" A-1 ", "A-1"), ("Ａ－１２", "A-12"), ("A\x7f", None), ("\tA-1\n", "A-1"), ("A\tB", None)],
)
def test_examples(value: str, read: str | None) -> None:
    assert accepted(value) == read
