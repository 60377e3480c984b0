"""The Python API of eligibility decisions: green channel (1+3+2+1) and 容缺受理.

>>> import permitlogic as pl
>>> d = pl.decide_green_channel({"id": "P-1", ...})          # GreenChannelDecision
>>> d = pl.decide_deferral(application, pl.load_catalog(path))  # DeferralDecision

Inputs are models or dicts (the fields, or ``{"project": fields}`` /
``{"application": fields}``); a missing or mistyped field is an InputError,
never a silent false. Packs default to the bundled ``rules/``; the calendar to
chinesecalendar plus ``rules/calendars/``. Every function is thread-safe.
"""

from __future__ import annotations

from permitlogic.decide.deferral_api import (
    ApplicationInput,
    decide_deferral,
    decide_deferral_batch,
    decide_deferral_each,
    deferral_notice,
)
from permitlogic.decide.green_api import (
    ProjectInput,
    decide_green_channel,
    decide_green_channel_batch,
    decide_green_channel_each,
)

__all__ = [
    "ApplicationInput",
    "ProjectInput",
    "decide_deferral",
    "decide_deferral_batch",
    "decide_deferral_each",
    "decide_green_channel",
    "decide_green_channel_batch",
    "decide_green_channel_each",
    "deferral_notice",
]
