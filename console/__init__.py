"""The review console: a small web app where medical information reviewers
screen adverse events, read stored (redacted) transcripts, record reviews and
export the filtered set. Run with `python -m console serve`."""
