"""Where the ledger lives: an append-only event table and the case table derived from it.

SQLite by default (a file, WAL mode, foreign keys on, a busy timeout, every write
transaction taking the write lock up front), PostgreSQL by URL (the case row
locked ``FOR UPDATE`` while its event is applied).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.pool import ConnectionPoolEntry

from permitlogic.errors import InputError
from permitlogic.ledger.model import (
    KEY_MAX_CHARS,
    Case,
    CaseState,
    EventKind,
    EventRecord,
    Outcome,
)
from permitlogic.models.decision import MissingMaterial
from permitlogic.models.text_policy import ID_MAX_CHARS, NAME_MAX_CHARS

DEFAULT_STORE = "permitlogic.db"
STORE_ENV = "PERMITLOGIC_STORE"
BUSY_TIMEOUT_MS = 30_000
SYNCHRONOUS = ("full", "normal", "extra")
"""SQLite ``?synchronous=``: ``full`` (default) survives power loss; ``normal`` survives
a killed process, not a power cut, and writes an order of magnitude faster."""

metadata = MetaData()
_Json = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")
_EventId = BigInteger().with_variant(Integer, "sqlite")

# Column sizes follow the text policy (models/text_policy.py): ids ID_MAX_CHARS,
# names NAME_MAX_CHARS, keys KEY_MAX_CHARS; SQLite does not enforce them, PostgreSQL
# does, and the models refuse longer values before either store sees them.
cases = Table(
    "cases",
    metadata,
    Column("case_id", String(ID_MAX_CHARS), primary_key=True),
    Column("application", String(ID_MAX_CHARS), nullable=False),
    Column("item", String(ID_MAX_CHARS), nullable=False),
    Column("item_name", String(NAME_MAX_CHARS)),
    Column("department", String(NAME_MAX_CHARS)),
    Column("applicant", String(ID_MAX_CHARS), nullable=False),
    Column("received", Date, nullable=False),
    Column("deadline", Date, nullable=False),
    Column("state", String(16), nullable=False),
    Column("deferred", _Json, nullable=False),
    Column("missing", _Json, nullable=False),
    Column("reminded_on", Date),
    Column("ended_on", Date),
    Column("last_event", _EventId, nullable=False),
    Column("updated", DateTime, nullable=False),
    # `cases due`: pending states, then a deadline range.
    Index("ix_cases_state_deadline", "state", "deadline"),
)

events = Table(
    "events",
    metadata,
    Column("id", _EventId, primary_key=True, autoincrement=True),
    Column("case_id", String(ID_MAX_CHARS), ForeignKey("cases.case_id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("payload", _Json, nullable=False),
    Column("idempotency_key", String(KEY_MAX_CHARS), nullable=False, unique=True),
    Column("at", DateTime, nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("rule", String(64)),
    Column("state", String(16), nullable=False),
    Column("missing", _Json, nullable=False),
    Column("message_zh", Text),
    Column("message_en", Text),
    Index("ix_events_case", "case_id", "id"),
)


_CASE = select(cases).where(cases.c.case_id == bindparam("case_id"))
_CASE_FOR_UPDATE = _CASE.with_for_update()
_EVENT_BY_KEY = select(events).where(events.c.idempotency_key == bindparam("key"))
_INSERT_CASE = cases.insert()
_CHANGING = ("state", "missing", "reminded_on", "ended_on", "last_event", "updated")
_UPDATE_CASE = cases.update().where(cases.c.case_id == bindparam("which"))
_INSERT_EVENT = events.insert()


def now() -> datetime:
    """Wall-clock time of recording, UTC, stored without a zone."""
    return datetime.now(UTC).replace(tzinfo=None)


def store_url(value: str | None = None) -> URL:
    """The store's URL: ``--store``, else $PERMITLOGIC_STORE, else ./permitlogic.db.

    A value without ``://`` is a SQLite file path.
    """
    text = value or os.environ.get(STORE_ENV) or DEFAULT_STORE
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text)))
    try:
        url = make_url(text)
    except ArgumentError:
        raise _bad_store(text, "无法识别的地址", "not a database URL") from None
    if url.drivername == "postgresql":
        # The declared driver (the postgres extra); SQLAlchemy 2.1 would pick psycopg 3.
        url = url.set(drivername="postgresql+psycopg2")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise _bad_store(
            text,
            "只支持 SQLite 文件或 postgresql:// 地址",
            "only a SQLite file or a postgresql:// URL is supported",
        )
    return url


def _bad_store(text: str, zh: str, en: str) -> InputError:
    shown = text
    with suppress(ArgumentError):
        shown = make_url(text).render_as_string(hide_password=True)
    return InputError.single(
        None, f"--store {shown}：{zh}", f"--store {shown}: {en}", key="--store"
    )


class Store:
    """An open ledger store: the engine and the two tables."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.dialect = url.get_backend_name()
        if self.dialect == "sqlite":
            self.engine = _sqlite_engine(url)
        else:
            # An hour's recycling instead of a ping before every transaction.
            self.engine = create_engine(url, json_serializer=_dumps, pool_recycle=3600)
        try:
            self._create_tables()
        except OperationalError as error:
            self.engine.dispose()
            raise InputError.single(
                None,
                f"无法打开案件库 {self.describe()}：{error.orig}",
                f"cannot open the ledger store {self.describe()}: {error.orig}",
                key="--store",
            ) from None
        except BaseException:
            self.engine.dispose()
            raise

    def _create_tables(self) -> None:
        for attempt in range(3):
            try:
                with self.write() as conn:
                    metadata.create_all(conn, checkfirst=True)
                    self._check_columns(conn)
                return
            except (IntegrityError, ProgrammingError):
                # Another process created them at the same moment (PostgreSQL).
                if attempt == 2:
                    raise

    def _check_columns(self, conn: Connection) -> None:
        """Tables left by another version of the ledger are named, not misread."""
        found = inspect(conn)
        missing = [
            f"{table.name}.{column.name}"
            for table in (cases, events)
            for column in table.columns
            if column.name not in {c["name"] for c in found.get_columns(table.name)}
        ]
        if missing:
            raise InputError.single(
                None,
                f"案件库 {self.describe()} 的表结构与此版本不符，缺少列：{', '.join(missing)}",
                f"the ledger store {self.describe()} was made by another version: "
                f"missing columns {', '.join(missing)}",
                key="--store",
            )

    def describe(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (SQLite: BEGIN IMMEDIATE, so it never upgrades a lock)."""
        with self.engine.connect() as conn:
            conn.execution_options(ledger_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction that sees one snapshot throughout (repeatable read)."""
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    # Rows: statements are built once and take their values as parameters, so
    # SQLAlchemy compiles each only once per process.

    def case(self, conn: Connection, case_id: str, *, lock: bool = False) -> Case | None:
        query = _CASE_FOR_UPDATE if lock and self.dialect == "postgresql" else _CASE
        row = conn.execute(query, {"case_id": case_id}).mappings().first()
        return case_from_row(row) if row is not None else None

    def event_by_key(self, conn: Connection, key: str) -> EventRecord | None:
        row = conn.execute(_EVENT_BY_KEY, {"key": key}).mappings().first()
        return event_from_row(row) if row is not None else None

    def insert_case(self, conn: Connection, case: Case) -> None:
        conn.execute(_INSERT_CASE, case_values(case))

    def update_case(self, conn: Connection, case: Case) -> None:
        """Write what an event can change (the rest is fixed when the case opens)."""
        values = case_values(case)
        changed = {name: values[name] for name in _CHANGING}
        conn.execute(_UPDATE_CASE, {"which": case.case_id, **changed})

    def insert_event(self, conn: Connection, values: dict[str, Any]) -> int:
        result = conn.execute(_INSERT_EVENT, values)
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def events_of(self, conn: Connection, case_id: str) -> list[EventRecord]:
        query = select(events).where(events.c.case_id == case_id).order_by(events.c.id)
        return [event_from_row(row) for row in conn.execute(query).mappings()]

    def all_events(self, conn: Connection) -> Iterator[EventRecord]:
        query = select(events).order_by(events.c.id).execution_options(yield_per=5000)
        for row in conn.execute(query).mappings():
            yield event_from_row(row)

    def all_cases(self, conn: Connection) -> Iterator[Case]:
        query = select(cases).order_by(cases.c.case_id).execution_options(yield_per=5000)
        for row in conn.execute(query).mappings():
            yield case_from_row(row)


def open_store(value: str | None = None, *, must_exist: bool = False) -> Store:
    """Open (and on first use create) the store named by ``value`` (see :func:`store_url`)."""
    url = store_url(value)
    if must_exist and url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database not in ("", ":memory:") and not Path(database).exists():
            raise InputError.single(
                None,
                f"案件库不存在：{database}（先用 permitlogic cases open 受理一个案件，或用 --store 指定）",
                f"no ledger at {database} (open a case first, or name the store with --store)",
                key="--store",
            )
    try:
        return Store(url)
    except ModuleNotFoundError as error:
        raise InputError.single(
            None,
            f"连接 PostgreSQL 需要安装驱动 {error.name}：pip install 'permitlogic[postgres]'",
            f"PostgreSQL needs the {error.name} driver: pip install 'permitlogic[postgres]'",
            key="--store",
        ) from None
    except SQLAlchemyError as error:
        raise InputError.single(
            None,
            f"无法打开案件库：{error}",
            f"cannot open the ledger store: {error}",
            key="--store",
        ) from None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _sqlite_engine(url: URL) -> Engine:
    synchronous = str(url.query.get("synchronous", "full")).lower()
    if synchronous not in SYNCHRONOUS:
        raise _bad_store(
            url.render_as_string(),
            f"synchronous 只能是 {'/'.join(SYNCHRONOUS)}",
            f"synchronous must be one of {', '.join(SYNCHRONOUS)}",
        )
    url = url.difference_update_query(["synchronous"])
    engine = create_engine(url, json_serializer=_dumps)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Transactions are begun explicitly below, not by the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA synchronous = {synchronous.upper()}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("ledger_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def case_values(case: Case) -> dict[str, Any]:
    return {
        "case_id": case.case_id,
        "application": case.application,
        "item": case.item,
        "item_name": case.item_name,
        "department": case.department,
        "applicant": case.applicant,
        "received": case.received,
        "deadline": case.deadline,
        "state": case.state.value,
        "deferred": [m.model_dump(mode="json") for m in case.deferred],
        "missing": list(case.missing),
        "reminded_on": case.reminded_on,
        "ended_on": case.ended_on,
        "last_event": case.last_event,
        "updated": (case.updated or now()).replace(tzinfo=None),
    }


def _utc(moment: datetime | None) -> datetime | None:
    """Times are stored in UTC without a zone; give them back with it."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def case_from_row(row: Any) -> Case:
    return Case(
        case_id=row["case_id"],
        application=row["application"],
        item=row["item"],
        item_name=row["item_name"],
        department=row["department"],
        applicant=row["applicant"],
        received=row["received"],
        deadline=row["deadline"],
        state=CaseState(row["state"]),
        deferred=[MissingMaterial.model_validate(m) for m in row["deferred"]],
        missing=list(row["missing"]),
        reminded_on=row["reminded_on"],
        ended_on=row["ended_on"],
        last_event=row["last_event"],
        updated=_utc(row["updated"]),
    )


def event_from_row(row: Any) -> EventRecord:
    return EventRecord(
        id=row["id"],
        case_id=row["case_id"],
        kind=EventKind(row["kind"]),
        key=row["idempotency_key"],
        payload=row["payload"],
        at=_utc(row["at"]),
        outcome=Outcome(row["outcome"]),
        rule=row["rule"],
        state=CaseState(row["state"]),
        missing=list(row["missing"]),
        message_zh=row["message_zh"],
        message_en=row["message_en"],
    )
