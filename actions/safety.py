"""Emergency route, adverse-event reporting and the no-advice guardrails."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import resume
from actions.common import assessment_if_answered, context, dispatch, latest, read_message, respond, slot_events
from bot import safety
from bot.conversation import emergency_turn
from bot.understanding import asks_something

# Facts a message must state, asking nothing, to be taken as telling the case
# rather than asking whether a product is safe or works.
CASE_FACTS = 3


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
    """No medical advice; then the open question again (action_resume). A
    message that asks nothing and answers the open question is an answer
    ("an IV infusion" to "medicine or device?" was read as asking for
    advice): the assessment goes on, without the guardrail."""

    def name(self) -> Text:
        return "action_guardrail_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        _, settings = context()
        open_question = None if tracker.active_loop_name else tracker.get_slot("requested_slot")
        _, read = read_message(tracker)
        if not (open_question and open_question in read and not asks_something(latest(tracker)[0])):
            dispatch(dispatcher, safety.medical_advice(settings))
        return slot_events(read)


class ActionGuardrailEfficacy(Action):
    """No claims about unauthorised products; then the open question again. A
    message that asks nothing and answers the open question is an answer
    ("Autorisé pour cette indication, mais pas sur le marché ici" was read as
    a question about safety): the assessment goes on, without the guardrail."""

    def name(self) -> Text:
        return "action_guardrail_efficacy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        _, settings = context()
        if tracker.active_loop_name:  # inside a form, the form asks again (rules)
            dispatch(dispatcher, safety.efficacy_safety(settings))
            return []
        if not asks_something(latest(tracker)[0]):
            # An opening that tells the case and asks nothing is no question about
            # safety (pool 34: Dutch openings that state every fact were read so)
            answered, read = assessment_if_answered(dispatcher, tracker, or_states_facts=CASE_FACTS)
            if answered is not None:
                return answered
        dispatch(dispatcher, safety.efficacy_safety(settings))
        return resume(dispatcher, *read_message(tracker), offer=True)
