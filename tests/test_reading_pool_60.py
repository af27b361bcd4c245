"""What pool 60 showed once read (thirty-seventh session, once pool 61 was
frozen; its first figure 0.8812). Most of its failures were patients treated
in the French overseas departments: La Réunion, Guadeloupe and Martinique,
which ISO 3166 lists as countries of their own, were read as such, so the
French schemes were never offered. French laws apply there as of right
(Constitution, article 73: data/lexicon/countries.yml), so a patient treated
there is treated in France. The others: the Dutch "zeker" (certainly) read
as a no by the intent classifier, and "licensed, but not for the refractory
vasculitis she has" read as alternatives left. Phrasings written for these
tests."""
import pytest

from bot.countries import to_iso
from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "Saint-Denis, à La Réunion",
    "CHU de la Réunion, Saint-Pierre",
    "reunion island",
    "Fort-de-France",
    "Martinique",
    "Pointe-à-Pitre",
    "Guadeloupe",
    "Cayenne, en Guyane",
    "Mamoudzou, Mayotte",
])
def test_a_patient_in_a_french_overseas_department_is_treated_in_france(text):
    assert _read(text, "country").facts.get("country") == "FR"


def test_an_opening_from_an_overseas_department_names_france():
    facts = _read("Oncologue au CHU de Pointe-à-Pitre, je cherche un accès précoce pour une patiente", None).facts
    assert facts.get("country") == "FR" and facts.get("role") == "physician"


@pytest.mark.parametrize("code", ["RE", "GP", "MQ", "GF", "YT"])
def test_the_iso_codes_of_the_overseas_departments_are_france(code):
    assert to_iso(code) == "FR"


@pytest.mark.parametrize("text, expected", [
    # the overseas collectivities and New Caledonia have statutes of their own: not mapped
    ("Nouméa", "NC"),
    ("French Polynesia", "PF"),
    # what must not change
    ("Lyon", "FR"),
    ("Brussels", "BE"),
])
def test_other_places_keep_their_country(text, expected):
    assert _read(text, "country").facts.get("country") == expected


@pytest.mark.parametrize("text", ["zeker", "Zeker!", "jazeker", "natuurlijk", "sicher", "certo"])
def test_certainly_in_other_languages_is_a_yes(text):
    assert _read(text, "serious_condition").facts.get("serious_condition") is True


def test_a_use_denied_is_not_the_fact_denied():
    text = ("It's licensed here for psoriasis but not for the refractory vasculitis she has, "
            "and she has failed every licensed option.")
    assert _read(text, None).facts.get("alternatives_exhausted") is True


@pytest.mark.parametrize("text", ["it isn't refractory", "no, not refractory yet"])
def test_a_negated_fact_is_still_denied(text):
    assert _read(text, "alternatives_exhausted").facts.get("alternatives_exhausted") is False
