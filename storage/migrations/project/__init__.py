"""Migrations of the project database (access requests, audit trail, mail outbox, drafts)."""
