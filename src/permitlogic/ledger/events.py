"""The events a case receives, each with its idempotency key.

A key names one real-world event: sending it again (a retried request, a
restarted process) finds the earlier result instead of applying it twice. The
default keys are built from what the event says, so the same command run twice
on the same day is one event.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from permitlogic.ledger.model import EventKind, LedgerEvent
from permitlogic.models.decision import DeferralDecision


def open_event(decision: DeferralDecision, key: str | None = None) -> LedgerEvent:
    """The case of an accept_with_deferral decision opens the day it was received."""
    case_id = decision.application
    return LedgerEvent(
        case_id=case_id,
        kind=EventKind.open,
        key=key or f"open:{case_id}",
        on=decision.received,
        decision=decision,
    )


def supplement_event(
    case_id: str, materials: Iterable[str], on: date, key: str | None = None
) -> LedgerEvent:
    supplied = tuple(sorted(set(materials)))
    return LedgerEvent(
        case_id=case_id,
        kind=EventKind.supplement,
        key=key or f"supplement:{case_id}:{on.isoformat()}:{','.join(supplied)}",
        on=on,
        materials=supplied,
    )


def tick_event(case_id: str, on: date, key: str | None = None) -> LedgerEvent:
    return LedgerEvent(
        case_id=case_id, kind=EventKind.tick, key=key or f"tick:{case_id}:{on.isoformat()}", on=on
    )


def revoke_event(
    case_id: str, on: date, reason: str | None = None, key: str | None = None
) -> LedgerEvent:
    return LedgerEvent(
        case_id=case_id,
        kind=EventKind.revoke,
        key=key or f"revoke:{case_id}:{on.isoformat()}",
        on=on,
        reason=reason,
    )


def close_event(case_id: str, on: date, standing: str, key: str | None = None) -> LedgerEvent:
    """Closing the case as it stands (``standing``: its state and what it still misses).

    A close refused while materials were missing is asked again, not repeated,
    once the case has moved on: the default key names what it was asked of.
    """
    return LedgerEvent(
        case_id=case_id,
        kind=EventKind.close,
        key=key or f"close:{case_id}:{on.isoformat()}@{standing}",
        on=on,
    )
