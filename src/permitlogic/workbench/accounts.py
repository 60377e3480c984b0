"""Accounts: users with a role and a scope, argon2 password hashes, sessions and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from permitlogic.errors import InputError
from permitlogic.workbench.db import WorkbenchDb, now
from permitlogic.workbench.tables import sessions, tokens, users

SESSION_HOURS = 12
MIN_PASSWORD = 8
_HASHER = PasswordHasher()


@cache
def dummy_hash() -> str:
    """Verified against when the name is unknown, so both cases take the same time.

    Made once per process when first needed (the workbench makes it as it starts),
    not on import: a command that only adds or lists accounts never needs it.
    """
    return _HASHER.hash("permitlogic-no-such-user")


class Role(StrEnum):
    admin = "admin"
    reviewer = "reviewer"
    clerk = "clerk"

    @property
    def zh(self) -> str:
        return {"admin": "管理员", "reviewer": "审核人员", "clerk": "窗口人员"}[self.value]


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role
    county: str | None = None
    department: str | None = None
    active: bool = True

    def scope_text(self, lang: str = "zh") -> str:
        parts = [p for p in (self.county, self.department) if p]
        if parts:
            return " / ".join(parts)
        return "全部" if lang == "zh" else "all"

    def sees_county(self, county: str) -> bool:
        return self.role is Role.admin or self.county is None or self.county == county

    def sees_department(self, department: str | None) -> bool:
        return self.role is Role.admin or self.department is None or self.department == department


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user(row: object) -> User:
    mapping = row._mapping  # type: ignore[attr-defined]
    return User(
        id=mapping["id"],
        name=mapping["name"],
        role=Role(mapping["role"]),
        county=mapping["county"],
        department=mapping["department"],
        active=bool(mapping["active"]),
    )


def _bad(key: str, zh: str, en: str) -> InputError:
    return InputError.single(None, zh, en, key=key)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise _bad(
            "password",
            f"密码至少 {MIN_PASSWORD} 个字符",
            f"the password needs at least {MIN_PASSWORD} characters",
        )


def add_user(
    db: WorkbenchDb,
    name: str,
    password: str,
    role: Role,
    *,
    county: str | None = None,
    department: str | None = None,
    by: str = "cli",
) -> User:
    """A new account; the name must be new and the password long enough."""
    name = name.strip()
    if not name or len(name) > 128:
        raise _bad("name", "用户名应为 1–128 个字符", "the user name needs 1–128 characters")
    check_password(password)
    if role is not Role.reviewer and (county or department):
        raise _bad(
            "scope",
            "只有审核人员有县或部门范围",
            "only a reviewer has a county or department scope",
        )
    try:
        with db.write() as conn:
            result = conn.execute(
                insert(users).values(
                    name=name,
                    password_hash=_HASHER.hash(password),
                    role=role.value,
                    county=county or None,
                    department=department or None,
                    active=True,
                    created=now(),
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            db.record(
                conn,
                by,
                "user.add",
                name,
                {"role": role.value, "county": county, "department": department},
            )
    except IntegrityError:
        raise _bad("name", f"用户 {name} 已存在", f"the user {name} exists already") from None
    return User(int(key[0]), name, role, county or None, department or None)


def set_password(db: WorkbenchDb, name: str, password: str, by: str = "cli") -> None:
    check_password(password)
    with db.write() as conn:
        done = conn.execute(
            update(users).where(users.c.name == name).values(password_hash=_HASHER.hash(password))
        )
        if done.rowcount == 0:
            raise _bad("name", f"没有用户 {name}", f"no user {name}")
        user_id = conn.execute(select(users.c.id).where(users.c.name == name)).scalar_one()
        conn.execute(delete(sessions).where(sessions.c.user_id == user_id))
        db.record(conn, by, "user.password", name)


def set_active(db: WorkbenchDb, name: str, active: bool, by: str = "cli") -> None:
    with db.write() as conn:
        done = conn.execute(update(users).where(users.c.name == name).values(active=active))
        if done.rowcount == 0:
            raise _bad("name", f"没有用户 {name}", f"no user {name}")
        if not active:
            user_id = conn.execute(select(users.c.id).where(users.c.name == name)).scalar_one()
            conn.execute(delete(sessions).where(sessions.c.user_id == user_id))
        db.record(conn, by, "user.enable" if active else "user.disable", name)


def list_users(db: WorkbenchDb) -> list[User]:
    with db.read() as conn:
        return [_user(row) for row in conn.execute(select(users).order_by(users.c.name))]


def user_count(db: WorkbenchDb) -> int:
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(users)).scalar_one())


def authenticate(db: WorkbenchDb, name: str, password: str) -> User | None:
    """The active user with this name and password, else None (same work either way)."""
    with db.read() as conn:
        row = conn.execute(select(users).where(users.c.name == name.strip())).first()
    stored = row._mapping["password_hash"] if row is not None else dummy_hash()
    try:
        _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or not row._mapping["active"]:
        return None
    if _HASHER.check_needs_rehash(stored):
        with db.write() as conn:
            conn.execute(
                update(users)
                .where(users.c.id == row._mapping["id"])
                .values(password_hash=_HASHER.hash(password))
            )
    return _user(row)


@dataclass(frozen=True)
class Session:
    token: str
    csrf: str
    user: User


def start_session(db: WorkbenchDb, user: User) -> Session:
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    at = now()
    with db.write() as conn:
        conn.execute(delete(sessions).where(sessions.c.expires < at))
        conn.execute(
            insert(sessions).values(
                token_hash=_digest(token),
                user_id=user.id,
                csrf=csrf,
                created=at,
                expires=at + timedelta(hours=SESSION_HOURS),
            )
        )
        db.record(conn, user.name, "login", user.name)
    return Session(token, csrf, user)


def session_of(db: WorkbenchDb, token: str) -> Session | None:
    query = (
        select(users, sessions.c.csrf, sessions.c.expires)
        .join(sessions, sessions.c.user_id == users.c.id)
        .where(sessions.c.token_hash == _digest(token))
    )
    with db.read() as conn:
        row = conn.execute(query).first()
    if row is None or row._mapping["expires"] < now() or not row._mapping["active"]:
        return None
    return Session(token, row._mapping["csrf"], _user(row))


def end_session(db: WorkbenchDb, session: Session) -> None:
    with db.write() as conn:
        conn.execute(delete(sessions).where(sessions.c.token_hash == _digest(session.token)))
        db.record(conn, session.user.name, "logout", session.user.name)


def create_token(db: WorkbenchDb, name: str, label: str, by: str) -> str:
    """A new API token for user ``name``; only its hash is kept, so it is shown once."""
    token = "pl_" + secrets.token_urlsafe(32)
    with db.write() as conn:
        user_id = conn.execute(select(users.c.id).where(users.c.name == name)).scalar()
        if user_id is None:
            raise _bad("name", f"没有用户 {name}", f"no user {name}")
        conn.execute(
            insert(tokens).values(
                token_hash=_digest(token), user_id=user_id, label=label or name, created=now()
            )
        )
        db.record(conn, by, "token.create", name, {"label": label})
    return token


def token_user(db: WorkbenchDb, token: str) -> User | None:
    query = (
        select(users)
        .join(tokens, tokens.c.user_id == users.c.id)
        .where(tokens.c.token_hash == _digest(token), tokens.c.revoked.is_(None))
    )
    with db.read() as conn:
        row = conn.execute(query).first()
    if row is None or not row._mapping["active"]:
        return None
    return _user(row)
