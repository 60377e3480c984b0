"""The cyclic garbage collector held off while many objects that are not garbage are made.

Loading a catalog, building its graphs, running the checks and deciding a
list of inputs each allocate thousands of small containers that all survive
the step. CPython
counts those survivors towards a full collection, which walks every object in
the process (the catalog, the inputs, every module): measured, such scans cost
more than half of a large load, more than building the graph of a 50,000-item
catalog, and a third of a batch of decisions (bench/decisions.py). None of
these steps makes reference cycles, so nothing is left for the collector while
they run; reference counting still frees memory, and the collector runs again,
as configured, as soon as the last paused step in the process ends.

The pause is counted, so that steps nested in one another, or running at once
in several threads, resume the collector only when the last of them is done,
and it never enables a collector that was disabled before.
"""

from __future__ import annotations

import gc
import threading
from types import TracebackType


class _Paused:
    """A context that holds off the cyclic collector (one instance serves every caller)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._resume = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._resume:
                gc.enable()


_PAUSED = _Paused()


def collector_paused() -> _Paused:
    """Hold off the cyclic collector for a ``with`` block (reference counting still frees memory)."""
    return _PAUSED
