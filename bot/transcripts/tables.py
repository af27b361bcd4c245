"""Review index tables, stored beside Rasa's `events` table."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Integer, MetaData, String, Table, Text

metadata = MetaData()

conversations = Table(
    "transcript_conversations",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("started_at", Float),
    Column("last_at", Float, index=True),
    Column("role", String(32)),
    Column("country", String(8)),
    Column("pathway", String(32)),
    Column("reviewed", Boolean, nullable=False, default=False),
)

flags = Table(
    "transcript_flags",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("flag", String(32), primary_key=True),
    Column("first_at", Float, nullable=False),
    Column("detail", Text),
)

# Erasures and retention runs, without the content that was removed.
erasures = Table(
    "transcript_erasures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Float, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("reason", String(32), nullable=False),  # request | retention
    Column("conversations", Integer, nullable=False),
    Column("events", Integer, nullable=False),
)

# Rasa's own events table (created by its SQL tracker store), described here
# so retention and erasure need no Rasa import.
rasa_metadata = MetaData()
events = Table(
    "events",
    rasa_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)

# Reviewer accounts of the review console; passwords hashed, never stored.
reviewers = Table(
    "transcript_reviewers",
    metadata,
    Column("username", String(100), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", Float, nullable=False),
)

# Who reviewed what, when, with which disposition: the audit trail.
reviews = Table(
    "transcript_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("reviewer", String(100), nullable=False),
    Column("at", Float, nullable=False),
    Column("disposition", String(32), nullable=False),
    Column("comment", Text),
)

# Review console sessions. Only a hash of the cookie's token is stored; the
# row ends at logout or once expires_at (pushed on by each request) has passed.
console_sessions = Table(
    "transcript_console_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(100), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("expires_at", Float, nullable=False, index=True),
)
