"""``reference_lists(catalog)``: an upper level's list of abolished and devolved items."""

from __future__ import annotations

from hypothesis import strategies as st

from permitlogic.models.catalog import Catalog
from permitlogic.models.reference import ReferenceList


@st.composite
def reference_lists(draw: st.DrawFn, catalog: Catalog) -> ReferenceList:
    """An upper level's list naming some of the catalog's items and some it lacks."""
    names = [item.name for item in catalog.items]
    chosen = draw(st.lists(st.sampled_from(names), max_size=3, unique=True)) if names else []
    entries = [
        {"name": name, "status": draw(st.sampled_from(["abolished", "devolved"]))}
        for name in chosen
    ]
    if draw(st.booleans()):
        entries.append({"name": "母婴保健技术服务执业许可", "status": "devolved"})
    return ReferenceList.model_validate({"entries": entries})
