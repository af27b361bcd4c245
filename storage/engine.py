"""Engines for the project's two databases, made in one place: the project
database (DATABASE_URL) and the transcripts database (the tracker store's:
TRACKER_STORE_URL or the SQLite file TRACKER_DB). SQLite gets its folder,
WAL and a busy timeout; PostgreSQL a pre-ping pool. Paths are resolved by
bot.config (relative to the project)."""
from __future__ import annotations

import sqlite3
import time
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

from bot.config import Settings


def sqlite_pragmas(dbapi_connection, _record=None) -> None:
    # WAL lets the action server, the console and the queue tool read while
    # one writes; busy_timeout makes concurrent writers wait instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")
    _switch_to_wal(cursor)
    # In WAL mode NORMAL keeps the file consistent and syncs at checkpoints
    # instead of on every commit (a turn commits once). On this machine a
    # synced commit cost about 0.2 ms: the pool of open connections in the
    # tracker store was the larger gain (BENCHMARKS.md, speed, seventeenth session).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor, wait_s: float = 10.0) -> None:
    """WAL is a property of the file, set once. SQLite answers "database is
    locked" at once, without its busy handler, when two new connections race
    to switch a fresh file: so read the mode first and retry the switch."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str) -> Engine:
    """A new engine for `url` (no tables are created: see storage.migrate)."""
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, future=True, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", sqlite_pragmas)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per database URL and process."""
    return make_engine(url)


def project_engine(settings: Settings) -> Engine:
    return engine_for(settings.database_url)


def transcripts_engine(settings: Settings) -> Engine:
    return engine_for(settings.tracker_url)
