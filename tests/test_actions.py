"""Actions on built trackers: the events they return and what they say."""
import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import ActionAssess, ActionRestartAssessment, ActionResume
from actions.common import context
from actions.handoff import ActionHumanHandoff
from actions.knowledge import ActionAnswerQuestion
from actions.safety import ActionAdverseEvent, ActionEmergency, ActionGuardrailAdvice


def tracker(slots=None, text="", intent="inform", entities=None, events=None, active_loop=None):
    return Tracker(
        sender_id="test",
        slots=slots or {},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": entities or []},
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def run(action, t):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


FR_AAC_READY = {
    "role": "physician", "country": "FR", "product_type": "medicine", "authorisation": "not_authorised",
    "in_development": False, "in_company_trial": False, "trial_available": False, "serious_condition": True,
    "alternatives_exhausted": True, "previously_treated": False,
}


def country_entity(text, name):
    start = text.index(name)
    return [{"entity": "country", "value": name, "start": start, "end": start + len(name)}]


def test_assess_reads_the_contract_facts_in_the_message_then_asks_the_next_question():
    text = "I'm an oncologist in a French hospital, it's life-threatening"
    messages, slots = run(ActionAssess(), tracker(text=text, entities=country_entity(text, "French")))
    assert slots["role"] == "physician" and slots["country"] == "FR" and slots["serious_condition"] is True
    assert set(slots["turn_facts"]) == {"role", "country", "serious_condition"}
    assert "corrected" not in slots and "unknown_facts" not in slots  # unchanged slots make no events
    assert slots["requested_slot"] == "product_type" and "medicine" in messages[-1]["text"].lower()


def test_assess_corrects_a_wrong_premise_before_going_on():
    # Issue 11: "we'd file an AAC for this non-CE-marked stent" starts the
    # assessment, but a device never goes through an AAC: that comes first.
    text = "I'm a cardiologist in Lyon, we'd file an AAC for this non-CE-marked stent, right?"
    messages, slots = run(ActionAssess(), tracker(text=text))
    assert slots["role"] == "physician" and slots["country"] == "FR" and slots["product_type"] == "medical_device"
    first = messages[0]["text"].lower()
    assert "derogation" in first and "ansm" in first, first
    assert "requested_slot" in slots or any("custom" in m and m["custom"] for m in messages)


def test_assess_makes_no_correction_without_a_wrong_premise():
    text = "I'm a cardiologist in Lyon, my patient needs a stent that has no CE marking"
    messages, _ = run(ActionAssess(), tracker(text=text))
    assert not any("derogation" in (m.get("text") or "").lower() for m in messages[:-1]), messages


def test_assess_marks_and_acknowledges_a_correction():
    text = "sorry, the patient is treated in Belgium"
    messages, slots = run(ActionAssess(), tracker({"role": "physician", "country": "FR"}, text, entities=country_entity(text, "Belgium")))
    assert slots["country"] == "BE" and slots["corrected"] == ["country"]
    assert messages[0]["text"].startswith("Noted, I've updated the country where the patient is treated: Belgium")


def test_assess_asks_the_next_question_and_sets_requested_slot():
    messages, slots = run(ActionAssess(), tracker({"role": "physician"}))
    assert slots == {"requested_slot": "country"}  # an empty message changes no fact
    assert "country" in messages[-1]["text"] and messages[-1]["buttons"]


def test_assess_gives_one_outcome_message_with_the_contract_payload():
    messages, slots = run(ActionAssess(), tracker({**FR_AAC_READY, "requested_slot": "previously_treated", "turn_facts": ["previously_treated"]}))
    assert slots["pathway"] == "FR_AAC" and slots["requested_slot"] is None
    customs = [m["custom"] for m in messages if m.get("custom")]
    assert len(customs) == 1
    payload = customs[0]["pathway"]
    assert payload["scheme"] == "FR_AAC" and payload["filer"] == "hospital_prescriber"
    assert payload["authority"] == "ANSM" and payload["channel"] == "e-Saturne"
    assert any("ansm.sante.fr" in s["url"] for s in payload["sources"])
    assert messages[-1]["buttons"][0]["payload"] == "/human_handoff"


def test_assess_for_an_advocate_says_the_physician_files():
    messages, _ = run(ActionAssess(), tracker({**FR_AAC_READY, "role": "patient_advocate"}))
    payload = [m["custom"] for m in messages if m.get("custom")][0]["pathway"]
    assert payload["next_steps"][0].startswith("Only the patient's treating physician")


def test_assess_first_gives_the_emergency_route():
    messages, slots = run(ActionAssess(), tracker({"role": "physician", "emergency": True}))
    assert context()[1].urgent_contact in messages[0]["text"]
    assert slots["emergency_notified"] is True and slots["requested_slot"] == "country"


def test_assess_after_no_with_nothing_started():
    messages, slots = run(ActionAssess(), tracker({}, "no thanks", intent="deny"))
    assert "requested_slot" not in slots and "No problem" in messages[0]["text"]


def test_a_greeting_the_classifier_took_for_a_no_starts_the_assessment():
    # "hei, jeg lurer på noe" (hi, I'm wondering about something) says no
    # no, whatever the classifier read (development pool 42)
    messages, slots = run(ActionAssess(), tracker({}, "hei, jeg lurer på noe", intent="deny"))
    assert slots["requested_slot"] == "role" and not any("No problem" in m.get("text", "") for m in messages)


def test_resume_reasks_the_open_question():
    messages, _ = run(ActionResume(), tracker({"role": "physician", "requested_slot": "serious_condition"}))
    assert "life-threatening" in messages[-1]["text"]


def test_side_remarks_never_make_the_same_question_a_third_time_in_a_row():
    # Issue 11: "hello", "are you a bot?" while a question is open re-ask it,
    # and that counts: the second time it is put another way, the third time
    # it is not repeated but stays open.
    slots = {"role": "physician", "requested_slot": "serious_condition"}
    asked = []
    for _ in range(4):
        messages, events = run(ActionResume(), tracker(slots, "hello", intent="greet"))
        asked.append(messages[-1]["text"])
        slots = {**slots, **events}
    assert "life-threatening" in asked[0]
    assert asked[1] != asked[0] and messages[-1].get("buttons")
    assert asked[2] not in asked[:2] and "talk to a person" in asked[2]
    assert asked[3] == asked[0]  # the ladder starts again: never three in a row
    answered, events = run(ActionAssess(), tracker({**slots, "missed": 2}, "yes, it's life-threatening", intent="affirm"))
    assert events.get("serious_condition") is True and events.get("missed") == 0


def test_resume_says_nothing_without_open_question():
    messages, _ = run(ActionResume(), tracker({}))
    assert messages == []


def _read_as_a_report(text, classifier_said):
    t = tracker({}, text, intent="report_adverse_event")
    t.latest_message["harm_detector"] = {"original_intent": classifier_said, "finding": None}
    return t


def test_a_question_the_safety_readers_made_a_report_is_offered_the_assessment_after_the_guidance():
    messages, _ = run(ActionResume(), _read_as_a_report("I'd like some details about early access programmes", "ask_info"))
    assert messages and "check whether a particular patient" in messages[-1]["text"]


def test_a_report_the_classifier_read_as_one_is_offered_nothing_after_the_guidance():
    messages, _ = run(ActionResume(), _read_as_a_report("she died last night", "report_adverse_event"))
    assert messages == []


def test_restart_keeps_role_and_clears_the_patient():
    messages, slots = run(ActionRestartAssessment(), tracker({**FR_AAC_READY, "pathway": "FR_AAC", "outcome_key": "x"}))
    assert slots["country"] is None and slots["pathway"] is None and "role" not in slots
    assert slots["requested_slot"] == "country"


def test_answer_question_cites_sources():
    messages, _ = run(ActionAnswerQuestion(), tracker(text="what is an AAC?", intent="ask_info"))
    assert "ansm.sante.fr" in messages[0]["text"] and "reviewed" in messages[0]["text"]


def test_an_answer_to_the_open_question_classified_as_a_question_is_taken_as_the_answer():
    state = {"role": "physician", "country": "FR", "requested_slot": "in_company_trial"}
    messages, slots = run(ActionAnswerQuestion(), tracker(state, text="she isn't enrolled in anything", intent="ask_info"))
    assert messages == [] and slots["in_company_trial"] is False
    # a real question still gets its answer, and answers nothing
    messages, slots = run(ActionAnswerQuestion(), tracker(state, text="what is an AAC?", intent="ask_info"))
    assert messages and "in_company_trial" not in slots


def test_safety_actions_use_configured_contacts():
    from bot.config import settings

    s = settings()
    assert s.pharmacovigilance_contact in run(ActionAdverseEvent(), tracker())[0][0]["text"]
    assert s.medical_info_contact in run(ActionGuardrailAdvice(), tracker())[0][0]["text"]
    assert s.medical_info_contact in " ".join(m["text"] for m in run(ActionHumanHandoff(), tracker())[0])
    messages, slots = run(ActionEmergency(), tracker({"country": "FR"}))
    assert s.urgent_contact in messages[0]["text"] and slots["emergency"] is True


def test_a_goodbye_that_answers_the_open_question_goes_on_with_the_assessment():
    from actions.assessment import ActionGoodbye

    state = {"role": "physician", "country": "FR", "requested_slot": "product_type"}
    messages, slots = run(ActionGoodbye(), tracker(state, text="eye drops", intent="goodbye"))
    assert slots["product_type"] == "medicine" and slots["requested_slot"] == "authorisation"
    messages, slots = run(ActionGoodbye(), tracker(state, text="bye for now", intent="goodbye"))
    assert [m.get("response") for m in messages] == ["utter_goodbye"]
    assert "product_type" not in slots


def test_a_first_message_stating_facts_is_no_goodbye_though_it_opens_with_ciao():
    # Development pool 12: "Ciao, ..." was classified as a goodbye and ended the conversation.
    from actions.assessment import ActionGoodbye

    text = "Ciao, sono la paziente, mi curano a Firenze e la mia malattia è grave"
    messages, slots = run(ActionGoodbye(), tracker({}, text=text, intent="goodbye"))
    assert slots["country"] == "IT" and slots["role"] == "patient" and slots["serious_condition"] is True
    assert "utter_goodbye" not in [m.get("response") for m in messages] and slots["requested_slot"]
    # After the outcome a goodbye stays one, whatever it mentions.
    done = {**FR_AAC_READY, "pathway": "FR_AAC"}
    messages, _ = run(ActionGoodbye(), tracker(done, text="ciao, grazie, siamo in Francia", intent="goodbye"))
    assert [m.get("response") for m in messages] == ["utter_goodbye"]


def test_ciao_as_the_first_message_is_a_hello():
    # Pool 37: "Ciao!" opening a conversation was answered "Goodbye, and thank you".
    from actions.assessment import ActionGoodbye

    first = [{"event": "user", "text": "Ciao!"}]
    messages, _ = run(ActionGoodbye(), tracker({}, text="Ciao!", intent="goodbye", events=first))
    assert [m.get("response") for m in messages][:1] == ["utter_greet"]
    # later in the exchange, it is a goodbye
    later = [{"event": "user", "text": "what is an AAC?"}, {"event": "bot", "text": "..."}] + first
    messages, _ = run(ActionGoodbye(), tracker({}, text="Ciao!", intent="goodbye", events=later))
    assert [m.get("response") for m in messages] == ["utter_goodbye"]


def test_an_answer_classified_as_out_of_scope_gets_no_apology():
    # Development pool 12: "Chicago" was read (US) but answered "Sorry, that's outside what I can help with" first.
    from actions.assessment import ActionOutOfScope

    state = {"role": "patient", "requested_slot": "country"}
    messages, slots = run(ActionOutOfScope(), tracker(state, text="Chicago", intent="out_of_scope"))
    assert slots["country"] == "US" and slots["requested_slot"] == "product_type"
    assert "utter_out_of_scope" not in [m.get("response") for m in messages]
    messages, slots = run(ActionOutOfScope(), tracker(state, text="what's the weather tomorrow", intent="out_of_scope"))
    assert [m.get("response") for m in messages][0] == "utter_out_of_scope" and "country" not in slots
    assert "country" in (messages[-1].get("text") or "").lower()  # the open question again


def test_an_answer_classified_as_asking_for_a_person_goes_on_with_the_assessment():
    state = {"role": "physician", "country": "FR", "requested_slot": "serious_condition"}
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionHumanHandoff().run(
        dispatcher, tracker(state, text="it is, I can't work or walk anymore", intent="human_handoff"), {}))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["serious_condition"] is True
    assert {"event": "followup", "name": "action_listen"} in [{k: e.get(k) for k in ("event", "name")} for e in events]
    # asking for a person in words still reaches the team
    messages, slots = run(ActionHumanHandoff(), tracker(state, text="can I talk to a person", intent="human_handoff"))
    assert "serious_condition" not in slots and "our medical team" in messages[0]["text"]


