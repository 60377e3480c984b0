"""Monotonicity: more conditions met never hurts; more materials submitted never means a notice.

The properties themselves ship in permitlogic.testing (users run them over
their own packs); here they run over the bundled packs.
"""

from __future__ import annotations

from permitlogic.testing import properties
from sizes import examples


def test_one_more_baseline_condition_never_turns_eligible_into_not_eligible() -> None:
    properties.green_channel_is_monotone(None, max_examples=examples(100))


def test_one_more_material_never_turns_acceptance_into_a_notice() -> None:
    properties.deferral_is_monotone(None, max_examples=examples(150))
