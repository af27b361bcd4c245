"""Emails to the requester and the team's desk: each outbox email has a kind
(one of each per request), and a request keeps its conversation's language,
who handles it and when a person first took it on.

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
    with op.batch_alter_table("access_requests") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=False, server_default="en"))
        batch.add_column(sa.Column("assignee", sa.String(100)))
        batch.add_column(sa.Column("acknowledged_at", sa.DateTime(timezone=True)))
    # Existing rows are the team notifications, the only emails there were.
    with op.batch_alter_table("mail_outbox") as batch:
        batch.add_column(sa.Column("kind", sa.String(32), nullable=False, server_default="team_notification"))
        batch.create_unique_constraint("uq_outbox_request_kind", ["request_id", "kind"])


def downgrade() -> None:
    with op.batch_alter_table("mail_outbox") as batch:
        batch.drop_constraint("uq_outbox_request_kind", type_="unique")
        batch.drop_column("kind")
    with op.batch_alter_table("access_requests") as batch:
        batch.drop_column("acknowledged_at")
        batch.drop_column("assignee")
        batch.drop_column("language")
