"""Messages reviewers marked as misunderstood, with the intent and facts the
assistant should have read (exported as NLU training data to look at).

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transcript_corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("intent", sa.String(64), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("reviewer", sa.String(100), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.UniqueConstraint("event_id", name="uq_correction_per_message"),
    )
    op.create_index("ix_transcript_corrections_sender_id", "transcript_corrections", ["sender_id"])


def downgrade() -> None:
    op.drop_table("transcript_corrections")