def test_a_precise_question_read_as_an_answer_is_answered_then_the_open_question_follows():
    # Issue 11: "who pays for the medicine under an AAC?" classified as
    # `inform` while the country question is open got that question again.
    t = tracker(slots={"role": "physician", "requested_slot": "country"},
                text="who pays for the medicine under an AAC?", intent="inform")
    messages, slots = run(ActionAssess(), t)
    said = " ".join(m.get("text") or "" for m in messages).lower()
    assert "health insurance" in said or "pay" in said, said
    assert "country" in (messages[-1].get("text") or "").lower()
    assert "country" not in slots


def test_an_answer_to_the_open_question_is_never_taken_for_a_question():
    t = tracker(slots={"role": "physician", "requested_slot": "country"}, text="Lyon, for an AAC", intent="inform")
    _, slots = run(ActionAssess(), t)
    assert slots["country"] == "FR"


def test_asking_for_an_assessment_in_the_form_of_an_eligibility_question_gets_the_assessment():
    t = tracker(text="can my patient get this drug through an AAC?", intent="start_assessment")
    messages, slots = run(ActionAssess(), t)
    assert slots.get("requested_slot") or any(m.get("custom") for m in messages), messages


def test_an_opening_that_asks_to_request_access_gets_the_assessment_first():
    # Pool 10: "I'm an oncologist in Nice and I'd like to request compassionate
    # access for one of my patients" started the handoff before anything was known.
    t = tracker(text="Good morning, haematologist in Lille, we would like to apply for access for a patient",
                intent="start_assessment")
    messages, slots = run(ActionAssess(), t)
    assert slots["role"] == "physician" and slots.get("requested_slot") not in (None, "contact_name"), slots


