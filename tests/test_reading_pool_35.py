"""What pool 35 showed once read (twenty-third session; blind until then), in
phrasings written for these tests: CE marking in German; "not approved for
any use" in Swedish and Norwegian beside "no other alternatives"; a product
"not marketed" in the Nordic present passive; the husband as "hubby" and
"'s" that is "is"; the Italian "ne" (of it) that is no negation; "no other
treatment left" in other languages, but not "fatal without treatment"; two
cities side by side when a name ends a sentence."""
import pytest

from bot.authorisation import read_authorisation
from bot.places import find_places
from bot.polarity import answer_to
from bot.roles import read_role
from bot.statements import stated_facts


@pytest.mark.parametrize("text, status", [
    ("CE-gekennzeichnet, aber nur für eine andere Anwendung.", "authorised_other_indication"),
    ("CE-gekennzeichnet für genau diese Anwendung und lieferbar", "authorised_available"),
    ("Inte godkänt för någon användning; inga andra behandlingar finns kvar.", "not_authorised"),
    ("Ikke godkjent til noen bruk.", "not_authorised"),
])
def test_ce_marking_in_german_and_no_use_at_all_in_the_nordic_languages(text, status):
    assert read_authorisation(text, answering=True) == status


def test_not_marketed_in_the_nordic_present_passive_is_unavailable():
    text = "Medisinen er godkjent i Norge for denne sykdommen, men markedsføres ikke her."
    assert read_authorisation(text, in_passing=True) == "authorised_not_available"


@pytest.mark.parametrize("text, role", [
    ("my hubby's the one who's ill", "patient_advocate"),
    ("my wife's very sick", "patient_advocate"),
    ("I'm his missus", "patient_advocate"),
    ("I'm my husband's oncologist", "physician"),  # a possessive, not "is"
])
def test_a_husband_said_fondly_and_s_that_is_is(text, role):
    assert read_role(text, answering=True) == role


@pytest.mark.parametrize("text, value", [
    ("ha una cardiopatia grave che ne mette a rischio la vita", True),
    ("una malattia che ne minaccia la vita", True),
    ("il ne met pas sa vie en danger", False),  # the French "ne" stays a negation
])
def test_the_italian_ne_is_no_negation(text, value):
    assert answer_to("serious_condition", text) is value


@pytest.mark.parametrize("text", [
    "il n'existe plus d'autre traitement autorisé à essayer",
    "no quedan más tratamientos aprobados",
    "keine weiteren Behandlungen mehr übrig",
])
def test_no_other_treatment_left_in_other_languages_is_exhausted(text):
    assert stated_facts(text).get("alternatives_exhausted") is True


@pytest.mark.parametrize("text", ["c'est grave, mortel sans traitement", "la malattia è mortale senza terapia"])
def test_fatal_without_treatment_is_the_disease_not_the_alternatives(text):
    assert "alternatives_exhausted" not in stated_facts(text)


def test_a_city_that_ends_a_sentence_still_weighs_against_its_hospital():
    assert [p.country for p in find_places("Surgeon at Hospital de Santa Maria, Lisbon.")] == ["PT"]
    # two large cities stay two, and the last named counts
    assert [p.country for p in find_places("pharmacist at La Paz, Madrid.")] == ["BO", "ES"]
