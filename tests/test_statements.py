"""Yes/no facts stated in passing, in a clause of their own, whatever
question is open (bot/statements.py)."""
import pytest

from bot.statements import stated_facts

OPENING = ("Hello, I'm a pulmonologist at Hôpital Cochin in Paris. My patient has a life-threatening disease, every "
           "approved treatment has failed, and he has never received Fendrasib. It's a medicine with no marketing "
           "authorisation in France for any indication; the company filed for approval in this indication last "
           "quarter. He isn't in any company trial and can't be enrolled in one.")


def test_an_opening_that_states_every_fact_gives_the_trial_development_and_exposure_facts():
    assert stated_facts(OPENING) == {"previously_treated": False, "in_development": True,
                                     "in_company_trial": False, "trial_available": False,
                                     "serious_condition": True, "alternatives_exhausted": True}


def test_a_french_opening_gives_its_facts_too():
    text = ("Pharmacienne hospitalière à Lyon. Pour une patiente atteinte d'une maladie gravement invalidante, le "
            "prescripteur veut utiliser Miravex. Le labo ne le développe pas dans cette indication. Elle ne peut "
            "entrer dans aucun essai, les alternatives sont épuisées et elle n'a jamais reçu Miravex.")
    assert stated_facts(text) == {"serious_condition": True, "in_development": False, "trial_available": False,
                                  "alternatives_exhausted": True, "previously_treated": False}


def test_a_serious_complication_is_not_a_serious_illness():
    assert stated_facts("she has a serious infection from the chemo but it has resolved") == {}


def test_the_open_question_is_left_to_the_answer_reader():
    assert "trial_available" not in stated_facts(OPENING, skip="trial_available")


@pytest.mark.parametrize("text, facts", [
    ("he is enrolled in your phase 3 study", {"in_company_trial": True, "in_development": True}),
    ("she has had it before", {"previously_treated": True}),
    ("Le labo ne le développe pas dans cette indication.", {"in_development": False}),
    ("her trial with your company ended last month", {"in_company_trial": False}),
    # said of the trial, not of the patient being in it
    ("the company's study is still enrolling", {"trial_available": True}),
])
def test_facts_said_in_passing(text, facts):
    assert stated_facts(text) == facts


@pytest.mark.parametrize("text", [
    "she developed a rash",  # a harm, not development
    "she is in the acute phase of the disease",  # not a trial phase
    "the drug hasn't had any effect",  # says nothing of the patient's exposure
    "he had three lines of chemo",  # other treatments
    "is your company running a trial for this?",  # a question states nothing
])
def test_what_only_looks_like_a_fact_is_not_read(text):
    assert stated_facts(text) == {}
