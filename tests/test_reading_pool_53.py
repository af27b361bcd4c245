"""What pool 53 showed once read (thirty-first session; blind until pool 54
was frozen), in phrasings written for these tests. Its 13 repeated
questions: "closed-loop insulin system (the hardware)" named both kinds (a
medicine's word before a device's noun says what the device delivers), and
"nothing's licensed" was no negation. Its two wrong outcomes: "approved for
exactly this and available, the question is about something else" had been
read as another use (FR_CPC instead of NONE_NEEDED), and a pharmacist "at the
PUI du CHU" for a patient treated in the UK (the CHU names France: the
simulator's mix, not a reading to change). Facts read wrongly: "Madrid, at
La Paz" as Bolivia, "Cork, I'm the patient" without its country."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", ["closed-loop insulin system (the hardware)", "a drug-eluting stent",
                                  "an insulin delivery system"])
def test_a_medicine_word_before_a_device_noun_is_a_device(text):
    assert _read(text, "product_type").facts.get("product_type") == "medical_device"


@pytest.mark.parametrize("text", ["a drug for the immune system", "insulin, not a pump"])
def test_a_medicine_stays_one(text):
    assert _read(text, "product_type").facts.get("product_type") == "medicine"


@pytest.mark.parametrize("text", ["unapproved, still experimental, and nothing's licensed", "nothing is licensed"])
def test_nothing_licensed(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "not_authorised"


def test_the_question_about_something_else_is_no_other_use():
    text = "authorised for exactly this and on the market; my question is about something else"
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_available"


def test_approved_for_something_else_stays_another_use():
    assert _read("licensed, but for something else", "authorisation").facts.get(
        "authorisation") == "authorised_other_indication"


@pytest.mark.parametrize("text, country", [("Madrid, at La Paz", "ES"), ("Dublin, at Beaumont", "IE"),
                                           ("Cork, I'm his daughter", "IE"), ("Nice, and it's urgent", "FR")])
def test_the_country_answer(text, country):
    assert _read(text, "country").facts.get("country") == country
