"""Questions about the schemes and the programme, answered from the
knowledge base."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import context, dispatch, read_message, slot_events
from bot.answers import answer_question


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        _, read = read_message(tracker)  # "what is AAC? she's treated in Lyon" also gives a fact
        text = tracker.latest_message.get("text") or ""
        dispatch(dispatcher, answer_question(text, kb, settings, tracker.get_slot("pathway")))
        return slot_events(read)
