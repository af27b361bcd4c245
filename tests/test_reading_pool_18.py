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


def test_a_named_hospital_wins_over_a_first_name_that_is_also_a_town():
    # Léo is a town in Burkina Faso; the child is treated at the hôpital Necker (Paris).
    text = ("Bonjour, je suis le papa de Léo, 9 ans, suivi à l'hôpital Necker. Léo n'a jamais reçu ce "
            "médicament.")
    assert interpret(text, "inform", [], None, {}).facts["country"] == "FR"


def test_a_place_after_an_elided_article_is_found():
    assert interpret("elle est suivie à l'Institut Curie", "inform", [], None, {}).facts["country"] == "FR"


def test_not_in_this_study_says_nothing_of_another_use():
    assert read_authorisation("pas de marquage CE. Elle n'est pas dans cette étude.") == "not_authorised"
    assert read_authorisation("il a l'AMM, mais pas dans cette indication") == "authorised_other_indication"


def test_a_sentence_that_says_not_life_threatening_but_disabling_is_not_read_as_mild():
    for text in ("her condition isnt life threatening but it's ruining her life, she can't work",
                 "It is not life-threatening, but he can no longer walk."):
        assert interpret(text, "inform", [], None, {}).facts.get("serious_condition") is not False
    assert interpret("not life-threatening and she works full time", "inform", [], None, {}
                     ).facts["serious_condition"] is False


def test_the_portuguese_no_of_in_the_is_no_negation():
    text = "ainda não está em nenhum estudo, mas há um ensaio aberto no qual pode entrar"
    assert interpret(text, "inform", [], None, {}).facts["trial_available"] is True
    assert interpret("no trial he could join", "inform", [], None, {}).facts["trial_available"] is False
