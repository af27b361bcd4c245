"""Alembic migrations of the project's two databases: `project/` (the
project database, storage.schema.project_metadata) and `transcripts/` (the
tracker store's database, storage.schema.transcripts_metadata, beside Rasa's
own `events` table, which Rasa creates and these migrations never touch).
Run them with storage.migrate; common.py holds what both environments share."""