def test_an_opening_that_asks_for_a_person_gets_the_handoff():
    t = tracker(text="I'd like to talk to a person about my patient", intent="start_assessment")
    events = asyncio.run(ActionAssess().run(CollectingDispatcher(), t, {}))
    assert any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in events), events


def test_mid_assessment_asking_to_go_ahead_still_reaches_the_handoff():
    t = tracker(slots={"role": "physician", "country": "FR", "requested_slot": "serious_condition"},
                text="let's go ahead and submit the request", intent="affirm")
    events = asyncio.run(ActionAssess().run(CollectingDispatcher(), t, {}))
    assert any(e.get("event") == "followup" and e.get("name") == "handoff_form" for e in events), events


def test_an_answer_classified_as_a_greeting_is_not_greeted():
    # Development pool 26: "ROI", "Aalborg" and "Denamrk" were read, but greeted first.
    from actions.assessment import ActionGreet

    state = {"role": "patient_advocate", "requested_slot": "country"}
    messages, slots = run(ActionGreet(), tracker(state, text="ROI", intent="greet"))
    assert slots["country"] == "IE" and slots["requested_slot"] == "product_type"
    assert "utter_greet" not in [m.get("response") for m in messages]
    messages, slots = run(ActionGreet(), tracker(state, text="hello there", intent="greet"))
    assert [m.get("response") for m in messages][0] == "utter_greet" and "country" not in slots
    assert "country" in (messages[-1].get("text") or "").lower()  # the open question again
    messages, slots = run(ActionGreet(), tracker({}, text="hi, I'm a GP in Leeds", intent="greet"))
    assert [m.get("response") for m in messages][0] == "utter_greet"
    assert slots["role"] == "physician" and slots["country"] == "GB"


