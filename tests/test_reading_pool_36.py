"""What pool 36 showed once read (twenty-third session; blind until then), in
phrasings written for these tests: who pays is not whether it is sold; a
French scheme evoked only by the words of a case placed in another country
is no question about it; US university hospitals by their initials and
surgeons' shorthand; a relative with an adjective as the whole answer; "yes
I think so" and a later clause about the other treatments; Swedish and
Polish openings ("en livshotande form av", "rakiem", a pronoun for the
trial at the clause's end)."""
import pytest

from bot.answers import opens_assessment
from bot.authorisation import read_authorisation
from bot.places import find_places
from bot.polarity import answer_to
from bot.roles import read_role
from bot.statements import stated_facts


@pytest.mark.parametrize("text", [
    "Approved and sold here, my problem is I can't get the insurance to pay for it.",
    "zugelassen und in der Apotheke, aber die Krankenkasse zahlt nicht",
])
def test_who_pays_is_not_whether_it_is_sold(text):
    assert read_authorisation(text, answering=True) == "authorised_available"


def test_a_product_that_cannot_be_had_is_still_unavailable():
    assert read_authorisation("approved, but we can't get it here", answering=True) == "authorised_not_available"


def test_a_french_scheme_evoked_by_the_case_of_a_patient_elsewhere_is_no_question_about_it(kb):
    text = ("Neurosurgeon in Boston. Our patient's implant is not FDA cleared for anything, the maker isn't "
            "developing it, no trial is open to him. What's the route?")
    stated = {"role": "physician", "country": "US", "product_type": "medical_device",
              "authorisation": "not_authorised", "in_development": False, "trial_available": False}
    assert opens_assessment(text, stated, kb)


def test_a_french_scheme_named_by_its_name_is_still_asked_about(kb):
    text = "Oncologist in Seattle, no trial, not approved: can we file an AAC for her?"
    stated = {"role": "physician", "country": "US", "authorisation": "not_authorised", "trial_available": False}
    assert not opens_assessment(text, stated, kb)


@pytest.mark.parametrize("text", ["resident at UCSF", "attending at Texas Children's in Houston",
                                  "I'm at Fred Hutch"])
def test_us_university_hospitals_by_their_names(text):
    assert [p.country for p in find_places(text)][-1:] == ["US"]


@pytest.mark.parametrize("text, role", [
    ("neurosurg at the county hospital", "physician"),
    ("older sister", "patient_advocate"),
    ("big brother", "patient_advocate"),
])
def test_shorthand_and_a_relative_with_an_adjective(text, role):
    assert read_role(text, answering=True) == role


@pytest.mark.parametrize("text, value", [
    ("yes I think so. and there are still approved options he hasn't tried", True),
    ("no I don't think so", False),
    ("no, there are still options", False),
    ("checked the registry - nothing", False),
])
def test_yes_i_think_so_and_a_later_clause_about_other_treatments(text, value):
    assert answer_to("trial_available", text) is value


@pytest.mark.parametrize("text, facts", [
    ("min man behandlas för en livshotande form av lymfom", {"serious_condition": True}),
    ("Pacjentka z zagrażającym życiu rakiem trzustki", {"serious_condition": True}),
    ("han kan inte delta i någon studie och är inte med i någon",
     {"trial_available": False, "in_company_trial": False}),
    ("nie kwalifikuje się do żadnego badania i w żadnym nie uczestniczy",
     {"trial_available": False, "in_company_trial": False}),
])
def test_swedish_and_polish_openings(text, facts):
    read = stated_facts(text)
    assert {slot: read.get(slot) for slot in facts} == facts


def test_none_in_an_indication_is_no_trial():
    assert "in_company_trial" not in stated_facts(
        "jest badanie, do którego mógłby się zapisać; lek nie jest zarejestrowany w żadnym wskazaniu")
