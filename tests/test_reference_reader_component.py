"""The NLU component that reads our request references exactly
(rasa_plugins/reference_reader.py), and the safety readers after it, on
Messages built by hand: no trained model."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.handoff.requests import new_reference
from rasa_plugins.harm_detector import HarmDetector
from rasa_plugins.reference_reader import ReferenceReader


def _message(text, intent, confidence=0.9):
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence}, add_to_output=True)
    message.set("intent_ranking", [{"name": intent, "confidence": confidence}], add_to_output=True)
    return message


def _read(text, intent, confidence=0.9):
    # In config.yml's order: the reference reader, then the safety readers.
    message = _message(text, intent, confidence)
    ReferenceReader().process([message])
    HarmDetector({**HarmDetector.get_default_config(), "reader": False}).process([message])
    return message.as_dict(only_output_properties=True)


@pytest.mark.parametrize("text, intent", [
    # What the classifier made of real references before (the end-to-end
    # status test failed on MA-NM55-N39C, read as a wish for a person).
    ("status of MA-NM55-N39C please", "human_handoff"),
    ("status of MA-FF8B-48KM please", "inform"),
    ("status of MA-587R-RD49 please", "nlu_fallback"),
    ("any news on ma-7k3q-x9pd?", "greet"),
])
def test_a_message_quoting_a_reference_asks_about_that_request(text, intent):
    parsed = _read(text, intent, 0.46)
    assert parsed["intent"] == {"name": "check_status", "confidence": 1.0}
    assert parsed["intent_ranking"][0]["name"] == "check_status"
    assert parsed["reference_reader"]["original_intent"] == intent


def test_random_letters_of_a_reference_are_not_read_as_harm():
    # "MA-7K8J-PZ98": "K 8" and "PZ98" once made a reaction to a product.
    parsed = _read("status of MA-7K8J-PZ98 please", "check_status", 0.96)
    assert parsed["intent"]["name"] == "check_status"
    assert parsed["harm_detector"]["finding"] is None
    for _ in range(300):
        assert _read(f"what's the status of {new_reference()}?", "check_status")["intent"]["name"] == "check_status"


@pytest.mark.parametrize("text", [
    "MA-7K3Q-X9PD: the patient died on Sunday while on your tablets",
    "about request MA-7K3Q-X9PD, she was hospitalised after the second infusion of your product",
])
def test_a_report_made_while_quoting_a_reference_is_still_a_report(text):
    assert _read(text, "check_status")["intent"]["name"] == "report_adverse_event"
    assert _read(text, "report_adverse_event")["intent"]["name"] == "report_adverse_event"


def test_an_emergency_quoting_a_reference_stays_an_emergency():
    assert _read("MA-7K3Q-X9PD he is deteriorating fast, we need the drug today", "emergency", 0.95)[
        "intent"]["name"] == "emergency"


@pytest.mark.parametrize("text", ["we're in Manchester", "ma patiente est à Lyon", "management said no",
                                  "the MA for her product lapsed", "/check_status"])
def test_words_shaped_like_a_reference_are_not_one(text):
    parsed = _read(text, "inform")
    assert parsed["intent"]["name"] == "inform" and "reference_reader" not in parsed


def _ranked(text, ranking):
    message = Message(data={"text": text})
    message.set("intent", {"name": ranking[0][0], "confidence": ranking[0][1]}, add_to_output=True)
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking], add_to_output=True)
    ReferenceReader().process([message])
    return message.as_dict(only_output_properties=True)["intent"]


def test_a_status_reading_without_a_reference_or_a_request_gives_way():
    # Development pool 14: "Sì, già trattato con questo prodotto" opened the status lookup
    assert _ranked("Sì, già trattato con questo prodotto", [("check_status", 0.6), ("affirm", 0.5)])["name"] == "affirm"
    assert _ranked("impasse thérapeutique", [("check_status", 0.7), ("inform", 0.2)])["name"] == "nlu_fallback"


@pytest.mark.parametrize("text", ["any news on my application?", "où en est ma demande ?", "Stand meines Antrags?",
                                  "has the team looked at it yet? I sent it Monday", "status update"])
def test_a_status_question_without_a_reference_stays_one(text):
    assert _ranked(text, [("check_status", 0.8), ("inform", 0.1)])["name"] == "check_status"


@pytest.mark.parametrize("text", ["I need some help with an access request",
                                  "Can you help me with a compassionate use request for a patient?",
                                  "j'ai besoin d'aide pour une demande d'accès précoce"])
def test_a_new_request_is_no_status_question(text):
    # Development pool 62: "I need some help with an access request" opened the status lookup
    # ("what is the reference of the request?") for someone who had none.
    assert _ranked(text, [("check_status", 0.7), ("start_assessment", 0.2)])["name"] != "check_status"


@pytest.mark.parametrize("text", ["I have a question about the request I made", "o meu pedido já foi visto?",
                                  "Mi solicitud, ¿la han recibido?", "look up my request"])
def test_a_request_named_as_one_that_exists_keeps_the_status_reading(text):
    assert _ranked(text, [("check_status", 0.8), ("inform", 0.1)])["name"] == "check_status"
