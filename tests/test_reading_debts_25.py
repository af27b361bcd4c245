"""What the development pools still misread at the end of the twenty-fourth
session (pools 40 and 41), in phrasings written for these tests: another
use denied as well; the patient who writes "Patient hier" and the doctor
whose patient is "my patient here"; a country whose name a city elsewhere
shares."""
import pytest

from bot.roles import read_role
from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "It isn't licensed, not even for other indications",
    "not approved here, nor for any other disease",
    "no está autorizado, ni siquiera para otras indicaciones",
])
def test_another_use_denied_too_is_no_authorisation_at_all(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "not_authorised"


def test_not_approved_for_this_but_for_others_is_still_another_indication():
    text = "not approved for this indication, but approved for others"
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_other_indication"


@pytest.mark.parametrize("text", ["Patient hier", "Patientin hier", "patiente ici", "the patient here", "the pt is me"])
def test_the_patient_who_writes_says_so_in_several_languages(text):
    assert read_role(text, answering=True) == "patient"


@pytest.mark.parametrize("text", [
    "my patient here needs the drug",
    "the patient here is 54 and has tried everything",
    "mein Patient hier braucht das Medikament",
])
def test_a_doctors_patient_here_is_not_the_writer(text):
    assert _read(text).facts.get("role") != "patient"


@pytest.mark.parametrize("text, iso", [("Benin", "BJ"), ("bénin", "BJ"), ("Lagos", "NG"), ("Mexico", "MX")])
def test_a_country_name_is_the_country_not_a_city_elsewhere(text, iso):
    assert _read(text, "country").facts.get("country") == iso
