"""Emergency route, adverse-event reporting and the no-advice guardrails."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import context, dispatch, respond, state_of
from bot import safety
from bot.conversation import emergency_turn


class ActionEmergency(Action):
    def name(self) -> Text:
        return "action_emergency"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        turn = emergency_turn(state_of(tracker), kb, settings)
        return respond(dispatcher, turn)


class ActionAdverseEvent(Action):
    def name(self) -> Text:
        return "action_adverse_event"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        _, settings = context()
        dispatch(dispatcher, safety.adverse_event(settings))
        return []


class ActionGuardrailAdvice(Action):
    def name(self) -> Text:
        return "action_guardrail_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        _, settings = context()
        dispatch(dispatcher, safety.medical_advice(settings))
        return []


class ActionGuardrailEfficacy(Action):
    def name(self) -> Text:
        return "action_guardrail_efficacy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        _, settings = context()
        dispatch(dispatcher, safety.efficacy_safety(settings))
        return []
