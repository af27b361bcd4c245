"""Shared helpers for actions: tracker state in, messages and slots out."""
from __future__ import annotations

from typing import Any, Dict, Iterable, List

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.config import Settings, settings
from bot.conversation import HELPER_SLOTS, Turn
from bot.facts import FACT_SLOTS
from bot.knowledge import KnowledgeBase, get_knowledge_base
from bot.render import Message

STATE_SLOTS = FACT_SLOTS + HELPER_SLOTS + ("requested_slot", "pathway")


def state_of(tracker: Tracker) -> Dict[str, Any]:
    return {name: tracker.get_slot(name) for name in STATE_SLOTS}


def dispatch(dispatcher: CollectingDispatcher, messages: Iterable[Message]) -> None:
    for message in messages:
        dispatcher.utter_message(**message.as_kwargs())


def slot_events(slots: Dict[str, Any]) -> List[SlotSet]:
    return [SlotSet(name, value) for name, value in slots.items()]


def respond(dispatcher: CollectingDispatcher, turn: Turn) -> List[SlotSet]:
    """Send a turn's messages; its slot updates become the action's events."""
    dispatch(dispatcher, turn.messages)
    return slot_events(turn.slots)


def respond_in_form(dispatcher: CollectingDispatcher, turn: Turn) -> Dict[str, Any]:
    """The same for a form validator, which returns slot values, not events."""
    dispatch(dispatcher, turn.messages)
    return turn.slots


def context() -> tuple[KnowledgeBase, Settings]:
    """Knowledge base and settings, loaded once per process on first use."""
    return get_knowledge_base(), settings()
