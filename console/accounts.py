"""Console accounts: usernames, roles and argon2 password hashes, never
passwords. Logins are rate-limited per account and per address; an
administrator can reset a password or disable an account; a user can change
their own password. Every one of these ends the account's sessions."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.engine import Engine

from storage.schema import console_sessions, login_failures, reviewers

USERNAME = re.compile(r"[A-Za-z0-9._-]{1,100}")
MIN_PASSWORD = 12
# reviewer: redacted transcripts, flags, reviews, exports. team: the managed
# access team's request desk, with the contact details of its requests.
ROLES = ("reviewer", "team")
# Failed logins within WINDOW seconds: this many for one account, or from one
# address (whatever accounts it tries), and further attempts wait.
WINDOW = 15 * 60
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20
_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified when the username is unknown, so both failures take as long."""
    return _hasher.hash("not a reviewer's password")


class AccountError(ValueError):
    """An account that cannot be created or changed, in words."""


@dataclass(frozen=True)
class Login:
    """The result of a login attempt: the account's role when it succeeded,
    or whether it was refused because of too many failures (and for how long)."""

    role: Optional[str] = None
    retry_after: int = 0

    @property
    def ok(self) -> bool:
        return self.role is not None


def _check_password_rules(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")


def add_reviewer(engine: Engine, username: str, password: str, now: float | None = None,
                 role: str = "reviewer") -> None:
    """Create an account (a reviewer unless `role` says otherwise)."""
    if not USERNAME.fullmatch(username or ""):
        raise AccountError("a username is 1 to 100 letters, digits, dots, underscores or hyphens")
    if role not in ROLES:
        raise AccountError(f"a role is one of {', '.join(ROLES)}")
    _check_password_rules(password)
    with engine.begin() as conn:
        if conn.execute(select(reviewers.c.username).where(reviewers.c.username == username)).first():
            raise AccountError(f"account {username!r} already exists")
        conn.execute(reviewers.insert().values(username=username, password_hash=_hasher.hash(password),
                                               created_at=now or time.time(), role=role))


def _verify(password_hash: Optional[str], password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password or "") and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def check_password(engine: Engine, username: str, password: str) -> bool:
    """True only for a known, enabled account with this password."""
    with engine.connect() as conn:
        row = conn.execute(select(reviewers.c.password_hash, reviewers.c.disabled_at)
                           .where(reviewers.c.username == username)).first()
    ok = _verify(row.password_hash if row else None, password)
    return ok and row is not None and row.disabled_at is None


def _retry_after(engine: Engine, username: str, address: str, now: float) -> int:
    """Seconds until a login may be tried again; 0 when it may be now."""
    since = now - WINDOW
    with engine.begin() as conn:
        conn.execute(delete(login_failures).where(login_failures.c.at < since))
        waits = []
        for column, limit, value in ((login_failures.c.username, MAX_FAILURES_PER_ACCOUNT, username),
                                     (login_failures.c.address, MAX_FAILURES_PER_ADDRESS, address)):
            times = conn.execute(select(login_failures.c.at).where(and_(column == value, login_failures.c.at >= since))
                                 .order_by(login_failures.c.at.desc()).limit(limit)).scalars().all()
            if len(times) >= limit:
                waits.append(int(min(times) + WINDOW - now) + 1)
    return max(waits, default=0)


def log_in(engine: Engine, username: str, password: str, address: str, now: float | None = None) -> Login:
    """Check a login under the rate limit; a failure is counted against the
    account and the address. Refused attempts do not check the password."""
    now = now or time.time()
    username, address = (username or "")[:100], (address or "unknown")[:64]
    wait = _retry_after(engine, username, address, now)
    if wait:
        return Login(retry_after=wait)
    if check_password(engine, username, password):
        return Login(role=role_of(engine, username))
    with engine.begin() as conn:
        conn.execute(login_failures.insert().values(username=username, address=address, at=now))
    return Login()


def role_of(engine: Engine, username: str) -> Optional[str]:
    """The account's role; None when it does not exist or is disabled."""
    with engine.connect() as conn:
        row = conn.execute(select(reviewers.c.role, reviewers.c.disabled_at)
                           .where(reviewers.c.username == username)).first()
    return row.role if row and row.disabled_at is None else None


def _end_sessions(conn, username: str) -> None:
    conn.execute(delete(console_sessions).where(console_sessions.c.username == username))


def _set_password(engine: Engine, username: str, password: str, now: float) -> None:
    _check_password_rules(password)
    with engine.begin() as conn:
        changed = conn.execute(update(reviewers).where(reviewers.c.username == username).values(
            password_hash=_hasher.hash(password), password_changed_at=now)).rowcount
        if not changed:
            raise AccountError(f"no account {username!r}")
        _end_sessions(conn, username)
        # A new password starts with a clean slate for the account.
        conn.execute(delete(login_failures).where(login_failures.c.username == username))


def change_password(engine: Engine, username: str, current: str, new: str, now: float | None = None) -> None:
    """The user's own change: the current password first; every session of
    the account ends, this one too."""
    if not check_password(engine, username, current):
        raise AccountError("the current password is wrong")
    if new == current:
        raise AccountError("the new password must differ from the current one")
    _set_password(engine, username, new, now or time.time())


def reset_password(engine: Engine, username: str, password: str, now: float | None = None) -> None:
    """An administrator's reset; the account's sessions end."""
    _set_password(engine, username, password, now or time.time())


def set_disabled(engine: Engine, username: str, disabled: bool, now: float | None = None) -> None:
    """Disable (its sessions end and it can no longer log in) or enable again."""
    with engine.begin() as conn:
        changed = conn.execute(update(reviewers).where(reviewers.c.username == username).values(
            disabled_at=(now or time.time()) if disabled else None)).rowcount
        if not changed:
            raise AccountError(f"no account {username!r}")
        if disabled:
            _end_sessions(conn, username)


def reviewer_count(engine: Engine) -> int:
    """Enabled accounts of any role."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(reviewers).where(
            reviewers.c.disabled_at.is_(None))).scalar_one()
