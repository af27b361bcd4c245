"""The schema of the project's two databases, SQLAlchemy Core (2.0 style).

- the project database (DATABASE_URL): handoff requests, their audit trail,
  the mail outbox and handoff drafts (`project_metadata`);
- the transcripts database, beside Rasa's `events` table in the tracker
  store (TRACKER_DB or TRACKER_STORE_URL): the review index, flags, reviews,
  erasures and the console's accounts and sessions (`transcripts_metadata`).

Alembic migrations (storage/migrations) create and upgrade both."""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

project_metadata = MetaData()

access_requests = Table(
    "access_requests",
    project_metadata,
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
    # The conversation's language: the requester's emails are written in it.
    Column("language", String(8), nullable=False, server_default="en"),
    Column("assignee", String(100)),
    Column("acknowledged_at", DateTime(timezone=True)),
    # One request of each kind per conversation: asking twice returns it.
    UniqueConstraint("conversation_id", "kind", name="uq_request_per_conversation"),
)
Index("ix_requests_status_urgent", access_requests.c.status, access_requests.c.urgent)

request_events = Table(
    "request_events",
    project_metadata,
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
    project_metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", Integer, ForeignKey("access_requests.id"), nullable=False, index=True),
    # bot.handoff.emails.EMAIL_KINDS: at most one of each per request, so no
    # receipt, acknowledgement or alert is ever queued twice.
    Column("kind", String(32), nullable=False, server_default="team_notification"),
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
    UniqueConstraint("request_id", "kind", name="uq_outbox_request_kind"),
)
Index("ix_outbox_due", outbox.c.status, outbox.c.next_attempt_at)


# Contact details while the handoff form collects them: kept here, not in
# slots, so the transcript never holds them. Deleted when the request is made.
handoff_drafts = Table(
    "handoff_drafts",
    project_metadata,
    Column("conversation_id", String(255), primary_key=True),
    Column("contact", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


# ---- transcripts database -------------------------------------------------
transcripts_metadata = MetaData()

conversations = Table(
    "transcript_conversations",
    transcripts_metadata,
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
    transcripts_metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("flag", String(32), primary_key=True),
    Column("first_at", Float, nullable=False),
    Column("detail", Text),
)

# Erasures and retention runs, without the content that was removed.
erasures = Table(
    "transcript_erasures",
    transcripts_metadata,
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

# Accounts of the review console; passwords hashed, never stored. The role
# (console.accounts.ROLES) decides what an account sees: reviewers the
# redacted transcripts, the managed access team its request desk.
reviewers = Table(
    "transcript_reviewers",
    transcripts_metadata,
    Column("username", String(100), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("role", String(16), nullable=False, server_default="reviewer"),
    # Set by an administrator: the account can no longer log in.
    Column("disabled_at", Float),
    Column("password_changed_at", Float),
)

# Failed console logins, kept for the rate limit (per account and per
# address) and trimmed as they age out of its window.
login_failures = Table(
    "transcript_login_failures",
    transcripts_metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), nullable=False, index=True),
    Column("address", String(64), nullable=False, index=True),
    Column("at", Float, nullable=False, index=True),
)

# Messages a reviewer marked as misunderstood, with the intent and facts the
# assistant should have read: exported as NLU training data for people to
# look at, never added to it by the software. One mark per message (the
# latest); the text is the stored, redacted message.
corrections = Table(
    "transcript_corrections",
    transcripts_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("event_id", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("intent", String(64), nullable=False),
    Column("facts", JSON, nullable=False),
    Column("reviewer", String(100), nullable=False),
    Column("at", Float, nullable=False),
    UniqueConstraint("event_id", name="uq_correction_per_message"),
)

# Who reviewed what, when, with which disposition: the audit trail.
reviews = Table(
    "transcript_reviews",
    transcripts_metadata,
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
    transcripts_metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(100), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("expires_at", Float, nullable=False, index=True),
)
