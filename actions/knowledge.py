"""Questions about the schemes and the programme, answered from the
knowledge base: a precise question gets the facet it asks for, a wrong
premise its correction first, a general question the scheme's summary
(bot/answers.py)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import context, dispatch, latest, read_message, respond, slot_events
from bot.answers import answer_question, answered_in_words, opens_assessment
from bot.conversation import assessment_turn, resume_turn
from bot.understanding import asks_something, yes_or_no


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb, settings = context()
        state, read = read_message(tracker)  # "what is AAC? she's treated in Lyon" also gives a fact
        text, _ = latest(tracker)
        if state.get("requested_slot") in read and not asks_something(text):
            # "she isn't enrolled in anything" answers the open question, even
            # if classified as a question: action_resume goes on with it.
            return slot_events(read)
        if state.get("requested_slot") == "contact_consent" and not asks_something(text):
            # "yes, I agree" to the consent question, whatever the classifier
            # said: the handoff form validates the slot set here. (Only the
            # consent: other contact answers must not reach the tracker raw.)
            said = yes_or_no(text)
            if said is not None:
                return [SlotSet("contact_consent", said)]
        if not tracker.get_slot("pathway") and opens_assessment(text, read, kb):
            return slot_events(read)  # action_resume goes on with the assessment
        # The scheme of the outcome answers "how long is it valid?"; the role
        # says who "I" is in "I'll file it myself".
        messages = answer_question(text, kb, settings, tracker.get_slot("pathway"), state.get("role"))
        dispatch(dispatcher, messages)
        return slot_events(read)



def question_in_words(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[Dict[Text, Any]]]:
    """'Who pays for the medicine under an AAC?' classified as an answer, a
    goodbye or a fallback: answered all the same, then the open question is
    asked again. None when the message is no such question, answers the
    open question, or opens the assessment."""
    text, intent = latest(tracker)
    if tracker.active_loop_name or text.startswith("/"):
        return None
    kb, settings = context()
    if not answered_in_words(text, intent, kb):
        return None
    state, read = read_message(tracker)
    if state.get("requested_slot") in read or (not tracker.get_slot("pathway") and opens_assessment(text, read, kb)):
        return None
    dispatch(dispatcher, answer_question(text, kb, settings, tracker.get_slot("pathway"), state.get("role")))
    # "I'm a cardiologist in Lyon, we'd file an AAC for this stent, right?": the facts go on with the assessment
    turn = assessment_turn(state, kb, settings) if state.get("turn_facts") else resume_turn(state, offer=True)
    return respond(dispatcher, turn, read)
