"""The NLU component that runs the second safety detector on every message
(rasa_plugins/harm_detector.py), on Messages built by hand: no trained model."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from rasa_plugins.harm_detector import HarmDetector


def _message(text, intent, confidence=0.9, ranking=None):
    """A message as the classifiers leave it (they add their output properties)."""
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence}, add_to_output=True)
    message.set("intent_ranking", ranking or [{"name": intent, "confidence": confidence}], add_to_output=True)
    return message


@pytest.fixture(scope="module")
def component():
    return HarmDetector({**HarmDetector.get_default_config()})


def _parse(message):
    return message.as_dict(only_output_properties=True)


@pytest.mark.parametrize("intent", ["start_assessment", "inform", "nlu_fallback", "emergency", "contact_details"])
def test_a_report_of_harm_becomes_report_adverse_event_whatever_the_classifier_said(component, intent):
    message = _message("She died last week while on your ZX-301 tablets.", intent)
    component.process([message])
    parsed = _parse(message)
    assert parsed["intent"] == {"name": "report_adverse_event", "confidence": 1.0}
    assert parsed["intent_ranking"][0]["name"] == "report_adverse_event"
    record = parsed["harm_detector"]
    assert record["original_intent"] == intent and record["action"] == "set_report_adverse_event"
    assert record["finding"]["category"] == "death" and record["finding"]["serious"]


def test_a_report_the_classifier_already_found_is_kept_and_annotated(component):
    message = _message("I've had a rash since starting your capsules.", "report_adverse_event", 0.97)
    component.process([message])
    parsed = _parse(message)
    assert parsed["intent"] == {"name": "report_adverse_event", "confidence": 0.97}
    assert parsed["harm_detector"]["action"] is None and parsed["harm_detector"]["finding"]["category"] == "reaction"


def test_an_ordinary_message_is_left_as_the_classifier_read_it(component):
    message = _message("How do I apply for compassionate use in France?", "ask_info")
    component.process([message])
    parsed = _parse(message)
    assert parsed["intent"]["name"] == "ask_info"
    assert parsed["harm_detector"] == {"original_intent": "ask_info", "finding": None, "action": None}


def test_the_classifier_is_overruled_only_on_the_detectors_explicit_word(component):
    ranking = [{"name": "report_adverse_event", "confidence": 0.8}, {"name": "inform", "confidence": 0.15}]
    past = _message("She had a rash on methotrexate last year.", "report_adverse_event", 0.8, ranking)
    component.process([past])
    # The next reading is below the fallback threshold: nlu_fallback.
    assert _parse(past)["intent"]["name"] == "nlu_fallback"
    assert _parse(past)["harm_detector"]["action"] == "overruled_report_adverse_event"

    ranking = [{"name": "report_adverse_event", "confidence": 0.4}, {"name": "inform", "confidence": 0.55}]
    negated = _message("No side effects at all so far on ZX-301.", "report_adverse_event", 0.4, ranking)
    component.process([negated])
    assert _parse(negated)["intent"] == {"name": "inform", "confidence": 0.55}

    # No product named: the detector has no verdict, the classifier's reading stands.
    unknown = _message("My husband got a rash yesterday.", "report_adverse_event", 0.9)
    component.process([unknown])
    assert _parse(unknown)["intent"]["name"] == "report_adverse_event"


def test_an_emergency_reading_is_kept_unless_all_is_said_to_be_well(component):
    urgent = _message("He is dying, we need the drug today.", "emergency")
    component.process([urgent])
    assert _parse(urgent)["intent"]["name"] == "emergency"

    ranking = [{"name": "emergency", "confidence": 0.5}, {"name": "inform", "confidence": 0.48}]
    well = _message("Labs normal at week 8 on ZX-301, no toxicity.", "emergency", 0.5, ranking)
    component.process([well])
    assert _parse(well)["intent"]["name"] == "inform"


def test_the_overrule_can_be_switched_off(component):
    off = HarmDetector({**HarmDetector.get_default_config(), "overrule": False})
    message = _message("No side effects at all so far on ZX-301.", "report_adverse_event")
    off.process([message])
    assert _parse(message)["intent"]["name"] == "report_adverse_event"


def test_button_payloads_are_not_read(component):
    message = _message("/start_assessment", "start_assessment")
    component.process([message])
    assert "harm_detector" not in _parse(message)


def test_the_overrule_is_narrowed_to_the_configured_reasons_and_confidence():
    narrow = HarmDetector({**HarmDetector.get_default_config(), "overrule_reasons": ["negated"], "overrule_below": 0.99})
    ranking = [{"name": "report_adverse_event", "confidence": 0.9}, {"name": "inform", "confidence": 0.6}]
    negated = _message("No side effects at all so far on ZX-301.", "report_adverse_event", 0.9, ranking)
    narrow.process([negated])
    assert _parse(negated)["intent"]["name"] == "inform"
    # another product is not among the reasons: the classifier's reading stands
    other = _message("She had a rash on methotrexate last year.", "report_adverse_event", 0.9, ranking)
    narrow.process([other])
    assert _parse(other)["intent"]["name"] == "report_adverse_event"
    # a classifier this sure is never overruled
    sure = _message("No side effects at all so far on ZX-301.", "report_adverse_event", 0.995, ranking)
    narrow.process([sure])
    assert _parse(sure)["intent"]["name"] == "report_adverse_event"


def test_a_reason_listed_as_always_overrules_a_classifier_however_sure():
    always = HarmDetector({**HarmDetector.get_default_config(), "overrule_reasons": ["negated"],
                           "overrule_below": 0.99, "overrule_always": ["hypothetical"]})
    ranking = [{"name": "report_adverse_event", "confidence": 0.999}, {"name": "ask_efficacy_safety", "confidence": 0.6}]
    supposed = _message("What would happen if he got a rash on ZX-301?", "report_adverse_event", 0.999,
                        ranking)
    always.process([supposed])
    assert _parse(supposed)["intent"]["name"] == "ask_efficacy_safety"
    # a real report is never set aside, however the list is set
    report = _message("She had a seizure on ZX-301 last night.", "report_adverse_event", 0.999, ranking)
    always.process([report])
    assert _parse(report)["intent"]["name"] == "report_adverse_event"
