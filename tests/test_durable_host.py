"""Pins what permitlogic relies on in durable-rules' internals (see permitlogic.durable_host).

If a durable-rules release moves any of these, this file fails, not the
decisions or the ledger in some roundabout way.
"""

from __future__ import annotations

import json
import threading

import pytest
from durable import lang
from durable.lang import cap, m, when_all

from permitlogic.durable_host import (
    InlineHost,
    MessageNotHandled,
    assert_and_run,
    detach_from_lang,
    has_state,
    shared_host,
)


def _collect(_: object) -> None:
    return None


def _ruleset(host: InlineHost, name: str) -> object:
    definition = {
        "big": when_all(cap(10), m.amount > 100)(_collect).define(),
        "any": when_all(cap(10), +m.amount)(_collect).define(),
    }
    host.register_rulesets({name: definition})
    return host.get_ruleset(name)


def test_actions_run_inline_and_the_session_is_gone_afterwards() -> None:
    threads_before = threading.active_count()
    host = InlineHost()
    ruleset = _ruleset(host, "pin_inline")
    facts = [{"sid": "0", "amount": 50}, {"sid": "0", "amount": 150}]
    messages = assert_and_run(ruleset, "0", facts)
    assert threading.active_count() == threads_before  # no timer threads were started
    fired = sorted(message[2 : message.index('"', 2)] for message in messages)
    assert fired == ["any", "big"]
    # Each action's message is JSON naming the rule, with the matched facts, sid first.
    big = next(json.loads(message) for message in messages if message.startswith('{"big"'))
    assert [match["m"]["amount"] for match in big["big"]] == [150]
    assert next(iter(big["big"][0]["m"])) == "sid"
    assert not has_state(ruleset, "0")


def test_a_message_no_rule_handles_raises_the_pinned_exception() -> None:
    host = InlineHost()
    host.register_rulesets({"pin_unhandled": {"only": when_all(m.amount > 100)(_collect).define()}})
    with pytest.raises(MessageNotHandled):
        host.post("pin_unhandled", {"sid": "1", "amount": 1})


def test_a_lang_ruleset_can_be_detached_from_langs_registry() -> None:
    with lang.ruleset("pin_detached"):

        @when_all(m.amount > 0)  # type: ignore[misc]
        def positive(_: object) -> None:
            return None

    assert "pin_detached" in lang._rulesets
    detach_from_lang("pin_detached")
    assert "pin_detached" not in lang._rulesets


def test_the_shared_host_is_one_host() -> None:
    assert shared_host() is shared_host()
    assert isinstance(shared_host(), InlineHost)
