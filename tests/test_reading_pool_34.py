"""What pool 34 showed once read (twenty-third session; blind until then), in
phrasings written for these tests: a Polish, Dutch or Portuguese relative
clause after a comma belongs to its noun; "not life-threatening, but
severely disabled" is serious; a disease that is grave whatever its stage
named as the answer; German and Dutch compounds that end with a profession
or a kind of product; the company as the subject of a study is its
development; no more trials is not no more treatments; a stance before a
yes or no; "at all" in Polish; approved for adults only; a hospital named
after a town elsewhere beside its city; a case told without a question is
no question about a scheme."""
import pytest

from bot.answers import opens_assessment
from bot.authorisation import read_authorisation
from bot.places import find_places
from bot.polarity import answer_to
from bot.product_type import read_product_type
from bot.roles import read_role
from bot.statements import stated_facts
from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "Pacjent nie bierze udziału w badaniu i nie ma badania, do którego mógłby dołączyć.",
    "Er is geen studie, waaraan hij kan deelnemen.",
])
def test_a_relative_clause_after_a_comma_belongs_to_the_trial_denied(text):
    assert _read(text).facts.get("trial_available") is False


@pytest.mark.parametrize("text", [
    "Madrid. It's not life-threatening, but he's seriously disabled by it.",
    "Lyon. Not life threatening, though she is severely disabled.",
])
def test_not_life_threatening_but_severely_disabled_is_serious(text):
    assert _read(text, "country").facts.get("serious_condition") is True


@pytest.mark.parametrize("text", ["ALS", "He has ALS.", "motor neurone disease", "glioblastoma",
                                  "mein Vater hat Lungenkrebs im Endstadium"])
def test_a_disease_grave_whatever_its_stage_answers_the_seriousness_question(text):
    assert _read(text, "serious_condition").facts.get("serious_condition") is True


@pytest.mark.parametrize("text", ["als ob ich das wüsste", "als het moet"])
def test_the_german_and_dutch_als_is_no_disease(text):
    assert "serious_condition" not in _read(text, "serious_condition").facts


@pytest.mark.parametrize("text, role", [
    ("onderzoeksverpleegkundige", "other_hcp"),
    ("Ich bin Studienkoordinatorin", "other_hcp"),
    ("Physiotherapeutin", "other_hcp"),
    ("ik ben neurochirurg in het UMC", "physician"),
    ("Kinderonkologin hier", "physician"),
    ("Assistenzärztin auf der Station", "physician"),
    ("It's my own case, I'm not a doctor", "patient"),
])
def test_compounds_that_end_with_a_profession_name_it(text, role):
    assert read_role(text, answering=True) == role


def test_a_sister_in_a_compound_is_no_nurse():
    assert read_role("Zwillingsschwester", answering=True) is None


@pytest.mark.parametrize("text, kind", [
    ("ein Kreislaufunterstützungssystem", "medical_device"),
    ("eine Insulinpumpe", "medical_device"),
    ("een hartklep", "medical_device"),
    ("ein Krebsmedikament", "medicine"),
])
def test_compounds_that_end_with_a_kind_of_product_name_it(text, kind):
    assert read_product_type(text) == kind


@pytest.mark.parametrize("text", ["Ihr Immunsystem ist geschwächt", "das Gesundheitssystem zahlt"])
def test_a_system_that_is_no_device(text):
    assert read_product_type(text) is None


@pytest.mark.parametrize("text", [
    "de fabrikant doet een pivotale studie voor deze indicatie.",
    "die Firma macht gerade Studien dafür.",
])
def test_the_company_studying_it_is_development_not_enrolment(text):
    facts = stated_facts(text)
    assert facts.get("in_development") is True and "in_company_trial" not in facts


def test_the_dutch_first_person_in_the_companys_study_is_enrolled():
    assert stated_facts("ik neem deel aan de studie van jullie firma").get("in_company_trial") is True


def test_no_more_trials_is_not_no_more_treatments():
    facts = stated_facts("er ist in keiner Studie und kann auch in keine mehr rein.")
    assert facts.get("trial_available") is False and "alternatives_exhausted" not in facts


def test_a_trial_the_patient_could_take_part_in_in_dutch():
    assert stated_facts("er loopt een studie waar ik aan mee zou kunnen doen.").get("trial_available") is True


@pytest.mark.parametrize("text, value", [
    ("Honestly no, it's mostly about quality of life.", False),
    ("sadly yes", True),
    ("leider ja", True),
])
def test_a_stance_before_yes_or_no_leaves_the_answer(text, value):
    assert answer_to("serious_condition", text) is value


@pytest.mark.parametrize("text, status", [
    ("Lek nie jest w Polsce zarejestrowany w ogóle, ale firma prowadzi badania w tym wskazaniu.", "not_authorised"),
    ("Aprobado en España solo para adultos; ella tiene 9 años", "authorised_other_indication"),
    ("AMM en France, mais dans la maladie de Crohn uniquement", "authorised_other_indication"),
])
def test_status_at_all_and_for_another_population(text, status):
    assert read_authorisation(text, answering=True) == status


@pytest.mark.parametrize("text, country", [
    ("Lisbon, Santa Maria", "PT"),
    ("Santa Maria, Lisbon", "PT"),
    ("Dublin, Beaumont", "IE"),
])
def test_a_hospital_named_after_a_town_elsewhere_yields_to_its_city(text, country):
    assert [p.country for p in find_places(text, answering=True)] == [country]


def test_two_cities_of_a_move_stay_two():
    assert [p.country for p in find_places("Lyon, then Geneva", answering=True)] == ["FR", "CH"]


def test_a_case_told_without_a_question_opens_the_assessment_whatever_scheme_it_evokes(kb):
    text = ("Interventional cardiologist in Perth. A valve with no TGA approval, the maker is running a clinical "
            "investigation. She is not in it and no trial can take her. She never had it.")
    stated = ["role", "country", "product_type", "authorisation", "in_development", "in_company_trial",
              "trial_available", "previously_treated"]
    assert opens_assessment(text, stated, kb)
