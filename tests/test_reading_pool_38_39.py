"""What pools 38 and 39 showed once read (twenty-fourth session; blind until
then), in phrasings written for these tests: "us" as the whole answer to
the country question; enrolment that is over; "as far as I can tell" is no
trial too far away; a bare yes after a modal verb; the status as the
standard of care, outside the label or pulled from the market; Nordic
compounds and the Norwegian GP. (The access question the safety readers
took for a report is in tests/test_actions.py.)"""
import pytest

from bot.roles import read_role
from tests.reading import read as _read


@pytest.mark.parametrize("text", ["us", "the us", "Us."])
def test_us_as_all_the_answer_to_the_country_question_is_the_united_states(text):
    assert _read(text, "country").facts.get("country") == "US"


def test_us_inside_a_sentence_stays_a_pronoun():
    assert "country" not in _read("can you help us", "role").facts


@pytest.mark.parametrize("text", [
    "He was in your phase 3 study for two years until it closed",
    "she used to be in the company's trial",
    "we were in their pivotal study, but not any more",
])
def test_enrolment_that_is_over_is_no_enrolment_now(text):
    assert _read(text).facts.get("in_company_trial") is False


def test_no_longer_in_it_answers_the_enrolment_question():
    assert _read("he's no longer in it", "in_company_trial").facts.get("in_company_trial") is False


def test_as_far_as_i_know_is_no_trial_too_far_away():
    assert _read("yes, she qualifies as far as we know", "trial_available").facts.get("trial_available") is True
    assert _read("the only open study is too far for him", "trial_available").facts.get("trial_available") is False


def test_a_bare_yes_after_a_modal_verb_is_an_answer_not_a_question():
    assert _read("could join, yes, screening is booked", "trial_available").facts.get("trial_available") is True
    assert "trial_available" not in _read("could you explain the trials", "trial_available").facts


@pytest.mark.parametrize("text, status", [
    ("it's the standard of care here for exactly this", "authorised_available"),
    ("approved for this disease, but withdrawn from the market here last year", "authorised_not_available"),
    ("it is licensed, but his indication isn't in the label", "authorised_other_indication"),
])
def test_the_status_in_other_words(text, status):
    assert _read(text, "authorisation").facts.get("authorisation") == status


@pytest.mark.parametrize("text, role", [
    ("klinikapotekare", "other_hcp"),
    ("jeg er fastlegen til pasienten", "physician"),
    ("barnläkare på sjukhuset", "physician"),
])
def test_nordic_compounds_and_the_norwegian_gp(text, role):
    assert read_role(text, answering=True) == role


@pytest.mark.parametrize("text, slot, value", [
    ("Sjukdomen är svår. Det är livshotande.", "serious_condition", True),
    ("Det er ikke livstruende.", "serious_condition", False),
    ("Hon har aldrig fått den.", "previously_treated", False),
    ("Hon är inte med i någon av företagets studier.", "in_company_trial", False),
    ("Keine Studienteilnahme bisher.", "in_company_trial", False),
    ("Det dreier seg om et legemiddel fra dere.", "product_type", "medicine"),
    ("Es geht um das Präparat Ihrer Firma.", "product_type", "medicine"),
])
def test_facts_said_in_passing_in_nordic_languages_and_german(text, slot, value):
    assert _read(text).facts.get(slot) == value


def test_the_nordic_adjective_alone_is_not_turned_by_a_negation_of_something_else():
    # "inga" negates the alternatives, not the gravity
    assert _read("Patient med livshotande lunginfektion har inga alternativ kvar.").facts.get(
        "serious_condition") is not False


def test_the_danish_article_is_no_pronoun_for_the_product():
    facts = _read("Jeg har kun fået den godkendte behandling kort tid. Jeg har aldrig fået midlet.").facts
    assert facts.get("previously_treated") is False
