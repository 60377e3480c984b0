"""Run the ready properties for ``permitlogic test --properties``: one outcome per property."""

from __future__ import annotations

import time
import traceback
from pathlib import Path

from permitlogic.golden.outcome import CaseOutcome, Status
from permitlogic.testing.packs import as_catalog, as_packs
from permitlogic.testing.properties import PROPERTIES

LABEL = "properties"


def run_properties(
    packs: Path | None = None,
    *,
    max_examples: int | None = None,
    keyword: str | None = None,
    catalog: Path | None = None,
) -> list[CaseOutcome]:
    """Every property (whose name contains ``keyword``) over the packs of ``packs``.

    A failure carries the assertion and hypothesis's smallest failing example;
    an exception a property did not expect is a failure with its traceback.
    """
    loaded = as_packs(packs)
    chosen = as_catalog(catalog)
    outcomes: list[CaseOutcome] = []
    for entry in PROPERTIES:
        outcome = CaseOutcome(
            file=Path(LABEL), name=entry.name, kind="property", status=Status.passed, label=LABEL
        )
        if keyword and keyword.casefold() not in outcome.node_id.casefold():
            continue
        started = time.perf_counter()
        try:
            if entry.takes_catalog:
                entry.run(loaded, chosen, max_examples=max_examples)
            else:
                entry.run(loaded, max_examples=max_examples)
        except AssertionError as error:
            outcome.status = Status.failed
            outcome.reasons = [str(error) or "assertion failed", *_notes(error)]
        except Exception as error:
            outcome.status = Status.failed
            outcome.reasons = [
                f"未预期的异常 / unexpected exception: {type(error).__name__}: {error}",
                *_notes(error),
                "".join(traceback.format_exception(error, limit=-4)).rstrip(),
            ]
        outcome.seconds = time.perf_counter() - started
        outcomes.append(outcome)
    return outcomes


def _notes(error: BaseException) -> list[str]:
    """Hypothesis's smallest failing example, attached to the exception as notes."""
    return [str(note) for note in getattr(error, "__notes__", [])]
