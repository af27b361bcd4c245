"""What pool 43 showed once read (twenty-sixth session; blind until then),
in phrasings written for these tests: "nothing suitable" to the trial
question; the Danish and Swedish doctor in the definite form; hospitals
named alone in Sydney and Warsaw."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", ["Looked on the registry, nothing suitable.", "none found", "we searched, found nothing"])
def test_nothing_suitable_found_is_no_trial_to_join(text):
    assert _read(text, "trial_available").facts.get("trial_available") is False


@pytest.mark.parametrize("text", ["Jeg er lægen hos hende", "Jag är läkaren som behandlar henne"])
def test_the_doctor_in_the_definite_form_is_a_physician(text):
    assert _read(text, "role").facts.get("role") == "physician"


@pytest.mark.parametrize("text, iso", [
    ("she is at Westmead", "AU"),
    ("Instytut Matki i Dziecka", "PL"),
    ("w Centrum Zdrowia Dziecka w Warszawie", "PL"),
])
def test_hospitals_named_alone(text, iso):
    assert _read(text, "country").facts.get("country") == iso


@pytest.mark.parametrize("text", [
    "The company runs a phase 3 for this. She isn't in the trial and can't join one.",
    "no estoy en ensayos y no hay ninguno para mí",
])
def test_not_in_the_trial_in_passing_is_in_no_company_trial(text):
    assert _read(text).facts.get("in_company_trial") is False


def test_an_organisation_described_at_length_is_the_writers():
    text = "Hi, I volunteer for a small rare disease patient organisation and a family asked me for help."
    assert _read(text).facts.get("role") == "patient_advocate"
