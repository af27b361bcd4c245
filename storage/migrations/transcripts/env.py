"""Alembic environment of the transcripts database (run through storage.migrate)."""
from storage.migrations.common import run_migrations

run_migrations("transcripts")