def test_an_answer_classified_as_thanks_is_read_not_thanked_for():
    # Pool 33: the Polish "tak" (yes) is the Danish "thanks"; "tak, otrzymywał"
    # (yes, he has had it) got "You're welcome" and was left unread.
    from actions.assessment import ActionThanks

    state = {"role": "patient_advocate", "country": "PL", "product_type": "medicine",
             "requested_slot": "previously_treated"}
    messages, slots = run(ActionThanks(), tracker(state, text="tak, otrzymywał", intent="thanks"))
    assert slots["previously_treated"] is True
    assert "utter_youarewelcome" not in [m.get("response") for m in messages]
    messages, slots = run(ActionThanks(), tracker(state, text="thank you so much", intent="thanks"))
    assert [m.get("response") for m in messages][0] == "utter_youarewelcome" and "previously_treated" not in slots


def test_an_answer_taken_for_a_request_for_advice_gets_no_guardrail():
    # Blind pool 28: "an IV infusion" to "medicine or device?" was classified
    # as asking for medical advice and got the guardrail before the next question.
    state = {"role": "physician", "country": "FR", "requested_slot": "product_type"}
    messages, slots = run(ActionGuardrailAdvice(), tracker(state, text="an IV infusion", intent="ask_medical_advice"))
    assert messages == [] and slots["product_type"] == "medicine"
    # a real request for advice still gets it, with the question open
    messages, _ = run(ActionGuardrailAdvice(), tracker(state, text="what dose should he take?", intent="ask_medical_advice"))
    assert messages and "medical advice" in messages[0]["text"]


def test_a_hello_that_asks_is_no_goodbye():
    # Development pool 29: "Ciao, come funziona?" was classified as a goodbye and ended the conversation.
    from actions.assessment import ActionGoodbye

    messages, _ = run(ActionGoodbye(), tracker({}, text="Ciao, come funziona?", intent="goodbye"))
    assert [m.get("response") for m in messages] == ["utter_what_i_can_do"]
    # after an exchange ("ciao" as the first message is a hello: test_ciao_as_the_first_message_is_a_hello)
    before = [{"event": "user", "text": "cos'è un AAC?"}, {"event": "user", "text": "ciao, grazie"}]
    messages, _ = run(ActionGoodbye(), tracker({}, text="ciao, grazie", intent="goodbye", events=before))
    assert [m.get("response") for m in messages] == ["utter_goodbye"]
