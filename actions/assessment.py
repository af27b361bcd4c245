"""The assessment: reading facts from each message, asking the next
question or giving the outcome, and starting over."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import context, dispatch, respond, slot_events, state_of
from bot.conversation import NO_PROBLEM, assessment_turn, extraction_updates, reset_slots, resume_turn
from bot.render import Message
from bot.understanding import interpret


FORMS_WITHOUT_FACTS = ("handoff_form", "status_form")


class ActionExtractFacts(Action):
    """Runs after every user message (custom slot mapping): the facts in it."""

    def name(self) -> Text:
        return "action_extract_facts"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if tracker.active_loop_name in FORMS_WITHOUT_FACTS:
            return []  # contact details and references are not facts about the patient
        message = tracker.latest_message or {}
        state = state_of(tracker)
        result = interpret(
            text=message.get("text") or "",
            intent=(message.get("intent") or {}).get("name"),
            entities=message.get("entities") or [],
            requested_slot=state.get("requested_slot"),
            current=state,
        )
        return slot_events(extraction_updates(state, result.facts, result.unknown, result.approved_only_in))


class ActionAssess(Action):
    def name(self) -> Text:
        return "action_assess"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        state = state_of(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        nothing_started = not any(state.get(s) for s in ("role", "country", "requested_slot", "outcome_key"))
        if intent == "deny" and nothing_started and not state.get("turn_facts"):
            dispatcher.utter_message(text=NO_PROBLEM)
            return []
        turn = assessment_turn(state, kb, settings)
        return respond(dispatcher, turn)


class ActionResume(Action):
    """After a side question, ask the open question again."""

    def name(self) -> Text:
        return "action_resume"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        turn = resume_turn(state_of(tracker))
        return respond(dispatcher, turn)


class ActionRestartAssessment(Action):
    """Clear the patient's facts (the user's role stays) and start again."""

    def name(self) -> Text:
        return "action_restart_assessment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        cleared = reset_slots()
        state = {**state_of(tracker), **cleared}
        turn = assessment_turn(state, kb, settings)
        dispatch(dispatcher, [Message(text="Let's start again with a new assessment.")] + turn.messages)
        return slot_events({**cleared, **turn.slots})
