"""Handoff of real requests to the human team, as domain code: the request
model and its life cycle (requests.py), the conversation that collects the
contact (dialogue.py), what the team and the physician receive (summary.py),
the ports a store and a mailer fill (ports.py) and the use cases (use_cases.py)."""
