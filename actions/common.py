"""Shared helpers for actions: tracker state in, messages and slots out."""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.config import Settings, settings
from bot.conversation import Turn, assessment_turn, extraction_updates
from bot.knowledge import KnowledgeBase, get_knowledge_base
from bot.render import Message
from bot.slots import ASSESSMENT_SLOTS, FACT_SLOTS, OUTCOME_SLOT
from bot.understanding import interpret

# The actions that read the facts in the user's message. Whichever of them
# runs first after a message reads it, so a turn costs one call to the action
# server, not a separate extraction call before it (each call sends the whole
# tracker; BENCHMARKS.md). Every rule starts with one of these, or with a
# response followed by action_resume: no message is left unread
# (tests/test_fact_reading.py checks the rules).
FACT_READERS = frozenset({
    "action_assess", "action_resume", "action_restart_assessment", "action_answer_question",
    "action_emergency", "action_adverse_event", "action_guardrail_advice", "action_guardrail_efficacy",
    "action_human_handoff", "action_fallback", "action_goodbye", "action_out_of_scope", "action_greet",
    "action_thanks",
})
# Contact details and references are not facts about the patient.
FORMS_WITHOUT_FACTS = ("handoff_form", "status_form")


def latest(tracker: Tracker) -> Tuple[str, Optional[str]]:
    """The latest message's text and intent."""
    message = tracker.latest_message or {}
    return message.get("text") or "", (message.get("intent") or {}).get("name")


# An assessment has started once one of these is set.
STARTED_BY = ("role", "country", "requested_slot", "outcome_key")


def nothing_started(state: Mapping[str, Any]) -> bool:
    """No fact of the writer or the patient, no open question, no outcome yet."""
    return not any(state.get(slot) for slot in STARTED_BY)


def state_of(tracker: Tracker) -> Dict[str, Any]:
    return {name: tracker.get_slot(name) for name in ASSESSMENT_SLOTS}


# Events after which no earlier slot value counts.
_RESETS = frozenset({"restart", "session_started", "reset_slots"})


def state_before_message(tracker: Tracker) -> Dict[str, Any]:
    """The assessment slots as they were when the latest user message came,
    before any action of this turn set what it read: "nothing started yet"
    must not change because the side question's action read the opening's
    facts (pool 57: a full opening that asks to request a product went to the
    handoff without its outcome)."""
    events = list(tracker.events or [])
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    state = state_of(tracker)
    if not users:
        return state
    start = max((i for i, e in enumerate(events[:users[-1]]) if e.get("event") in _RESETS), default=-1) + 1
    for name in {e.get("name") for e in events[users[-1] + 1:] if e.get("event") == "slot"} & set(state):
        earlier = [e.get("value") for e in events[start:users[-1]] if e.get("event") == "slot" and e.get("name") == name]
        state[name] = earlier[-1] if earlier else None
    return state


def message_already_read(events: Sequence[Mapping[str, Any]]) -> bool:
    """Whether a fact reader has run since the latest user message."""
    for event in reversed(events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") in FACT_READERS:
            return True
    return False


def read_message(tracker: Tracker, state: Optional[Mapping[str, Any]] = None) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """The state once the latest user message is read (`state` defaults to the
    tracker's slots), and the slot updates reading it made (none when another
    action read it already, or inside the handoff and status forms)."""
    state = dict(state_of(tracker) if state is None else state)
    if tracker.active_loop_name in FORMS_WITHOUT_FACTS or message_already_read(tracker.events or []):
        return state, {}
    message = tracker.latest_message or {}
    result = interpret(
        text=message.get("text") or "",
        intent=(message.get("intent") or {}).get("name"),
        entities=message.get("entities") or [],
        requested_slot=state.get("requested_slot"),
        current=state,
        learned_statements=context()[1].statement_reader,
    )
    updates = extraction_updates(state, result.facts, result.unknown, result.approved_only_in)
    return {**state, **updates}, updates


def dispatch(dispatcher: CollectingDispatcher, messages: Iterable[Message]) -> None:
    for message in messages:
        dispatcher.utter_message(**message.as_kwargs())


def slot_events(slots: Dict[str, Any]) -> List[SlotSet]:
    return [SlotSet(name, value) for name, value in slots.items()]


def respond(dispatcher: CollectingDispatcher, turn: Turn, read: Optional[Mapping[str, Any]] = None) -> List[SlotSet]:
    """Send a turn's messages; what reading the message set (`read`) and the
    turn's slot updates become the action's events."""
    dispatch(dispatcher, turn.messages)
    return slot_events({**(read or {}), **turn.slots})


def respond_in_form(dispatcher: CollectingDispatcher, turn: Turn) -> Dict[str, Any]:
    """The same for a form validator, which returns slot values, not events."""
    dispatch(dispatcher, turn.messages)
    return turn.slots


def context() -> tuple[KnowledgeBase, Settings]:
    """Knowledge base and settings, loaded once per process on first use."""
    return get_knowledge_base(), settings()



def assessment_if_answered(dispatcher: CollectingDispatcher, tracker: Tracker, or_states_facts: int = 0
                           ) -> Tuple[Optional[List[SlotSet]], Dict[str, Any]]:
    """Reads the latest message. When it answers the open question, whatever
    intent the NLU gave it ("eye drops" read as a goodbye, "it is, I can't
    walk anymore" read as asking for a person), the assessment goes on with
    it: (the turn's events, what was read); otherwise (None, what was read).
    `or_states_facts`: with no question open, a message that states at least
    this many facts of the case (True: one) goes on with the assessment too
    ("Ciao, sono la paziente, mi curano a Firenze" read as a goodbye)."""
    before = state_of(tracker)
    state, read = read_message(tracker, before)
    open_question = before.get("requested_slot")
    opening = bool(or_states_facts) and not open_question and not before.get(OUTCOME_SLOT) \
        and sum(slot in FACT_SLOTS for slot in read) >= or_states_facts
    if not opening and (not open_question or open_question not in read):
        return None, read
    kb, settings = context()
    return respond(dispatcher, assessment_turn(state, kb, settings), read), read
