"""The cyclic garbage collector held off while a list of inputs is decided.

A decision is a handful of small containers (the model's dict, its lists), so
a list of a thousand decisions allocates thousands of them and they all
survive until the list is returned. CPython counts those survivors towards a
full collection, which walks every object in the process (the catalog, the
inputs, every module): measured on the bench of bench/decisions.py, a third of
the time of a batch went to such scans. Decisions make no reference cycles, so
nothing is left for the collector while one is made; it runs again, as
configured, as soon as the last decide call in the process returns.

The pause is counted, so that threads deciding at once resume the collector
only when the last of them is done, and it never enables a collector that was
disabled before.
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
