"""Repair, never a loop: what the bot says when the answer to the open
question is not understood, once, twice and a third time; facts given while
another question is open; asking in words to go ahead at any point."""
import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import ActionAssess, ActionResume
from actions.fallback import ActionFallback
from tests.test_actions import run, tracker

OPEN = {"role": "physician", "country": "FR", "requested_slot": "product_type"}


def texts(messages):
    return " ".join(m.get("text") or "" for m in messages)


def test_a_first_miss_says_so_and_asks_again():
    messages, slots = run(ActionAssess(), tracker(OPEN, "purple elephants", intent="inform"))
    assert "didn't catch that" in texts(messages) and slots["missed"] == 1
    assert slots.get("requested_slot", "product_type") == "product_type" and messages[-1]["buttons"]


def test_a_second_miss_puts_the_question_another_way_with_examples_and_choices():
    messages, slots = run(ActionAssess(), tracker({**OPEN, "missed": 1}, "hmm", intent="inform"))
    said = texts(messages)
    assert "another way" in said and "I don't know" in said and "talk to a person" in said
    first_time, _ = run(ActionAssess(), tracker({k: v for k, v in OPEN.items() if k != "requested_slot"}))
    assert messages[-1]["text"] != first_time[-1]["text"] and "(tablets" in messages[-1]["text"]
    assert messages[-1]["buttons"] == first_time[-1]["buttons"] and slots["missed"] == 2


def test_a_third_miss_leaves_the_fact_open_and_moves_on():
    messages, slots = run(ActionAssess(), tracker({**OPEN, "missed": 2}, "hmm", intent="inform"))
    assert "product_type" in slots["unknown_facts"] and slots["requested_slot"] != "product_type"
    assert "leave medicine or device open" in texts(messages)


def test_a_third_miss_on_the_role_asks_nothing_and_offers_a_person(settings):
    state = {"requested_slot": "role", "missed": 2}
    messages, slots = run(ActionAssess(), tracker(state, "hmm", intent="inform"))
    assert slots["requested_slot"] is None and "your role" in texts(messages)
    assert "talk to our team" in texts(messages)


def test_a_fact_given_while_another_question_is_open_is_acknowledged():
    state = {**OPEN, "product_type": "medicine", "authorisation": "not_authorised", "requested_slot": "in_development"}
    messages, slots = run(ActionAssess(), tracker(state, "she is really quite ill, it's life-threatening", intent="inform"))
    assert slots["serious_condition"] is True
    assert texts(messages).startswith("Noted: whether the condition is life-threatening")
    assert "development" in messages[-1]["text"]


def test_going_ahead_in_words_while_a_yes_no_question_is_open_starts_the_handoff():
    state = {**OPEN, "product_type": "medicine", "authorisation": "not_authorised", "in_development": False,
             "requested_slot": "in_company_trial"}
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionAssess().run(dispatcher, tracker(state, "ok let's go ahead and submit it", intent="affirm"), {}))
    assert {"event": "followup", "name": "handoff_form"} in [{k: e.get(k) for k in ("event", "name")} for e in events]
    assert not any(e.get("name") == "in_company_trial" for e in events if e["event"] == "slot")
    assert "medical team" in texts(dispatcher.messages)


def test_an_opening_that_asks_to_request_gets_its_outcome_though_a_side_action_read_its_facts_first():
    """Pool 57: a full opening ending "I'd like to request Velorimab", taken for
    a question, had its facts read by the question's action; the resume that
    followed saw them as started and went to the handoff, with no outcome."""
    text = ("Haematologist in Lyon; relapsed AML, life-threatening, every approved option failed. I'd like to "
            "request Velorimab, not authorised in France for any indication.")
    facts = {"role": "physician", "country": "FR", "product_type": "medicine", "authorisation": "not_authorised",
             "serious_condition": True, "alternatives_exhausted": True}
    facts["turn_facts"] = sorted(facts)  # what the question's action read from this message
    events = [{"event": "user", "text": text, "parse_data": {"intent": {"name": "ask_info"}}},
              {"event": "action", "name": "action_answer_question"}] + \
             [{"event": "slot", "name": name, "value": value} for name, value in facts.items()]
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ActionResume().run(dispatcher, tracker(facts, text, intent="ask_info", events=events), {}))
    assert "medical team" not in texts(dispatcher.messages)
    assert not any(e.get("name") == "handoff_form" for e in result if e["event"] == "followup")
    assert any(e.get("name") == "requested_slot" and e.get("value") == "in_development" for e in result)


