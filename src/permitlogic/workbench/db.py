"""The workbench's database: the ledger's store with the workbench tables created on it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.exc import IntegrityError, ProgrammingError

from permitlogic.ledger.store import Store, open_store
from permitlogic.workbench.tables import audit, metadata


def now() -> datetime:
    """Wall-clock time, UTC, stored without a zone (as the ledger stores it)."""
    return datetime.now(UTC).replace(tzinfo=None)


class WorkbenchDb:
    """The ledger store (cases, events) plus accounts, audit and review rounds."""

    def __init__(self, store: Store) -> None:
        self.store = store
        for attempt in range(3):
            try:
                with store.write() as conn:
                    metadata.create_all(conn, checkfirst=True)
                return
            except (IntegrityError, ProgrammingError):
                # Another process created them at the same moment (PostgreSQL).
                if attempt == 2:
                    raise

    @classmethod
    def open(cls, value: str | None = None) -> WorkbenchDb:
        return cls(open_store(value))

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.store.write() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.store.read() as conn:
            yield conn

    def record(
        self,
        conn: Connection,
        user: str,
        action: str,
        target: str,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """One line of the audit trail: who did what to what, and when."""
        conn.execute(
            insert(audit).values(
                at=now(), user_name=user, action=action, target=target, detail=detail
            )
        )
