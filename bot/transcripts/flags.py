"""Review flags of a conversation, computed from its events as they are
stored. Pure: events (as Rasa serialises them) in, flags out."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional

FLAGS = {
    "adverse_event": "adverse event reported (pharmacovigilance clock starts at its time)",
    "emergency": "emergency",
    "medical_advice": "request for medical advice",
    "efficacy_question": "question about efficacy or safety of an unauthorised product",
    "fallback": "not understood / unanswered",
    "handoff": "handoff request created",
    "negative_feedback": "negative feedback",
}
_BY_INTENT = {
    "report_adverse_event": "adverse_event",
    "emergency": "emergency",
    "ask_medical_advice": "medical_advice",
    "ask_efficacy_safety": "efficacy_question",
    "nlu_fallback": "fallback",
    "feedback_negative": "negative_feedback",
}
_BY_ACTION = {
    "action_adverse_event": "adverse_event",
    "action_emergency": "emergency",
    "action_default_fallback": "fallback",
    "action_fallback": "fallback",
}


@dataclass(frozen=True)
class Flag:
    name: str
    at: float  # event timestamp (seconds since the epoch)
    detail: Optional[str] = None


def flags_in(events: Iterable[Dict[str, Any]]) -> List[Flag]:
    """Every flag the events raise, each at the time of the event that raised it."""
    found: List[Flag] = []
    for event in events:
        kind, at = event.get("event"), event.get("timestamp") or 0.0
        if kind == "user":
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if intent in _BY_INTENT:
                found.append(Flag(_BY_INTENT[intent], at))
        elif kind == "action" and event.get("name") in _BY_ACTION:
            found.append(Flag(_BY_ACTION[event["name"]], at))
        elif kind == "slot":
            if event.get("name") == "emergency" and event.get("value") is True:
                found.append(Flag("emergency", at))
            elif event.get("name") == "handoff_reference" and event.get("value"):
                found.append(Flag("handoff", at, str(event["value"])))
    return found


# Slots whose latest value describes the conversation in the review list.
INDEXED_SLOTS = ("role", "country", "pathway")


def latest_slots(events: Iterable[Dict[str, Any]]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for event in events:
        if event.get("event") == "slot" and event.get("name") in INDEXED_SLOTS:
            out[event["name"]] = event.get("value")
    return out
