"""Revisions of the project database, oldest first."""