def test_going_ahead_after_declining_the_offer_once_reaches_the_handoff():
    state = {**OPEN, "requested_slot": None, "pathway": "FR_AAC", "outcome_key": "FR_AAC|True|"}
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionResume().run(dispatcher, tracker(state, "actually, I want to apply after all",
                                                                intent="thanks"), {}))
    assert any(e["event"] == "followup" for e in events)


def test_an_unsure_message_with_facts_continues_the_assessment():
    text = "cardiology registrar, patient in Leeds"
    messages, slots = run(ActionFallback(), tracker({}, text, intent="nlu_fallback"))
    assert slots["role"] == "physician" and slots["country"] == "GB" and slots["requested_slot"] == "product_type"


def test_an_unsure_message_without_facts_offers_choices_then_a_person():
    first, _ = run(ActionFallback(), tracker({}, "blorp", intent="nlu_fallback"))
    assert first[-1]["buttons"]
    earlier = [{"event": "user", "text": "blorp", "parse_data": {"intent": {"name": "nlu_fallback"}}},
               {"event": "user", "text": "blorp again", "parse_data": {"intent": {"name": "nlu_fallback"}}}]
    second, _ = run(ActionFallback(), tracker({}, "blorp again", intent="nlu_fallback", events=earlier))
    assert "A person can help" in texts(second)


def test_an_answer_given_before_any_assessment_offers_to_check_a_patient():
    """'je voudrais des informations sur l'accès compassionnel' was answered and
    then nothing: the person had no question to reply to."""
    messages, _ = run(ActionResume(), tracker({}, text="what is compassionate use?", intent="ask_info"))
    offer = [m for m in messages if any(b.get("payload") == "/start_assessment" for b in m.get("buttons") or [])]
    assert len(offer) == 1 and "check" in offer[0]["text"]


def test_no_offer_once_an_assessment_is_under_way_or_has_ended_nor_after_a_greeting():
    under_way, _ = run(ActionResume(), tracker(OPEN, text="what is compassionate use?", intent="ask_info"))
    ended, _ = run(ActionResume(), tracker({"pathway": "FR_AAC", "role": "physician"}, text="what is an AAC?",
                                           intent="ask_info"))
    greeted, _ = run(ActionResume(), tracker({}, text="hello", intent="greet"))
    for messages in (under_way, ended, greeted):
        assert not any(b.get("payload") == "/start_assessment" for m in messages for b in m.get("buttons") or [])
    assert "medicine or a medical device" in texts(under_way)


def test_an_answer_read_as_a_safety_question_goes_on_without_the_guardrail():
    from actions.safety import ActionGuardrailEfficacy

    slots = {**OPEN, "product_type": "medicine", "requested_slot": "authorisation"}
    messages, events = run(ActionGuardrailEfficacy(), tracker(
        slots, text="Autorisé pour cette indication, mais pas sur le marché ici.", intent="ask_efficacy_safety"))
    assert events["authorisation"] == "authorised_not_available"
    assert "safe or effective" not in texts(messages)
    asked, _ = run(ActionGuardrailEfficacy(), tracker(slots, text="is it safe for children?", intent="ask_efficacy_safety"))
    assert "safe or effective" in texts(asked) and "status" in texts(asked)


def test_an_opening_that_tells_the_case_goes_on_without_the_guardrail():
    # Pool 34: Dutch openings that stated every fact were read as questions about safety.
    from actions.safety import ActionGuardrailEfficacy

    case = "I'm an oncologist in Lyon. The medicine has no marketing authorisation and she has never had it."
    messages, events = run(ActionGuardrailEfficacy(), tracker({}, text=case, intent="ask_efficacy_safety"))
    assert events["country"] == "FR" and events["role"] == "physician" and events["requested_slot"]
    assert "safe or effective" not in texts(messages)
    # two facts are not enough to take it for the case told
    few = "I'm an oncologist in Lyon."
    messages, _ = run(ActionGuardrailEfficacy(), tracker({}, text=few, intent="ask_efficacy_safety"))
    assert "safe or effective" in texts(messages)


def test_an_unsure_message_in_the_contact_form_starts_no_assessment_behind_it():
    """Pool 56: asked for consent, "let's look at the patient's case first" (read
    as unsure) got the assessment's first question and the consent question."""
    slots = {"requested_slot": "contact_consent"}
    messages, events = run(ActionFallback(), tracker(slots, "let's look at it first", intent="nlu_fallback",
                                                     active_loop="handoff_form"))
    assert "who are you" not in texts(messages).lower() and not events  # no slot set
    assert [b["payload"] for b in messages[-1]["buttons"]] == ["/start_assessment"]
