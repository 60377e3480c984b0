"""docs/precision.md is current, every finding on the real samples is judged, none at error is false."""

from __future__ import annotations

from permitlogic import precision_page
from permitlogic.models.report import Severity


def test_precision_page_is_current() -> None:
    """Regenerate with `python -m permitlogic.precision_page`."""
    assert precision_page.PAGE.read_text(encoding="utf-8") == precision_page.render()


def test_every_finding_on_the_real_samples_is_judged_and_no_error_is_a_false_alarm() -> None:
    samples = precision_page.samples()
    assert samples, "at least one real sample is judged"
    for sample in samples:
        unjudged = [j.finding.items for j in sample.judged if j.verdict is None]
        assert unjudged == [], sample.name
        false_errors = [
            j.finding.rule
            for j in sample.judged
            if j.verdict is not None
            and j.verdict.verdict == "false"
            and j.finding.severity is Severity.error
        ]
        assert false_errors == [], sample.name


def test_the_district_list_shows_the_defects_it_has() -> None:
    [district] = [s for s in precision_page.samples() if s.name == "guangan-district"]
    rules = {j.finding.rule for j in district.judged}
    assert {"PL110", "PL111", "PL206"} <= rules
    assert not [j for j in district.judged if j.finding.severity is Severity.error]
