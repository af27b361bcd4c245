"""The assessment: asking the next question or giving the outcome from the
facts read in each message (actions/common.read_message), and starting over."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import assessment_if_answered, context, dispatch, latest, nothing_started, read_message, respond, slot_events, state_of
from actions.handoff import handoff_in_words
from actions.knowledge import question_in_words
from bot.answers import premise_corrections
from bot.conversation import NO_PROBLEM, assessment_turn, reset_slots, resume_turn
from bot.render import Message
from bot.understanding import asks_something, asks_to_start_over, says_no


class ActionAssess(Action):
    def name(self) -> Text:
        return "action_assess"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        handoff = handoff_in_words(dispatcher, tracker)
        if handoff is not None:
            return handoff
        question = question_in_words(dispatcher, tracker)
        if question is not None:
            return question
        kb, settings = context()
        before = state_of(tracker)
        state, read = read_message(tracker, before)
        text, intent = latest(tracker)
        if intent == "deny" and nothing_started(before) and not state.get("turn_facts") and says_no(text):
            dispatcher.utter_message(text=NO_PROBLEM)
            return slot_events(read)
        # "We'd file an AAC for this non-CE-marked stent": the wrong premise is
        # corrected before the assessment goes on with the facts it states.
        dispatch(dispatcher, premise_corrections(text, kb, settings, tracker.get_slot("pathway"), state.get("role")))
        turn = assessment_turn(state, kb, settings)
        return respond(dispatcher, turn, read)


class ActionResume(Action):
    """After a side question, ask the open question again; or, when the
    message also gave facts about the patient or the writer ("hi, I'm a GP
    in Leeds"), go on with them: that starts the assessment if none is under way."""

    def name(self) -> Text:
        return "action_resume"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return _resume_after(dispatcher, tracker)


def in_words(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[Dict[Text, Any]]]:
    """A handoff asked in words, else a precise question asked in words, wins
    over whatever intent the classifier gave the message; None when neither."""
    handoff = handoff_in_words(dispatcher, tracker)
    if handoff is not None:
        return handoff
    return question_in_words(dispatcher, tracker)


def _resume_after(dispatcher: CollectingDispatcher, tracker: Tracker,
                  read: Optional[Dict[str, Any]] = None) -> List[Dict[Text, Any]]:
    """What follows a side remark's own response: a handoff or a question in
    words, else the open question or the assessment with the message's facts
    (`read`: what reading the message already set, so it is read once)."""
    handled = in_words(dispatcher, tracker)
    if handled is not None:
        return handled
    state, read = read_message(tracker) if read is None else ({**state_of(tracker), **read}, read)
    return resume(dispatcher, state, read, offer=_offer_after(tracker))


def _offer_after(tracker: Tracker) -> bool:
    """Whether the assessment is offered after the side remark's response: for
    a question about the programme or the assistant, also when the safety
    readers made it a report ("I'd like some info on early access
    programmes", blind pool 39: the reporting guidance, then nothing to
    answer). What the intent classifier said is kept under harm_detector."""
    intent = latest(tracker)[1]
    said = ((tracker.latest_message or {}).get("harm_detector") or {}).get("original_intent")
    return intent in OFFER_AFTER or (intent == "report_adverse_event" and said in OFFER_AFTER)


def _remark_unless_answered(dispatcher: CollectingDispatcher, tracker: Tracker, response: str) -> List[Dict[Text, Any]]:
    """A small-talk response, then as after any side remark; but a message
    that answers the open question goes on with the assessment, unanswered."""
    answered, read = assessment_if_answered(dispatcher, tracker)
    if answered is not None:
        return answered
    dispatcher.utter_message(response=response)
    return _resume_after(dispatcher, tracker, read)


class ActionGreet(Action):
    """The greeting, then as after any side remark; unless the message
    answers the open question: "Aalborg", "ROI" and "Denamrk" were classified
    as greetings, read all the same, and still got the greeting first
    (development pool 26)."""

    def name(self) -> Text:
        return "action_greet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return _remark_unless_answered(dispatcher, tracker, "utter_greet")


class ActionThanks(Action):
    """"You're welcome", then as after any side remark; unless the message
    answers the open question: the Polish "tak" (yes) is the Danish and
    Norwegian "thanks", and "tak, otrzymywał" (yes, he has had it) was
    thanked for and left unread (pool 33)."""

    def name(self) -> Text:
        return "action_thanks"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return _remark_unless_answered(dispatcher, tracker, "utter_youarewelcome")


# After answering these, with no assessment under way, the assessment is offered
# (the greeting and "what can you do?" offer it themselves; a report of harm gets
# its guidance alone).
OFFER_AFTER = frozenset({"ask_info", "bot_challenge", "ask_medical_advice", "ask_efficacy_safety", "out_of_scope"})


def resume(dispatcher: CollectingDispatcher, state: Dict[str, Any], read: Dict[str, Any], offer: bool = False
            ) -> List[SlotSet]:
    """The open question again, or the assessment with the facts the message gave."""
    if state.get("turn_facts"):
        kb, settings = context()
        return respond(dispatcher, assessment_turn(state, kb, settings), read)
    return respond(dispatcher, resume_turn(state, offer=offer), read)


def _answer_or_question(dispatcher: CollectingDispatcher, tracker: Tracker, or_states_facts: bool = False
                        ) -> Tuple[Optional[List[Dict[Text, Any]]], Dict[str, Any]]:
    """A message the classifier took for small talk that answers the open
    question (or states facts, with `or_states_facts`) goes on with the
    assessment; one that asks a precise question gets its answer. Else
    (None, what reading it set)."""
    answered, read = assessment_if_answered(dispatcher, tracker, or_states_facts=or_states_facts)
    if answered is not None:
        return answered, read
    return question_in_words(dispatcher, tracker), read


class ActionOutOfScope(Action):
    """Outside what the assistant does, unless the message answers the open
    question: "Chicago" and "authorised for something else" were classified
    as out of scope, read all the same, and still got the apology first."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        handled, read = _answer_or_question(dispatcher, tracker)
        if handled is not None:
            return handled
        dispatcher.utter_message(response="utter_out_of_scope")
        handoff = handoff_in_words(dispatcher, tracker)
        if handoff is not None:
            return handoff
        # The message is read once: what reading it set is the state to resume from.
        return resume(dispatcher, {**state_of(tracker), **read}, read, offer=True)


class ActionRestartAssessment(Action):
    """Clear the patient's facts (the user's role stays) and start again with
    what the message itself says ("start over, this patient is in Spain")."""

    def name(self) -> Text:
        return "action_restart_assessment"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        # "authorised for another use", classified as starting over, answers the open question
        if not asks_to_start_over(latest(tracker)[0]):
            answered, _ = assessment_if_answered(dispatcher, tracker)
            if answered is not None:
                return answered
        kb, settings = context()
        cleared = reset_slots()
        state, read = read_message(tracker, {**state_of(tracker), **cleared})
        turn = assessment_turn(state, kb, settings)
        dispatch(dispatcher, [Message(text="Let's start again with a new assessment.")] + turn.messages)
        return slot_events({**cleared, **read, **turn.slots})


def _first_message(tracker: Tracker) -> bool:
    """Nothing said or asked before this message."""
    return sum(event.get("event") == "user" for event in tracker.events) <= 1 and nothing_started(state_of(tracker))


class ActionGoodbye(Action):
    """A goodbye closes the exchange, unless the message answers the open
    question: short answers ("eye drops", "Boston, MA") have been classified
    as goodbyes and must not end an assessment."""

    def name(self) -> Text:
        return "action_goodbye"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        handled, read = _answer_or_question(dispatcher, tracker, or_states_facts=True)
        if handled is not None:
            return handled
        if asks_something(latest(tracker)[0]):
            # "Ciao, come funziona?": a hello that asks, not a goodbye (development pool 29)
            dispatcher.utter_message(response="utter_what_i_can_do")
            return slot_events(read)
        if _first_message(tracker):
            # "Ciao!" as the first message is a hello (pool 37: twelve conversations
            # ended before they began)
            return _remark_unless_answered(dispatcher, tracker, "utter_greet")
        dispatcher.utter_message(response="utter_goodbye")
        return slot_events(read)
