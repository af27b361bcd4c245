"""Revisions of the transcripts database, oldest first."""
