"""What pool 61 showed once read (thirty-eighth session, once pool 62 was
frozen; its first figure 0.9719, 20 conversations with a repeated question).
Most failures were double negations read as a no ("there's nothing we haven't
tried", "it's not like she's never had it"); most repeats were a screening
failure not read as "not enrolled", the slang "zilch", and the Dutch "not
that I know". Phrasings written for these tests."""
import pytest

from bot.harm import detect
from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "there's nothing we haven't tried",
    "nothing she hasn't been given already",
    "there is nothing they haven't tried on him",
])
def test_nothing_left_untried_is_exhausted(text):
    assert _read(text, "alternatives_exhausted").facts.get("alternatives_exhausted") is True


@pytest.mark.parametrize("text", [
    "it's not like she's never had it, she had a course last year",
    "not that he has never taken it",
])
def test_a_denied_never_is_a_yes(text):
    assert _read(text, "previously_treated").facts.get("previously_treated") is True


@pytest.mark.parametrize("text, slot", [
    # a negation that stays one: a negative pronoun without a second negation, and two that agree
    ("nothing so far, she hasn't started", "previously_treated"),
    ("not now, never", "previously_treated"),
    ("nothing, she hasn't tried the approved ones", "alternatives_exhausted"),
])
def test_negations_that_do_not_cancel_still_say_no(text, slot):
    assert _read(text, slot).facts.get(slot) is False


@pytest.mark.parametrize("text", [
    "she was screened but failed screening",
    "screen failure, so no",
    "he didn't pass screening for your study",
])
def test_a_screening_failure_is_not_being_enrolled(text):
    assert _read(text, "in_company_trial").facts.get("in_company_trial") is False


def test_zilch_is_a_no():
    assert _read("zilch", "trial_available").facts.get("trial_available") is False


@pytest.mark.parametrize("text", ["niet dat ik weet", "pas que je sache", "nicht dass ich wüsste", "no que yo sepa",
                                  "non che io sappia"])
def test_not_that_i_know_is_a_no_in_other_languages_as_in_english(text):
    english = _read("not that I know", "in_development").facts.get("in_development")
    assert english is False and _read(text, "in_development").facts.get("in_development") is english


def test_a_licence_for_another_use_said_as_not_the_one_needed():
    facts = _read("there is a licence, only not the one she needs", "authorisation").facts
    assert facts.get("authorisation") == "authorised_other_indication"


@pytest.mark.parametrize("text", ["grandad of the patient", "I'm his granddad"])
def test_a_grandfather_is_a_relative(text):
    assert _read(text, "role").facts.get("role") == "patient_advocate"


def test_waterford_is_in_ireland_unless_michigan_is_named():
    assert _read("Waterford", "country").facts.get("country") == "IE"
    assert _read("Waterford, Michigan", "country").facts.get("country") == "US"


@pytest.mark.parametrize("text, kind", [
    ("ma neuro veut me prescrire un médoc qui n'a pas d'AMM", "medicine"),
    ("the inhibitor is approved in Italy for another cancer", "medicine"),
])
def test_the_kind_of_product_named_in_an_opening(text, kind):
    assert _read(text, None).facts.get("product_type") == kind


@pytest.mark.parametrize("text, kind", [("an ADC", "medicine"), ("ein BTK-Hemmer", "medicine"),
                                        ("un implante coclear", "medical_device")])
def test_the_kind_of_product_as_the_answer(text, kind):
    assert _read(text, "product_type").facts.get("product_type") == kind


def test_a_danish_relative_clause_without_som_belongs_to_its_trial():
    facts = _read("Hun er ikke med i noget forsøg, og der er ingen forsøg, hun kan komme med i.", None).facts
    assert facts.get("in_company_trial") is False and facts.get("trial_available") is False


def test_never_had_the_medicine_in_danish():
    assert _read("Min far har aldrig fået medicinen.", None).facts.get("previously_treated") is False


# The harm detector: a disease the product or the study is for, named with a
# harm word, is no event; a regulator's clearance is no lack of effect.
@pytest.mark.parametrize("text", [
    "He is in your phase 2 study of Norvalex for his IgA nephritis and has been on it a year. What after the study?",
    "She is enrolled in the company's trial of the implant for sudden deafness and was implanted last spring.",
    "Trelumab is authorised for psoriasis here, but not for her Crohn's. Which route applies?",
    "It is an investigational pump, not cleared or approved by FDA for any use.",
])
def test_the_disease_of_a_study_or_a_regulators_clearance_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "He was on Norvalex for three weeks and then got nephritis.",
    "She has been on the implant for a year and went deaf in that ear last month.",
    "We gave Trelumab for his psoriasis and he developed a severe rash.",
    "In your trial of Norvalex for lupus he was admitted with pneumonia.",
])
def test_a_harm_after_the_product_is_still_reported(text):
    assert detect(text) is not None
