"""Alembic environment of the project database (run through storage.migrate)."""
from storage.migrations.common import run_migrations

run_migrations("project")
