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


class _FakeReader:
    """The harm reader's port: a fixed probability per text (else 0)."""

    def __init__(self, probabilities):
        self.probabilities = probabilities

    def probability(self, text):
        return self.probabilities.get(text, 0.0)


def _with_reader(probabilities, **config):
    return HarmDetector({**HarmDetector.get_default_config(), "overrule_always": ["hypothetical"], **config},
                        reader=_FakeReader(probabilities))


def _intent_after(text, probability, intent, confidence=0.9, **config):
    """The intent once the component has read `text`, the reader giving `probability`."""
    message = _message(text, intent, confidence)
    _with_reader({text: probability}, **config).process([message])
    return _parse(message)["intent"]["name"]


def test_the_reader_alone_is_enough_for_a_report():
    text = "Things have not been great since the second infusion."
    detector = _with_reader({text: 0.9})
    message = _message(text, "inform", 0.8)
    detector.process([message])
    parsed = _parse(message)
    assert parsed["intent"] == {"name": "report_adverse_event", "confidence": 1.0}
    assert parsed["harm_detector"]["action"] == "set_report_adverse_event_by_reader"
    assert parsed["harm_detector"]["reader"] == 0.9 and parsed["harm_detector"]["reader_found"] is True


def test_the_detector_alone_is_enough_whatever_the_reader_says():
    detector = _with_reader({})
    message = _message("She died last week while on your ZX-301 tablets.", "ask_info")
    detector.process([message])
    assert _parse(message)["intent"]["name"] == "report_adverse_event"
    assert _parse(message)["harm_detector"]["reader"] == 0.0 and _parse(message)["harm_detector"]["reader_found"] is False


def test_the_classifiers_report_reading_alone_is_set_aside_when_neither_reader_agrees():
    text = "Is weight loss a known side effect of it?"
    ranking = [{"name": "report_adverse_event", "confidence": 0.97}, {"name": "ask_efficacy_safety", "confidence": 0.6}]
    detector = _with_reader({text: 0.1})
    message = _message(text, "report_adverse_event", 0.97, ranking)
    detector.process([message])
    parsed = _parse(message)
    assert parsed["intent"] == {"name": "ask_efficacy_safety", "confidence": 0.6}
    assert parsed["harm_detector"]["action"] == "overruled_report_adverse_event"
    assert "no_reader_found_a_report" in parsed["harm_detector"]["reasons"]
    # ... and kept when the reader agrees
    agreeing = _with_reader({text: 0.5})
    kept = _message(text, "report_adverse_event", 0.97, ranking)
    agreeing.process([kept])
    assert _parse(kept)["intent"]["name"] == "report_adverse_event" and _parse(kept)["harm_detector"]["action"] is None


def test_the_threshold_decides_what_the_reader_calls_a_report():
    text = "Something is off with her since the switch."
    assert _intent_after(text, 0.39, "inform", reader_threshold=0.4) == "inform"
    assert _intent_after(text, 0.4, "inform", reader_threshold=0.4) == "report_adverse_event"


def test_a_supposition_is_no_report_even_when_the_reader_thinks_so():
    assert _intent_after("What would happen if he got a rash on ZX-301?", 0.95, "ask_efficacy_safety", 0.7) \
        == "ask_efficacy_safety"


def test_an_urgent_emergency_stays_an_emergency_with_the_reader():
    assert _intent_after("He is dying, we need the drug today.", 0.8, "emergency") == "emergency"


def test_the_reader_is_trained_with_the_model_and_loaded_from_it(tmp_path):
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData

    examples = tmp_path / "harm_examples.yml"
    examples.write_text(
        "reports:\n- she died two days after the first dose of your drug\n- admitted with liver failure on your tablets\n"
        "- the vial from your programme had particles in it\n"
        "non_reports:\n- what are the side effects of it\n- no problems at all on it so far\n- how do I apply in France\n",
        encoding="utf-8",
    )
    config = {**HarmDetector.get_default_config(), "reader_examples": str(examples)}
    (tmp_path / "storage").mkdir()
    storage = LocalModelStorage(tmp_path / "storage")
    resource = Resource("harm_detector")
    context = ExecutionContext(GraphSchema({}), "test")
    nlu = TrainingData([Message(data={"text": "I want to report a side effect", "intent": "report_adverse_event"}),
                        Message(data={"text": "yes please", "intent": "affirm"}),
                        Message(data={"text": "he is not breathing", "intent": "emergency"})])
    HarmDetector.create(config, storage, resource, context).train(nlu)
    loaded = HarmDetector.load(config, storage, resource, context)
    assert loaded.reader is not None
    died = loaded.reader.probability("she died after the first dose of your drug")
    asked = loaded.reader.probability("how do I apply in France")
    assert died > asked


def test_a_change_to_the_readers_examples_changes_the_fingerprint(tmp_path):
    examples = tmp_path / "harm_examples.yml"
    examples.write_text("reports:\n- a\nnon_reports:\n- b\n", encoding="utf-8")
    config = {"reader": True, "reader_examples": str(examples)}
    before = HarmDetector.fingerprint_addon(config)
    examples.write_text("reports:\n- a\nnon_reports:\n- c\n", encoding="utf-8")
    assert HarmDetector.fingerprint_addon(config) != before


def test_a_short_answer_without_a_harm_word_is_not_the_readers_to_call():
    assert _intent_after("bang on", 0.97, "affirm") == "affirm"
    assert _intent_after("in the United Kingdom", 0.6, "inform") == "inform"


def test_a_wish_to_report_keeps_the_classifiers_report_reading():
    text = "I have to declare a serious side effect that occurred in Austria"
    detector = _with_reader({text: 0.1})
    message = _message(text, "report_adverse_event", 0.9)
    detector.process([message])
    assert _parse(message)["intent"]["name"] == "report_adverse_event"
    assert _parse(message)["harm_detector"]["action"] == "kept_wish_to_report"


@pytest.mark.parametrize("text", ["Nothing to report on the safety side, we only need the next delivery.",
                                  "There are no side effects to report for this patient this quarter.",
                                  "Her rash on the other firm's antibody was reported to that firm already."])
def test_nothing_to_report_or_reported_elsewhere_is_no_wish_to_report(text):
    assert _intent_after(text, 0.05, "report_adverse_event") != "report_adverse_event"


def test_an_emergency_reading_needs_a_word_of_harm_or_urgency_or_the_reader():
    # "Nee, geen studie mogelijk" (no, no trial possible) was read as an emergency
    assert _intent_after("Nee, geen studie mogelijk", 0.05, "emergency") == "nlu_fallback"
    assert _intent_after("we pray for her every evening", 0.1, "emergency") == "nlu_fallback"
    assert _intent_after("he is in intensive care, please hurry", 0.1, "emergency") == "emergency"
    assert _intent_after("dringend bitte", 0.1, "emergency") == "emergency"
    assert _intent_after("he collapsed after the infusion", 0.9, "emergency") in ("emergency", "report_adverse_event")
    assert _intent_after("something is badly wrong with him", 0.6, "emergency") == "emergency"
    # a harm of the past or of another product is no second word; a grave state today is
    assert _intent_after("anaphylaxis to penicillin as a child, is your drug safe for her?", 0.1,
                         "emergency") != "emergency"
    assert _intent_after("her kidneys are shutting down, we need this medicine", 0.1, "emergency") == "emergency"
