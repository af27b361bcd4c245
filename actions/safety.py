"""Emergency route, adverse-event reporting and the no-advice guardrails."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import context, dispatch, read_message, respond, slot_events
from bot import safety
from bot.conversation import emergency_turn


class ActionEmergency(Action):
    def name(self) -> Text:
        return "action_emergency"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        state, read = read_message(tracker)
        return respond(dispatcher, emergency_turn(state, kb, settings), read)


class ActionAdverseEvent(Action):
    def name(self) -> Text:
        return "action_adverse_event"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        _, settings = context()
        _, read = read_message(tracker)
        dispatch(dispatcher, safety.adverse_event(settings))
        return slot_events(read)


class ActionGuardrailAdvice(Action):
    def name(self) -> Text:
        return "action_guardrail_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        _, settings = context()
        _, read = read_message(tracker)
        dispatch(dispatcher, safety.medical_advice(settings))
        return slot_events(read)


class ActionGuardrailEfficacy(Action):
    def name(self) -> Text:
        return "action_guardrail_efficacy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        _, settings = context()
        _, read = read_message(tracker)
        dispatch(dispatcher, safety.efficacy_safety(settings))
        return slot_events(read)
