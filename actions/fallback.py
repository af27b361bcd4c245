"""A message the NLU is not sure about. What it says is read first: facts
continue the assessment, and an answer to the open question that is not
understood goes through the assessment's repair (put another way, then left
open). Otherwise the likeliest meanings are offered as choices, and a second
miss in a row offers a person instead of guessing."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import in_words
from actions.common import FORMS_WITHOUT_FACTS, context, dispatch, read_message, respond, slot_events
from bot import safety
from bot.conversation import assessment_turn
from bot.render import Message

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


def _previous_intent(tracker: Tracker) -> str:
    users = [e for e in tracker.events if e.get("event") == "user"]
    return ((users[-2].get("parse_data") or {}).get("intent") or {}).get("name") if len(users) > 1 else ""


class ActionFallback(Action):
    def name(self) -> Text:
        return "action_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        handled = in_words(dispatcher, tracker)
        if handled is not None:
            return handled
        if tracker.active_loop_name in FORMS_WITHOUT_FACTS:
            # The contact or status form asks its question again next; the
            # assessment is not started behind it (pool 56: asked for consent,
            # "let's look at the patient's case first" got "who are you?" and the
            # consent question together). From the consent question, the check is
            # one click away.
            buttons = [{"title": INTENT_TITLES["start_assessment"], "payload": "/start_assessment"}] \
                if tracker.get_slot("requested_slot") == "contact_consent" else []
            dispatch(dispatcher, [Message(text="Sorry, I'm not sure I understood.", buttons=buttons)])
            return []
        kb, settings = context()
        state, read = read_message(tracker)
        if state.get("turn_facts") or state.get("requested_slot"):
            return respond(dispatcher, assessment_turn(state, kb, settings), read)
        if _previous_intent(tracker) == "nlu_fallback":
            dispatcher.utter_message(text="I'm sorry, I still couldn't understand. A person can help you instead.")
            dispatch(dispatcher, safety.human_contact(settings, kb, state.get("role"), state.get("pathway")))
            return slot_events(read)
        ranking = [i for i in tracker.latest_message.get("intent_ranking", []) if i.get("name") != "nlu_fallback"]
        buttons = [{"title": INTENT_TITLES[i["name"]], "payload": f"/{i['name']}"}
                   for i in ranking[:2] if i.get("name") in INTENT_TITLES]
        if not state.get("pathway") and all(b["payload"] != "/start_assessment" for b in buttons):
            # What the assistant is for stays one click away ("Wie funktioniert ein
            # Härtefallprogramm?", development pool 18, got two other guesses).
            buttons.insert(0, {"title": INTENT_TITLES["start_assessment"], "payload": "/start_assessment"})
        buttons.append({"title": "Something else", "payload": "/out_of_scope"})
        dispatch(dispatcher, [Message(text="Sorry, I'm not sure I understood. Did you mean one of these?", buttons=buttons)])
        return slot_events(read)
