"""What a rule pack compiles to, built once per pack version and shared by every thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class PerPackVersion(Generic[V]):
    """Values keyed by a pack's fingerprint, each built once even when threads race."""

    def __init__(self) -> None:
        self._built: dict[str, V] = {}
        self._lock = threading.Lock()

    def get(self, fingerprint: str, build: Callable[[], V]) -> V:
        """The value for this pack version; ``build`` makes it the first time it is asked for."""
        found = self._built.get(fingerprint)
        if found is not None:
            return found
        with self._lock:
            found = self._built.get(fingerprint)
            if found is None:
                found = self._built[fingerprint] = build()
            return found
