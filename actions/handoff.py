"""'Talk to a person', at any point, and the fallback that ends there."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.common import context, dispatch
from bot import safety

# Human-readable names of intents for "Did you mean ...?"
INTENT_TITLES = {
    "start_assessment": "Check a patient's access options",
    "inform": "Give facts about the patient or product",
    "ask_info": "Ask about an access scheme",
    "human_handoff": "Talk to a person",
    "emergency": "It's an emergency",
    "report_adverse_event": "Report a side effect",
    "ask_medical_advice": "Ask for medical advice",
    "ask_efficacy_safety": "Ask whether a product is safe or works",
    "start_over": "Start over",
    "what_can_you_do": "See what I can do",
    "affirm": "Yes",
    "deny": "No",
    "dont_know": "I don't know",
}


class ActionHumanHandoff(Action):
    def name(self) -> Text:
        return "action_human_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        dispatch(dispatcher, safety.human_contact(settings, kb, tracker.get_slot("role"), tracker.get_slot("pathway")))
        return []


class ActionDefaultAskAffirmation(Action):
    """First stage of the fallback: offer the likeliest meanings in words."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        ranking = [i for i in tracker.latest_message.get("intent_ranking", []) if i.get("name") != "nlu_fallback"]
        buttons = [
            {"title": INTENT_TITLES[i["name"]], "payload": f"/{i['name']}"}
            for i in ranking[:2]
            if i.get("name") in INTENT_TITLES
        ]
        buttons.append({"title": "Something else", "payload": "/out_of_scope"})
        dispatcher.utter_message(text="Sorry, I'm not sure I understood. Did you mean one of these?", buttons=buttons)
        return []


class ActionDefaultFallback(Action):
    """Last stage of the fallback: offer a person instead of guessing."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        dispatcher.utter_message(text="I'm sorry, I still couldn't understand. A person can help you instead.")
        dispatch(dispatcher, safety.human_contact(settings, kb, tracker.get_slot("role"), tracker.get_slot("pathway")))
        return [UserUtteranceReverted()]


class ActionDefaultAskRephrase(Action):
    """Second stage of the fallback."""

    def name(self) -> Text:
        return "action_default_ask_rephrase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text="Sorry, I still didn't understand. Could you say it another way?")
        return []
