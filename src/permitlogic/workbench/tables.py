"""The workbench's tables, kept in the ledger's database next to ``cases`` and ``events``.

Accounts (users, sessions, API tokens), the audit trail of every state-changing
action, and the review rounds (reviews, uploads, findings accepted with a reason)
and the window's decisions waiting to be opened as cases.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()
_Json = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")

users = Table(
    "wb_users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),
    Column("county", String(200)),
    Column("department", String(200)),
    Column("active", Boolean, nullable=False, default=True),
    Column("created", DateTime, nullable=False),
)

sessions = Table(
    "wb_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("wb_users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created", DateTime, nullable=False),
    Column("expires", DateTime, nullable=False),
)

tokens = Table(
    "wb_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("wb_users.id"), nullable=False),
    Column("label", String(200), nullable=False),
    Column("created", DateTime, nullable=False),
    Column("revoked", DateTime),
)

audit = Table(
    "wb_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("user_name", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", String(400), nullable=False),
    Column("detail", _Json),
    Index("ix_wb_audit_at", "at"),
)

reviews = Table(
    "wb_reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("county", String(200), nullable=False),
    Column("year", Integer, nullable=False),
    Column("title", String(400), nullable=False),
    Column("created_by", String(128), nullable=False),
    Column("created", DateTime, nullable=False),
)

uploads = Table(
    "wb_uploads",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("review_id", Integer, ForeignKey("wb_reviews.id"), nullable=False),
    Column("baseline", Boolean, nullable=False, default=False),
    Column("filename", String(255), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("uploaded_by", String(128), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("departments", _Json, nullable=False),
    Column("items", Integer, nullable=False),
    Column("catalog", _Json, nullable=False),
    Column("report", _Json, nullable=False),
    Index("ix_wb_uploads_review", "review_id", "id"),
)

acceptances = Table(
    "wb_acceptances",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("review_id", Integer, ForeignKey("wb_reviews.id"), nullable=False),
    Column("department", String(200), nullable=False),
    Column("finding_key", String(600), nullable=False),
    Column("reason", Text, nullable=False),
    Column("accepted_by", String(128), nullable=False),
    Column("at", DateTime, nullable=False),
    UniqueConstraint("review_id", "finding_key", name="uq_wb_acceptance"),
)

decisions = Table(
    "wb_decisions",
    metadata,
    Column("decision_id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("upload_id", Integer),
    Column("decision", _Json, nullable=False),
    Column("decided_by", String(128), nullable=False),
    Column("at", DateTime, nullable=False),
)
