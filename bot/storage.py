"""The project's own database: handoff requests, their audit trail and the
mail outbox. SQLAlchemy Core, 2.0 style (`future=True`); SQLite by default,
PostgreSQL through DATABASE_URL. Tables are created on first use."""
from __future__ import annotations

from functools import lru_cache

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine

metadata = MetaData()

access_requests = Table(
    "access_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(16), nullable=False, unique=True),
    Column("conversation_id", String(255), nullable=False),
    # physician_request: a treating physician goes ahead; mi_contact: anyone
    # else asks medical information to contact them about general questions.
    Column("kind", String(32), nullable=False),
    Column("queue", String(32), nullable=False),
    Column("status", String(32), nullable=False),
    Column("close_reason", String(40)),
    Column("urgent", Boolean, nullable=False, default=False),
    Column("country", String(2)),
    Column("assessment", JSON, nullable=False),
    Column("contact", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("acknowledge_by", Date, nullable=False),
    # One request of each kind per conversation: asking twice returns it.
    UniqueConstraint("conversation_id", "kind", name="uq_request_per_conversation"),
)
Index("ix_requests_status_urgent", access_requests.c.status, access_requests.c.urgent)

request_events = Table(
    "request_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", Integer, ForeignKey("access_requests.id"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(32), nullable=False),
    Column("from_status", String(32)),
    Column("to_status", String(32)),
    Column("detail", Text),
)

outbox = Table(
    "mail_outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", Integer, ForeignKey("access_requests.id"), nullable=False, index=True),
    Column("recipient", String(254), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("status", String(16), nullable=False),  # pending | sent
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    # A worker leases a row before sending, so two workers never send it twice.
    Column("claimed_until", DateTime(timezone=True)),
    Column("sent_at", DateTime(timezone=True)),
)
Index("ix_outbox_due", outbox.c.status, outbox.c.next_attempt_at)


# Contact details while the handoff form collects them: kept here, not in
# slots, so the transcript never holds them. Deleted when the request is made.
handoff_drafts = Table(
    "handoff_drafts",
    metadata,
    Column("conversation_id", String(255), primary_key=True),
    Column("contact", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


def sqlite_pragmas(dbapi_connection, _record=None) -> None:
    # WAL lets the action server and the queue tool read while one writes;
    # busy_timeout makes concurrent writers wait instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with the tables created. SQLite files get their folder."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        from pathlib import Path

        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, future=True, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", sqlite_pragmas)
    else:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per database URL and process."""
    return make_engine(url)
