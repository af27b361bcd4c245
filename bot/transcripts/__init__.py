"""Conversation transcripts that reviewers can trust: redacted before they are
stored, flagged as they happen, erasable and subject to retention."""
