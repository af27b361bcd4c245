"""Answers to an open yes/no question that start with neither (issue 11:
"she isn't in any study and couldn't get into one"), read by the clause
about the question (bot/polarity.py) and through interpret()."""
import pytest

from bot.polarity import answer_to
from bot.understanding import interpret


@pytest.mark.parametrize("slot, text, answer", [
    ("in_company_trial", "not enrolled; she's never had the product either", False),
    ("in_company_trial", "he's been on the phase 2 protocol since March", True),
    ("trial_available", "there is one she could join, and she's never received the drug", True),
    ("trial_available", "nothing is recruiting that he'd be eligible for", False),
    ("trial_available", "I doubt it; we checked the registry and found nothing open for her", False),
    ("trial_available", "I think so, he meets the inclusion criteria of an open study", True),
    ("trial_available", "he isn't in a trial but could join one", True),  # the contrast wins
    ("trial_available", "the only site is closed to new patients", False),
    ("in_development", "a submission is expected next year", True),
    ("in_development", "they've filed for approval in this indication", True),
    ("in_development", "development was abandoned in 2022", False),
    ("alternatives_exhausted", "she still has a standard option left", False),
    ("alternatives_exhausted", "everything licensed has failed", True),
    # failed or not tolerated: exhausted, though said with a negation
    ("alternatives_exhausted", "the standard ones either didn't work or she couldn't tolerate them", True),
    ("alternatives_exhausted", "we've tried everything the doctors offered, nothing worked", True),
    ("in_company_trial", "I'm not, and I've never had the medicine", False),  # the patient for themself
    ("trial_available", "she was screened and failed, so no", False),  # the conclusion wins
    ("in_company_trial", "he's in the phase 2 study, so yes", True),
    ("serious_condition", "it's mild really, more of a nuisance", False),
    ("serious_condition", "seriously debilitating, she can't work", True),
    ("previously_treated", "never had it", False),
])
def test_the_clause_about_the_question_answers_it(slot, text, answer):
    assert answer_to(slot, text) is answer


@pytest.mark.parametrize("slot, text", [
    ("trial_available", "we're in Lyon"),  # nothing about the question
    ("trial_available", "one trial is open, the other study is closed"),  # one clause each way
])
def test_no_answer_when_the_message_does_not_tell(slot, text):
    assert answer_to(slot, text) is None


def test_an_answer_is_read_whatever_the_intent_and_other_facts_are_kept():
    read = interpret("not enrolled; she's never had the product either", "inform", [], "in_company_trial",
                     {"role": "physician", "country": "FR"})
    assert read.facts["in_company_trial"] is False and read.facts["previously_treated"] is False


def test_a_question_of_the_users_own_answers_nothing():
    read = interpret("which trials are open near Lyon?", "ask_info", [], "trial_available",
                     {"role": "physician", "country": "FR"})
    assert "trial_available" not in read.facts


@pytest.mark.parametrize("text, role", [
    ("I live in Toronto and I have diffuse systemic sclerosis; my rheumatologist mentioned your drug", "patient"),
    ("my oncologist told me about your drug", "patient"),
    ("I have a patient with ALS", None),
    ("my husband has ALS and his neurologist says it's progressing", "patient_advocate"),
])
def test_the_writers_own_doctor_or_illness_makes_them_the_patient(text, role):
    from bot.roles import read_role

    assert read_role(text, answering=False) == role


