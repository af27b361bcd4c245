"""Reviewer accounts: usernames and argon2 password hashes, never passwords."""
from __future__ import annotations

import re
import time
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from storage.schema import reviewers

USERNAME = re.compile(r"[A-Za-z0-9._-]{1,100}")
MIN_PASSWORD = 12
_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified when the username is unknown, so both failures take as long."""
    return _hasher.hash("not a reviewer's password")


class AccountError(ValueError):
    """An account that cannot be created, in words."""


def add_reviewer(engine: Engine, username: str, password: str, now: float | None = None) -> None:
    if not USERNAME.fullmatch(username or ""):
        raise AccountError("a username is 1 to 100 letters, digits, dots, underscores or hyphens")
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    with engine.begin() as conn:
        if conn.execute(select(reviewers.c.username).where(reviewers.c.username == username)).first():
            raise AccountError(f"reviewer {username!r} already exists")
        conn.execute(reviewers.insert().values(username=username, password_hash=_hasher.hash(password),
                                               created_at=now or time.time()))


def check_password(engine: Engine, username: str, password: str) -> bool:
    """True only for a known reviewer with this password."""
    with engine.connect() as conn:
        row = conn.execute(select(reviewers.c.password_hash).where(reviewers.c.username == username)).first()
    try:
        return _hasher.verify(row.password_hash if row else _dummy_hash(), password or "") and row is not None
    except (VerificationError, InvalidHashError):
        return False


def reviewer_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(reviewers)).scalar_one()
