"""What development pool 33 showed (twenty-second session), in phrasings
written for these tests: "it's not that ... hasn't" is a yes (English has
no negative concord, also with "not" and a contraction); "I can't say"
before a clause of its own is no "I don't know", and a softener does not
hide "there is"; an approval before "second-line options" qualifies the
other treatments, not the product; a relative with an adjective after an
article ("a close friend"); the carer in Dutch and the Nordic languages."""
import pytest

from bot.authorisation import read_authorisation
from bot.countries import to_iso
from bot.polarity import answer_to
from bot.roles import read_role
from tests.reading import read as _read


@pytest.mark.parametrize("slot, text, value", [
    ("alternatives_exhausted", "It's not that he hasn't tried them all; he has.", True),
    ("alternatives_exhausted", "It is not that she hasn't been through every option.", True),
    ("previously_treated", "It's not that he hasn't had it before.", True),
    # one negation stays one
    ("alternatives_exhausted", "He hasn't tried them all, not yet.", False),
    ("alternatives_exhausted", "She has not tried everything.", False),
])
def test_not_and_a_contraction_cancel_in_english(slot, text, value):
    assert answer_to(slot, text) is value


def test_i_cant_say_there_isnt_one_is_a_yes():
    read = _read("I can't say there isn't one; there is.", "trial_available")
    assert read.facts.get("trial_available") is True
    assert "trial_available" not in read.unknown


@pytest.mark.parametrize("text", ["I can't say", "can't say for sure", "I can't say, I'd need to ask his doctor"])
def test_i_cant_say_alone_is_still_i_dont_know(text):
    read = _read(text, "trial_available")
    assert "trial_available" in read.unknown and "trial_available" not in read.facts


def test_a_softener_does_not_hide_there_is():
    assert answer_to("trial_available", "well, actually there is") is True


@pytest.mark.parametrize("text", [
    "licensed first-line treatments are still open to her",
    "approved second line options remain available",
])
def test_an_approval_before_line_options_is_of_the_other_treatments(text):
    assert read_authorisation(text) is None


def test_the_products_own_status_beside_them_is_still_read():
    assert read_authorisation("It is not authorised anywhere; approved second-line options remain.") == "not_authorised"


@pytest.mark.parametrize("text", [
    "I'm an old friend of the family, helping out",
    "I'm his best friend",
    "Ik ben haar mantelzorger",
    "Jag är anhörig",
    "Jeg er pårørende",
    "Soy su cuidadora",
])
def test_friends_and_carers_are_advocates(text):
    assert read_role(text, answering=True) == "patient_advocate"


@pytest.mark.parametrize("text, role", [
    ("Consultant nephrologist, writing on behalf of our unit", "physician"),
    ("I'm an ST5 in cardiology writing on behalf of the treating team", "physician"),
    # someone else's patient stays so
    ("I'm an oncologist writing on behalf of a colleague", "other_hcp"),
])
def test_writing_on_behalf_of_ones_own_team_is_still_the_treating_physician(text, role):
    assert read_role(text, answering=False) == role


@pytest.mark.parametrize("text", [
    "Development for this indication has ended.",
    "The company says development is over for this disease.",
    "Le développement est terminé dans cette indication.",
])
def test_development_that_is_over_is_no_development(text):
    assert _read(text).facts.get("in_development") is False


def test_a_finished_phase_with_a_filing_is_still_development():
    assert answer_to("in_development", "phase 3 finished and a filing is planned") is True


def test_one_status_in_one_sentence_of_an_opening_wins_over_other_words_elsewhere():
    # "annan" (other) in the last sentence speaks of another trial, not another use
    read = _read("Jag är sjuksköterska i Lund. Läkemedlet är inte godkänt för någon indikation här. "
                 "Det finns ingen annan studie hon kan byta till.")
    assert read.facts.get("authorisation") == "not_authorised"


@pytest.mark.parametrize("text, code", [("República Checa", "CZ"), ("Republika Czeska", "CZ"),
                                        ("Repubblica Ceca", "CZ")])
def test_the_long_names_of_czechia(text, code):
    assert to_iso(text) == code


def test_granada_is_the_spanish_city_not_grenada():
    assert _read("Soy residente de oncología en Granada.").facts.get("country") == "ES"


def test_the_danish_article_et_is_no_french_and():
    read = _read("Han er ikke med i et af firmaets forsøg.", "in_company_trial")
    assert read.facts.get("in_company_trial") is False


def test_the_french_et_still_breaks_a_clause():
    assert answer_to("in_company_trial", "Il n'est pas dans un essai de la société et il n'a jamais reçu le produit") \
        is False


@pytest.mark.parametrize("text, role", [("Jag är hennes man", "patient_advocate"), ("Jeg er hendes mand", "patient_advocate")])
def test_a_nordic_husband(text, role):
    assert read_role(text, answering=True) == role


def test_man_alone_is_no_relative():
    assert read_role("I'm a man of 60 with myeloma", answering=True) != "patient_advocate"


@pytest.mark.parametrize("text", ["Hello, I've never used this before - how does it work?",
                                  "Hi, never used this chat before, what do I do?"])
def test_never_having_used_the_chat_says_nothing_of_the_product(text):
    assert "previously_treated" not in _read(text).facts


def test_never_having_had_the_product_is_still_read():
    assert _read("Hi, she has never had the drug and her disease is life-threatening.").facts.get(
        "previously_treated") is False
