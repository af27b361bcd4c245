"""What development pool 19 showed, in phrasings written for these tests:
hedged noes, French everyday words ("dispo", "médoc"), a development or a
trial named near "this indication", the other medicines as alternatives, a
negated "unapproved", "pt" for patient, the verb "prescribe" as no title."""
import pytest

from bot.authorisation import read_authorisation
from bot.polarity import answer_to
from bot.product_type import read_product_type
from bot.roles import read_role
from bot.understanding import interpret


@pytest.mark.parametrize("text", ["fairly sure not", "I'm pretty sure it isn't", "je crois que non", "creo que no"])
def test_a_hedged_no_is_a_no(text):
    assert answer_to("in_development", text) is False


def test_not_sure_is_still_not_knowing():
    assert "in_development" in interpret("not sure", "inform", [], "in_development", {}).unknown


@pytest.mark.parametrize("text, status", [
    ("autorisé dans son indication mais pas dispo ici", "authorised_not_available"),
    ("AMM dans l'indication et dispo en pharmacie", "authorised_available"),
    ("AMM oui, commercialisation non", "authorised_not_available"),
    ("it is not unlicensed: it's licensed for this and just not sold here", "authorised_not_available"),
    ("sans AMM, et pas de développement dans cette indication", "not_authorised"),
    ("we can prescribe it normally for her", "authorised_available"),
])
def test_statuses_said_in_everyday_words(text, status):
    assert read_authorisation(text, answering=True) == status


def test_the_other_medicines_are_alternatives_not_another_use():
    text = "It's licensed for his illness and on sale here. He hasn't tried the other meds yet."
    assert read_authorisation(text) == "authorised_available"


@pytest.mark.parametrize("text, kind", [
    ("un médoc", "medicine"),
    ("ce n'est pas un médicament mais un dispositif", "medical_device"),
    ("kein Medikament, ein Implantat", "medical_device"),
])
def test_product_words(text, kind):
    assert read_product_type(text) == kind


def test_a_trial_the_patient_cannot_enter_for_its_exclusion_criteria_is_not_open_to_her():
    facts = interpret("She can't enter the phase 2 (exclusion criteria).", "inform", [], None, {}).facts
    assert facts.get("trial_available") is not True


@pytest.mark.parametrize("text, slot, value", [
    ("en échec de toutes les lignes", "alternatives_exhausted", True),
    ("pas de dépôt prévu", "in_development", False),
    ("il est sous traitement en ce moment", "previously_treated", True),
])
def test_french_answers(text, slot, value):
    assert interpret(text, "inform", [], slot, {}).facts[slot] is value


def test_pt_is_the_patient_and_prescribing_is_no_title():
    assert read_role("i'm the pt", answering=True) == "patient"
    assert read_role("we can prescribe it normally", answering=False) is None


@pytest.mark.parametrize("text, code", [("CDMX", "MX"), ("Sahlgrenska", "SE")])
def test_places(text, code):
    assert interpret(text, "inform", [], "country", {}).facts["country"] == code
