"""Console accounts with a role (reviewer or the managed access team), an
administrator's disabling, the time of the last password change, and failed
logins kept for the rate limit.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Accounts made before roles existed were all reviewers.
    with op.batch_alter_table("transcript_reviewers") as batch:
        batch.add_column(sa.Column("role", sa.String(16), nullable=False, server_default="reviewer"))
        batch.add_column(sa.Column("disabled_at", sa.Float()))
        batch.add_column(sa.Column("password_changed_at", sa.Float()))
    op.create_table(
        "transcript_login_failures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
    )
    op.create_index("ix_transcript_login_failures_username", "transcript_login_failures", ["username"])
    op.create_index("ix_transcript_login_failures_address", "transcript_login_failures", ["address"])
    op.create_index("ix_transcript_login_failures_at", "transcript_login_failures", ["at"])


def downgrade() -> None:
    op.drop_table("transcript_login_failures")
    with op.batch_alter_table("transcript_reviewers") as batch:
        batch.drop_column("password_changed_at")
        batch.drop_column("disabled_at")
        batch.drop_column("role")
