"""The 容缺后补 ledger: every accepted-with-deferral case followed to its end, durably.

>>> from permitlogic.ledger import open_store, service
>>> store = open_store("permitlogic.db")
>>> service.open_cases(store, [decision])          # doctest: +SKIP
>>> service.supplement(store, "A-2026-00931", ["m3"], date(2026, 2, 20))  # doctest: +SKIP
"""

from __future__ import annotations

from permitlogic.ledger.model import Case, CaseState, EventKind, EventRecord, LedgerEvent
from permitlogic.ledger.store import Store, open_store

__all__ = ["Case", "CaseState", "EventKind", "EventRecord", "LedgerEvent", "Store", "open_store"]
