"""The events a case receives, each with its idempotency key.

A key names one real-world event: sending it again (a retried request, a
restarted process) finds the earlier result instead of applying it twice. The
default keys are built from what the event says, so the same command run twice
on the same day is one event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import Any

from pydantic import ValidationError

from permitlogic.errors import InputError, Problem
from permitlogic.ledger.model import KEY_MAX_CHARS, EventKind, LedgerEvent
from permitlogic.models.decision import DeferralDecision
from permitlogic.models.out import Location
from permitlogic.models.text_policy import normalise_id

_HASHED_HEAD = KEY_MAX_CHARS - 65
"""A default key too long for the key column keeps this much, then ``#`` and its sha256."""


def default_key(text: str) -> str:
    """``text`` as an idempotency key: itself, or when too long its head and its sha256.

    The same event always gets the same key, however long its case id and material list.
    """
    if len(text) <= KEY_MAX_CHARS:
        return text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{text[:_HASHED_HEAD]}#{digest}"


def clean_id(value: str) -> str:
    """An id as the policy normalises it (left as given when refused: the event says why)."""
    try:
        return str(normalise_id(value))
    except ValueError:
        return value


_FIELD_NAMES = {"case_id": "case", "materials": "materials", "key": "--key", "reason": "--reason"}


def _event(**fields: Any) -> LedgerEvent:
    """The event, or InputError naming each refused field (as the command line calls it)."""
    try:
        return LedgerEvent(**fields)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            field = str(error["loc"][0]) if error["loc"] else "event"
            where = _FIELD_NAMES.get(field, field)
            if len(error["loc"]) > 1:
                where += f"[{error['loc'][1]}]"
            message = str(error["msg"]).removeprefix("Value error, ")
            en, _, zh = message.partition(" / ")
            problems.append(
                Problem(
                    location=Location(key=where),
                    message_zh=zh or f"取值无效：{en}",
                    message_en=en,
                )
            )
        raise InputError(problems) from None


def open_event(decision: DeferralDecision, key: str | None = None) -> LedgerEvent:
    """The case of an accept_with_deferral decision opens the day it was received."""
    case_id = clean_id(decision.application)
    return _event(
        case_id=case_id,
        kind=EventKind.open,
        key=key or default_key(f"open:{case_id}"),
        on=decision.received,
        decision=decision,
    )


def supplement_event(
    case_id: str, materials: Iterable[str], on: date, key: str | None = None
) -> LedgerEvent:
    case_id = clean_id(case_id)
    supplied = tuple(sorted({clean_id(material) for material in materials}))
    return _event(
        case_id=case_id,
        kind=EventKind.supplement,
        key=key or default_key(f"supplement:{case_id}:{on.isoformat()}:{','.join(supplied)}"),
        on=on,
        materials=supplied,
    )


def tick_event(case_id: str, on: date, key: str | None = None) -> LedgerEvent:
    case_id = clean_id(case_id)
    return _event(
        case_id=case_id,
        kind=EventKind.tick,
        key=key or default_key(f"tick:{case_id}:{on.isoformat()}"),
        on=on,
    )


def revoke_event(
    case_id: str, on: date, reason: str | None = None, key: str | None = None
) -> LedgerEvent:
    case_id = clean_id(case_id)
    return _event(
        case_id=case_id,
        kind=EventKind.revoke,
        key=key or default_key(f"revoke:{case_id}:{on.isoformat()}"),
        on=on,
        reason=reason,
    )


def close_event(case_id: str, on: date, standing: str, key: str | None = None) -> LedgerEvent:
    """Closing the case as it stands (``standing``: its state and what it still misses).

    A close refused while materials were missing is asked again, not repeated,
    once the case has moved on: the default key names what it was asked of.
    """
    case_id = clean_id(case_id)
    return _event(
        case_id=case_id,
        kind=EventKind.close,
        key=key or default_key(f"close:{case_id}:{on.isoformat()}@{standing}"),
        on=on,
    )
