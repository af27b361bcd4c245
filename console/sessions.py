"""Server-side console sessions. The cookie holds a random token; the table
holds its SHA-256, the account, the session's CSRF token and when it
expires. Each request pushes the expiry on (expiry after inactivity). A
session lives only while its account is enabled; it carries the account's role."""
from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from storage.schema import console_sessions, reviewers


@dataclass(frozen=True)
class Session:
    username: str
    csrf_token: str
    role: str = "reviewer"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(engine: Engine, username: str, minutes: int, now: Optional[float] = None) -> str:
    """A new session for the reviewer; returns the token for the cookie."""
    now = now or time.time()
    token = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(delete(console_sessions).where(console_sessions.c.expires_at < now))
        conn.execute(console_sessions.insert().values(token_hash=_hash(token), username=username,
                                                      csrf_token=secrets.token_urlsafe(32),
                                                      expires_at=now + minutes * 60))
    return token


def current_session(engine: Engine, token: Optional[str], minutes: int, now: Optional[float] = None) -> Optional[Session]:
    """The live session of this token, its expiry pushed on; None if unknown or expired."""
    if not token:
        return None
    now = now or time.time()
    key = console_sessions.c.token_hash == _hash(token)
    with engine.begin() as conn:
        row = conn.execute(
            select(console_sessions, reviewers.c.role, reviewers.c.disabled_at)
            .join(reviewers, reviewers.c.username == console_sessions.c.username, isouter=True).where(key)
        ).first()
        if row is None:
            return None
        if row.expires_at <= now or row.role is None or row.disabled_at is not None:
            conn.execute(delete(console_sessions).where(key))
            return None
        conn.execute(console_sessions.update().where(key).values(expires_at=now + minutes * 60))
    return Session(row.username, row.csrf_token, row.role)


def close_session(engine: Engine, token: Optional[str]) -> None:
    if token:
        with engine.begin() as conn:
            conn.execute(delete(console_sessions).where(console_sessions.c.token_hash == _hash(token)))
