"""Conversation transcripts as domain code: events redacted before they are
stored (events.py) and the review flags they raise (flags.py). Storing them
is the tracker store's job (rasa_plugins/tracker_store.py)."""