def test_a_bare_yaml_boolean_in_the_vocabulary_is_refused(tmp_path):
    from bot.polarity import load_lexicon

    path = tmp_path / "answers.yml"
    path.write_text("breaks: [and]\ncontrasts: [but]\nnegations: [not, no]\nhedges: {}\ntopics: {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="quote it"):
        load_lexicon(path)


@pytest.mark.parametrize("slot, text", [
    ("trial_available", "not possible, no trail open to him"),
    ("in_development", "I'm fairly sure it's not, the company only develops it for a different disease"),
    ("in_development", "there's no programme and no application for this indication, no"),
])
def test_no_in_any_clause_is_read(slot, text):
    assert answer_to(slot, text) is False


def test_a_declarative_answer_is_read_even_when_classified_as_a_question():
    # "she isn't enrolled in anything" has been classified as a question about the programme.
    read = interpret("she isn't enrolled in anything", "ask_info", [], "in_company_trial", {"role": "physician"})
    assert read.facts.get("in_company_trial") is False
    asked = interpret("is enrolment in a trial a condition?", "ask_info", [], "in_company_trial", {"role": "physician"})
    assert "in_company_trial" not in asked.facts


@pytest.mark.parametrize("slot, text, answer", [
    # a quantified absence of alternatives is a yes to "exhausted?"
    ("alternatives_exhausted", "no options left", True),
    ("alternatives_exhausted", "nothing remaining for her", True),
    ("alternatives_exhausted", "no other treatment options", True),
    ("alternatives_exhausted", "we are out of options", True),
    ("alternatives_exhausted", "no alternatives tried yet", False),
    ("alternatives_exhausted", "there are still options left", False),
    # looking is no answer; being ruled out is a no
    ("trial_available", "nothing available, we checked clinicaltrials.gov", False),
    ("trial_available", "her kidney function rules her out of every trial", False),
    ("trial_available", "we checked and there is one open nearby", True),
])
def test_absence_searching_and_ruling_out(slot, text, answer):
    assert interpret(text=text, intent=None, entities=[], requested_slot=slot, current={}).facts[slot] is answer


@pytest.mark.parametrize("slot, text, intent, answer", [
    # the classifier read these as "I don't know"; the words answer
    ("alternatives_exhausted", "the usual treatments didn't work or I couldn't take them", "dont_know", True),
    ("alternatives_exhausted", "no options left", "deny", True),
])
def test_the_words_answer_before_the_classifier(slot, text, intent, answer):
    result = interpret(text=text, intent=intent, entities=[], requested_slot=slot, current={})
    assert result.facts.get(slot) is answer and slot not in result.unknown


def test_the_classifier_still_says_unknown_when_the_words_do_not_answer():
    result = interpret(text="hmm, couldn't tell you", intent="dont_know", entities=[],
                       requested_slot="trial_available", current={})
    assert "trial_available" in result.unknown


@pytest.mark.parametrize("text, enrolled", [
    ("He was in your study before and took the drug for 2 years", False),
    ("My patient already received your product in your trial, which has now closed.", False),
    ("He was enrolled in your trial until March", False),
    ("She was randomised in your trial last month and is still on it", True),
    ("she is enrolled in your study", True),
])
def test_an_enrolment_told_in_the_past_is_over(text, enrolled):
    facts = interpret(text=text, intent=None, entities=[], requested_slot=None, current={}).facts
    assert facts["in_company_trial"] is enrolled


@pytest.mark.parametrize("text", [
    "Yes it's approved... just not for what he has",
    "It is approved. Not for this indication though.",
])
def test_the_use_after_a_status_sentence_is_read(text):
    facts = interpret(text=text, intent=None, entities=[], requested_slot="authorisation", current={}).facts
    assert facts["authorisation"] == "authorised_other_indication"


@pytest.mark.parametrize("slot, text, facts", [
    # the contrast is about a trial the patient could join: another question
    ("in_company_trial", "no, but there's a trial she could get into, she meets the criteria",
     {"in_company_trial": False, "trial_available": True}),
    ("in_company_trial", "yes, she joined your phase 3 last month", {"in_company_trial": True}),
    ("alternatives_exhausted", "not really, a couple of licensed options remain", {"alternatives_exhausted": False}),
    ("in_development", "they abandoned this indication in 2021", {"in_development": False}),
])
def test_clauses_about_another_question_do_not_answer_this_one(slot, text, facts):
    read = interpret(text=text, intent=None, entities=[], requested_slot=slot, current={}).facts
    assert {k: read.get(k) for k in facts} == facts


@pytest.mark.parametrize("text", ["zugelassen, aber nicht für diese Indikation", "aprobado, pero no para esta indicación"])
def test_another_use_in_german_and_spanish(text):
    read = interpret(text=text, intent=None, entities=[], requested_slot="authorisation", current={}).facts
    assert read["authorisation"] == "authorised_other_indication"


@pytest.mark.parametrize("slot, text, facts", [
    ("serious_condition", "Is it serious? Extremely.", {"serious_condition": True}),
    ("authorisation", "yes, approved for this condition and easy to get", {"authorisation": "authorised_available"}),
    ("authorisation", "on the market here for exactly this indication", {"authorisation": "authorised_available"}),
    ("role", "I'm from a patient advocacy group", {"role": "patient_advocate"}),
    ("role", "im his dermatoligist", {"role": "physician"}),
])
def test_dev_pool_3_repeated_questions(slot, text, facts):
    read = interpret(text=text, intent=None, entities=[], requested_slot=slot, current={}).facts
    assert {k: read.get(k) for k in facts} == facts


def test_a_condition_after_without_is_no_negation_and_a_misspelt_threat_is_no_role():
    read = interpret(text="yes it is, without treatment this is life threatning", intent=None, entities=[],
                     requested_slot="serious_condition", current={}).facts
    assert read == {"serious_condition": True}
