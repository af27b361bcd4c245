"""The transcripts database's own tables as the create_all calls made them:
the review index, flags, erasures, reviewer accounts, reviews and console
sessions. Rasa's `events` table, beside them, is Rasa's and is not touched.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transcript_conversations",
        sa.Column("sender_id", sa.String(255), primary_key=True),
        sa.Column("started_at", sa.Float()),
        sa.Column("last_at", sa.Float()),
        sa.Column("role", sa.String(32)),
        sa.Column("country", sa.String(8)),
        sa.Column("pathway", sa.String(32)),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_transcript_conversations_last_at", "transcript_conversations", ["last_at"])

    op.create_table(
        "transcript_flags",
        sa.Column("sender_id", sa.String(255), primary_key=True),
        sa.Column("flag", sa.String(32), primary_key=True),
        sa.Column("first_at", sa.Float(), nullable=False),
        sa.Column("detail", sa.Text()),
    )

    op.create_table(
        "transcript_erasures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("conversations", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
    )

    op.create_table(
        "transcript_reviewers",
        sa.Column("username", sa.String(100), primary_key=True),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
    )

    op.create_table(
        "transcript_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.Column("reviewer", sa.String(100), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("disposition", sa.String(32), nullable=False),
        sa.Column("comment", sa.Text()),
    )
    op.create_index("ix_transcript_reviews_sender_id", "transcript_reviews", ["sender_id"])

    op.create_table(
        "transcript_console_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_transcript_console_sessions_expires_at", "transcript_console_sessions", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_transcript_console_sessions_expires_at", table_name="transcript_console_sessions")
    op.drop_table("transcript_console_sessions")
    op.drop_index("ix_transcript_reviews_sender_id", table_name="transcript_reviews")
    op.drop_table("transcript_reviews")
    op.drop_table("transcript_reviewers")
    op.drop_table("transcript_erasures")
    op.drop_table("transcript_flags")
    op.drop_index("ix_transcript_conversations_last_at", table_name="transcript_conversations")
    op.drop_table("transcript_conversations")
