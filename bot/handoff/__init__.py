"""Handoff of real requests to the human team: records, notifications, the
team's queue tool (`python -m bot.handoff --help`)."""
