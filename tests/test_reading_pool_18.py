"""What development pool 18 showed, in phrasings written for these tests:
"tried everything available" is exhausted, "nobody has approved it" is no
approval, and a fallback before any assessment keeps the way to check a patient."""
import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionFallback
from bot.authorisation import read_authorisation
from bot.understanding import interpret


def test_everything_available_tried_is_exhausted_and_treatments_still_available_are_not():
    assert interpret("he has tried everything available", "inform", [], "alternatives_exhausted", {}
                     ).facts["alternatives_exhausted"] is True
    assert interpret("no, other treatments are still available", "inform", [], "alternatives_exhausted", {}
                     ).facts["alternatives_exhausted"] is False


def test_nobody_has_approved_it():
    assert read_authorisation("investigational, no one has approved it here", answering=True) == "not_authorised"


def test_a_fallback_before_any_assessment_offers_to_check_a_patient():
    tracker = Tracker(sender_id="c", slots={}, latest_message={
        "text": "Wie funktioniert das eigentlich?", "intent": {"name": "nlu_fallback"}, "entities": [],
        "intent_ranking": [{"name": "nlu_fallback"}, {"name": "ask_info"}, {"name": "what_can_you_do"}]},
        events=[{"event": "user", "text": "Wie funktioniert das eigentlich?",
                 "parse_data": {"intent": {"name": "nlu_fallback"}}}],
        paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionFallback().run(dispatcher, tracker, {}))
    payloads = [b["payload"] for m in dispatcher.messages for b in m.get("buttons") or []]
    assert payloads[0] == "/start_assessment" and "/ask_info" in payloads
