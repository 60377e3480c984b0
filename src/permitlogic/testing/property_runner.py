"""Run the ready properties for ``permitlogic test --properties``: one outcome per property."""

from __future__ import annotations

import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from permitlogic.golden.outcome import CaseOutcome, Status
from permitlogic.models.catalog import Catalog
from permitlogic.testing.packs import Packs, as_catalog, as_packs
from permitlogic.testing.properties import PROPERTIES
from permitlogic.testing.properties.registry import Property

LABEL = "properties"


def run_properties(
    packs: Path | None = None,
    *,
    max_examples: int | None = None,
    keyword: str | None = None,
    catalog: Path | None = None,
    jobs: int = 1,
) -> list[CaseOutcome]:
    """Every property (whose name contains ``keyword``) over the packs of ``packs``.

    A failure carries the assertion and hypothesis's smallest failing example;
    an exception a property did not expect is a failure with its traceback.
    With ``jobs`` above 1 the properties run in that many processes at once
    (each reads the packs and the catalog itself); the outcomes keep their order.
    """
    loaded = as_packs(packs)  # read here first: a bad pack is refused before any process starts
    chosen = as_catalog(catalog)
    entries = [entry for entry in PROPERTIES if _matches(entry, keyword)]
    if jobs > 1 and len(entries) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(entries))) as pool:
            futures = [
                pool.submit(_run_named, entry.name, packs, catalog, max_examples)
                for entry in entries
            ]
            return [future.result() for future in futures]
    return [_run_one(entry, loaded, chosen, max_examples) for entry in entries]


def _matches(entry: Property, keyword: str | None) -> bool:
    return not keyword or keyword.casefold() in f"{LABEL}::{entry.name}".casefold()


def _run_named(
    name: str, packs: Path | None, catalog: Path | None, max_examples: int | None
) -> CaseOutcome:
    """One property by name, in a process of its own: the packs and the catalog read here."""
    [entry] = [entry for entry in PROPERTIES if entry.name == name]
    return _run_one(entry, as_packs(packs), as_catalog(catalog), max_examples)


def _run_one(
    entry: Property, packs: Packs, catalog: Catalog | None, max_examples: int | None
) -> CaseOutcome:
    outcome = CaseOutcome(
        file=Path(LABEL), name=entry.name, kind="property", status=Status.passed, label=LABEL
    )
    started = time.perf_counter()
    try:
        if entry.takes_catalog:
            entry.run(packs, catalog, max_examples=max_examples)
        else:
            entry.run(packs, max_examples=max_examples)
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
    return outcome


def _notes(error: BaseException) -> list[str]:
    """Hypothesis's smallest failing example, attached to the exception as notes."""
    return [str(note) for note in getattr(error, "__notes__", [])]
