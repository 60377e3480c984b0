"""The one door to durable-rules' internals: its host, its lock and its action loop.

durable-rules is the engine of record for decisions (``decide``) and for the
deferral ledger's statechart (``ledger``). Both need the same three things the
library does not offer in public:

* a host that dispatches nothing from background timer threads, so every
  action runs inside the call that asserted its facts;
* one lock around every call into the engine, which is not thread-safe;
* the compiled ruleset's handle, to run a batch's actions in a tight loop
  rather than through Python callbacks, and to take a ruleset off the shared
  ``durable.lang`` registry.

Everything here is pinned by ``tests/test_durable_host.py``: an upgrade of
durable-rules that moves any of these fails there, in one place.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

import durable_rules_engine  # type: ignore[import-not-found]
from durable import engine, lang

ENGINE_LOCK = threading.RLock()
"""Serialises every call into the durable-rules engine made by this package."""

MessageNotHandled = engine.MessageNotHandledException
"""Raised by ``post`` when no rule of the ruleset handles a message."""


class InlineHost(engine.Host):  # type: ignore[misc]
    """A durable-rules host that dispatches nothing in the background.

    The stock host polls every ruleset from timer threads; one of them could take
    an action away from the call waiting for it. Here every action is started and
    completed by the thread that asserted the facts.
    """

    def _run(self) -> None:
        return None


_shared: InlineHost | None = None


def shared_host() -> InlineHost:
    """The process's host for decision rulesets (created on first use)."""
    global _shared
    with ENGINE_LOCK:
        if _shared is None:
            _shared = InlineHost()
        return _shared


def detach_from_lang(name: str) -> None:
    """Take a ruleset defined with ``durable.lang`` off lang's own registry.

    ``lang.ruleset``/``lang.statechart`` register on a module-level host that
    starts timer threads; a ruleset that is only ever run through an
    InlineHost must not be there.
    """
    lang._rulesets.pop(name, None)


def assert_and_run(ruleset: Any, session: str, facts: Sequence[Mapping[str, Any]]) -> list[str]:
    """Assert ``facts`` into ``session``, run every action they start, delete the session.

    Returns each action's message (the JSON the engine hands to an action) in the
    order the engine started them. The caller holds no state afterwards: the
    session is deleted even when the engine raises.
    """
    handle = ruleset._handle
    messages: list[str] = []
    with ENGINE_LOCK:
        try:
            state = ruleset.assert_facts(list(facts))
            started = durable_rules_engine.start_action_for_state(handle, state)
            message = started[1] if started else None
            while message:
                messages.append(message)
                message = durable_rules_engine.complete_and_start_action(handle, state)
        finally:
            ruleset.delete_state(session)
    return messages


def has_state(ruleset: Any, session: str) -> bool:
    """Whether the engine still holds a state for ``session`` of ``ruleset``."""
    with ENGINE_LOCK:
        try:
            ruleset.get_state(session)
        except Exception:  # durable raises a bare Exception for an unknown session
            return False
        return True
