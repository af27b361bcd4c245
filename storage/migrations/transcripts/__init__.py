"""Migrations of the transcripts database (review index, flags, reviews, erasures, console accounts)."""
