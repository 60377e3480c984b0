"""``applications(catalog)``: 容缺受理 applications for a catalog's items."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from permitlogic.models.catalog import Catalog
from permitlogic.models.decision import Applicant, Application, Credit

UNLISTED_ITEM = "ZZ-404"
"""An item id no drawn catalog lists."""
UNKNOWN_MATERIAL = "x9"
"""A material id no drawn item asks for."""
_RECEIVED = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 11, 30))


@st.composite
def applications(
    draw: st.DrawFn,
    catalog: Catalog,
    *,
    received: st.SearchStrategy[date] | None = None,
) -> Application:
    """An application for an item of ``catalog`` (now and then one it does not list).

    It submits some of the item's materials (now and then one the item does
    not ask for); ``received`` draws the date (default: 2025–2026, which the
    bundled calendar covers with room for the deadlines).
    """
    ids = [item.id for item in catalog.items]
    item_id = draw(st.sampled_from([*ids, *ids, *ids, UNLISTED_ITEM]))
    asked = [
        material.id for item in catalog.items if item.id == item_id for material in item.materials
    ]
    submitted = draw(st.lists(st.sampled_from(asked), unique=True)) if asked else []
    if draw(st.integers(0, 9)) == 0:
        submitted.append(UNKNOWN_MATERIAL)
    dates = received if received is not None else _RECEIVED
    return Application(
        id=f"A-2026-{draw(st.integers(0, 99999)):05d}",
        item=item_id,
        applicant=Applicant(id="91420100MA4L8R5T6Y", credit=draw(st.sampled_from(list(Credit)))),
        received=draw(dates),
        submitted=submitted,
        commitment=draw(st.booleans()),
    )
