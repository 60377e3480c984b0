"""What an operator may set for one running service: limits, rules and the decision log."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class ServiceSettings:
    """Limits protect the process; the rules dir and the log make decisions auditable.

    ``log_path`` None keeps no decision log (embedding, tests); ``permitlogic serve``
    always passes one. ``store`` (the ledger's database) turns on the workbench at
    /workbench and the API tokens; None serves the JSON API alone.
    """

    rules_dir: Path | None = None
    log_path: Path | None = None
    max_body_bytes: int = 16 * MEGABYTE
    max_list: int = 10_000
    max_catalog_items: int = 20_000
    max_catalogs: int = 200
    body_timeout_s: float = 30.0
    """Seconds each part of a request body may take to arrive (then a 408)."""
    store: str | None = None

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_list", "max_catalog_items", "max_catalogs"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.body_timeout_s <= 0:
            raise ValueError("body_timeout_s must be positive")
