"""Facts are read once per user message, by the first of our actions to run
after it (actions/common.read_message): no separate extraction call, no
message read twice, none left unread."""
from pathlib import Path

import yaml

from actions.assessment import ActionAssess, ActionRestartAssessment, ActionResume
from actions.common import FACT_READERS, message_already_read
from actions.knowledge import ActionAnswerQuestion
from actions.safety import ActionAdverseEvent
from tests.test_actions import country_entity, run, tracker

ROOT = Path(__file__).resolve().parent.parent
# Every message is read (a goodbye too: it may answer the open question).
UNREAD_INTENTS: set = set()
# Rasa's own loops and forms whose first step reads no patient facts.
NOT_OURS = {"status_form"}

USER = {"event": "user", "text": "what is an AAC? she is treated in Lyon"}


def test_a_message_counts_as_read_once_a_reader_ran_after_it():
    assert not message_already_read([])
    assert not message_already_read([USER])
    assert not message_already_read([USER, {"event": "action", "name": "utter_iamabot"}])
    assert message_already_read([USER, {"event": "action", "name": "action_answer_question"}])
    # A reader before the latest message does not count.
    assert not message_already_read([{"event": "action", "name": "action_assess"}, USER])


def test_the_second_action_after_a_message_does_not_read_it_again():
    """ask_info runs action_answer_question (which reads), then action_resume:
    the correction must be acknowledged once, not undone by a second reading."""
    text = "sorry, the patient is treated in Belgium"
    events = [USER, {"event": "action", "name": "action_answer_question"}]
    _, slots = run(ActionResume(), tracker({"country": "BE", "corrected": ["country"], "requested_slot": "product_type"},
                                           text, entities=country_entity(text, "Belgium"), events=events))
    assert "corrected" not in slots and "turn_facts" not in slots


def test_a_side_question_with_a_fact_stores_it():
    text = "what is an AAC? the patient is treated in France"
    _, slots = run(ActionAnswerQuestion(), tracker(text=text, intent="ask_info", entities=country_entity(text, "France")))
    assert slots["country"] == "FR"


def test_resume_goes_on_with_new_facts_instead_of_asking_again():
    """A bot_challenge (answered by a response) that also answers the open
    question: action_resume reads it and asks the next question."""
    text = "are you a bot? anyway the patient is in France"
    messages, slots = run(ActionResume(), tracker({"role": "physician", "requested_slot": "country"}, text,
                                                  intent="bot_challenge", entities=country_entity(text, "France")))
    assert slots["country"] == "FR" and slots["requested_slot"] == "product_type"
    assert not any("Back to the assessment" in (m.get("text") or "") for m in messages)


def test_a_greeting_that_states_facts_starts_the_assessment():
    """'hello, I'm a GP in Lyon': the facts are taken and the next question
    follows, instead of waiting for the user to ask for an assessment."""
    text = "hello, I'm a GP in Lyon, France"
    messages, slots = run(ActionResume(), tracker({}, text, intent="greet", entities=country_entity(text, "France")))
    assert slots["role"] == "physician" and slots["country"] == "FR"
    assert slots["requested_slot"] == "product_type" and "medicine or a medical device" in messages[-1]["text"]


def test_restart_reads_the_new_patient_from_the_same_message():
    text = "start over, this patient is treated in Spain"
    _, slots = run(ActionRestartAssessment(), tracker({"role": "physician", "country": "FR", "pathway": "FR_AAC"}, text,
                                                      intent="start_over", entities=country_entity(text, "Spain")))
    assert slots["country"] == "ES" and slots["pathway"] is None and not slots["corrected"]
    assert slots["requested_slot"] == "product_type"


def test_nothing_is_read_inside_the_handoff_form():
    text = "my email is a.martin@example.org, we're in France"
    _, slots = run(ActionAdverseEvent(), tracker({}, text, intent="report_adverse_event",
                                                 entities=country_entity(text, "France"), active_loop="handoff_form"))
    assert slots == {}


def test_an_assess_after_the_emergency_route_does_not_read_twice():
    events = [{"event": "user", "text": "urgent, he needs it within days"}, {"event": "action", "name": "action_emergency"}]
    _, slots = run(ActionAssess(), tracker({"role": "physician", "emergency": True, "emergency_notified": True,
                                            "turn_facts": ["emergency"]}, "urgent, he needs it within days",
                                           intent="emergency", events=events))
    assert "turn_facts" not in slots and slots["requested_slot"] == "country"


def _rules():
    for path in sorted((ROOT / "data" / "rules").glob("*.yml")):
        for rule in yaml.safe_load(path.read_text())["rules"]:
            yield path.name, rule


def test_every_rule_reads_the_message_with_one_of_our_readers():
    """The first step after the user's message is a reader, or a response
    followed by action_resume; forms that hold contact details are exempt."""
    checked = 0
    for file, rule in _rules():
        steps = rule["steps"]
        conditions = rule.get("condition") or []
        in_form = any(c.get("active_loop") in ("handoff_form", "status_form") for c in conditions)
        for i, step in enumerate(steps):
            intent = step.get("intent")
            if not intent or intent in UNREAD_INTENTS or in_form:
                continue
            following = []
            for later in steps[i + 1:]:
                if "intent" in later:
                    break
                if "action" in later:
                    following.append(later["action"])
            first = following[0]
            if first in NOT_OURS:
                continue
            checked += 1
            if first.startswith("utter_"):
                assert "action_resume" in following, f"{file}: {rule['rule']}: {first} is not followed by action_resume"
            else:
                assert first in FACT_READERS, f"{file}: {rule['rule']}: {first} does not read the message"
    assert checked >= 15  # the rules exist (18 at the time of writing)
