"""What development pool 30 showed (twentieth session), in phrasings written
for these tests: the role in an answer's first clause; Norwegian and Danish
patients; a friend "just" helping; a hospital's name is no role ("MD
Anderson"); a relative writing "on behalf of" with the patient's doctors
named; places (a name written with its accents, shared names, a hospital
word beside a city, little words of other languages); the status, the
alternatives and the trials in Swedish, Norwegian, Danish and Polish;
negations typed without their apostrophe."""
import pytest

from bot.authorisation import read_authorisation
from bot.places import find_places
from bot.roles import read_role
from bot.understanding import interpret


def _read(text, asked=None):
    return interpret(text, "inform", [], asked, {"requested_slot": asked}).facts


@pytest.mark.parametrize("text, role", [
    ("the patient, and she has never had it", "patient"),
    ("The patient - and the disease is serious", "patient"),
    ("jeg er pasient", "patient"),
    ("det er meg selv", "patient"),
    ("pasienten", "patient"),
    ("only a friend of the family, helping out", "patient_advocate"),
    ("just a neighbour trying to help her", "patient_advocate"),
])
def test_the_role_answered_in_a_first_clause_or_a_scandinavian_word(text, role):
    assert read_role(text, answering=True) == role


def test_a_hospital_named_after_a_person_names_no_physician():
    assert "role" not in _read("Houston - MD Anderson", "country")
    assert _read("Houston - MD Anderson", "country")["country"] == "US"
    assert read_role("oncologist at MD Anderson", answering=False) == "physician"


def test_a_relative_writing_on_behalf_of_the_patient_is_no_professional():
    text = ("I'm writing on behalf of my sister, treated in Lyon. Her doctors told us about a study "
            "she could join.")
    assert read_role(text, answering=False) == "patient_advocate"
    # a professional who writes for a colleague still is one
    assert read_role("GP here, writing on behalf of the consultant", answering=False) == "other_hcp"


@pytest.mark.parametrize("text, country", [
    ("Universitätsklinikum Münster", "DE"),    # written with its accent: the German city
    ("Munster, Cork", "IE"),                  # the Irish province
    ("Hospital Clínico de Salamanca", "ES"),   # a name two cities share: the one in Spain
    ("Athens", "GR"),                          # ... unless the other is much larger
    ("Wellington", "NZ"),
    ("CHU, Liège", "BE"),                     # a French hospital word beside a Belgian city
    ("pour mon fils Léo, au CHU de Toulouse", "FR"),  # Léo is also a town in Burkina Faso
    ("Ahus i Lørenskog", "NO"),
    ("Aus", "AU"),
])
def test_places_people_answer_with(text, country):
    assert _read(text, "country").get("country") == country


def test_a_little_word_of_another_language_is_no_faraway_city():
    # "Una" is a town in India, "una" the Italian and Spanish article
    assert not find_places("Una paziente grave con un tumore raro")
    assert not find_places("Sido tratado en casa")
    assert [p.country for p in find_places("soignée à Lille")] == ["FR"]


@pytest.mark.parametrize("text, status", [
    ("godkänt för den här sjukdomen men inte marknadsfört", "authorised_not_available"),
    ("pumpen är CE-märkt för detta, men säljs inte i Sverige", "authorised_not_available"),
    ("godkendt, men ikke markedsført", "authorised_not_available"),
    ("zarejestrowany, ale nie jest sprzedawany", "authorised_not_available"),
    ("CE-märkt och marknadsfört här", "authorised_available"),
])
def test_the_status_in_scandinavian_languages_and_polish(text, status):
    assert read_authorisation(text, answering=True) == status


@pytest.mark.parametrize("text", [
    "Firman har inte ansökt om godkännande för denna sjukdom.",    # has not applied for approval
    "wszystkie zarejestrowane leki już wypróbowaliśmy",            # all registered drugs tried
    "He's not in a study, and every other approved alternative has failed for him.",
])
def test_an_application_or_other_treatments_say_nothing_of_the_status(text):
    assert read_authorisation(text, in_passing=True) is None
    assert "authorisation" not in _read(text)


@pytest.mark.parametrize("text", [
    "wszystkie zarejestrowane leki już wypróbowaliśmy",
    "alla godkända behandlingar är prövade",
    "de godkjente medisinene er prøvd uten at de hjelper",
    "she started it after everything else available had failed",
])
def test_alternatives_tried_in_other_languages_or_with_available(text):
    assert _read(text).get("alternatives_exhausted") is True


@pytest.mark.parametrize("slot, text, value", [
    ("previously_treated", "hasnt had the drug before", False),
    ("alternatives_exhausted", "he's only had first line so far", False),
    ("in_development", "no estoy seguro, pero creo que sí", True),
])
def test_answers_with_a_negation_or_a_hedge(slot, text, value):
    assert _read(text, slot).get(slot) is value


def test_a_negation_typed_without_its_apostrophe_turns_a_fact_said_in_passing():
    assert _read("Lisbon. She hasnt had the drug before.", "country").get("previously_treated") is False


def test_the_company_trial_by_its_phase_and_the_portuguese_no():
    assert _read("pharmacist; she's enrolled in your phase 3", "role").get("in_company_trial") is True
    assert _read("sou doente e estou num ensaio da vossa empresa no Porto").get("in_company_trial") is True


def test_treatments_tried_before_entering_a_trial_say_nothing_of_trials_to_join():
    assert "trial_available" not in _read("ya los probó todos antes de entrar en el estudio")


def test_the_german_word_for_a_preparation_answers_the_product_question():
    assert _read("ein Präparat", "product_type")["product_type"] == "medicine"


@pytest.mark.parametrize("text, status", [
    ("It's approved in Sweden for psoriasis, not for her eczema.", "authorised_other_indication"),
    ("Das Präparat ist für Brustkrebs zugelassen, nicht fürs Ovarialkarzinom.", "authorised_other_indication"),
    ("It's approved here, but not for sale yet.", "authorised_not_available"),
    ("The drug isn't FDA approved for anything; the company is working towards approval.", "not_authorised"),
])
def test_another_use_after_not_for_but_not_a_sale(text, status):
    assert read_authorisation(text) == status


def test_therapeutic_alternatives_are_other_treatments():
    assert read_authorisation("não há alternativas terapêuticas aprovadas por tentar", answering=True) is None


@pytest.mark.parametrize("text, facts", [
    ("hi im 35 and have advanced melanoma", {"role": "patient"}),
    ("I'm treated at the university hospital in Bergen for psoriasis.", {"role": "patient", "country": "NO"}),
    ("its serious and all the usual treatments are done", {"serious_condition": True,
                                                           "alternatives_exhausted": True}),
    ("She has a rare lung disease and nothing approved has stopped it.", {"alternatives_exhausted": True}),
])
def test_facts_said_in_passing_in_an_opening(text, facts):
    read = _read(text)
    assert {slot: read.get(slot) for slot in facts} == facts


def test_the_drug_received_in_a_closed_study_is_exposure_not_enrolment():
    read = _read("Hij kreeg uw geneesmiddel vorig jaar in een studie van uw bedrijf.")
    assert read.get("previously_treated") is True
    assert "in_company_trial" not in read


@pytest.mark.parametrize("slot, text, value", [
    # the product had or not: a product's code, though the clauses split it; Norwegian "had" and a
    # device by its kind; the subject of the clause before ("... and receiving the drug")
    ("previously_treated", "He has never had TRX-44.", False),
    ("previously_treated", "She was given LMP-7 in Spain last year.", True),
    ("previously_treated", "Jeg har aldri hatt pumpen.", False),
    ("previously_treated", "never used the spray", False),
    ("previously_treated", "è già in trattamento con il vostro farmaco.", True),
    ("previously_treated", "She's in your phase 3 and receiving the drug.", True),
    ("previously_treated", "already in your study, receiving it every week", True),
    # the illness named with its severity, by its name or its ending
    ("serious_condition", "My daughter has severe ulcerative colitis and nothing approved has worked.", True),
    ("serious_condition", "Patient with severe haemophilia A, treated in Leeds.", True),
    ("serious_condition", "Tiene una epilepsia grave desde niña.", True),
    ("serious_condition", "He has a muscular dystrophy, which is life-limiting.", True),
    ("serious_condition", "Zijn zus heeft een ernstige vorm van sclerodermie en alle medicijnen hebben niet geholpen.",
     True),
    ("serious_condition",
     "El medicamento no está autorizado en España para nada, está en desarrollo para su enfermedad, y es muy grave.",
     True),
    # the alternatives in more words
    ("alternatives_exhausted", "Stage IV disease, all standard therapies used.", True),
    ("alternatives_exhausted", "He has progressed through every licensed option.", True),
    ("alternatives_exhausted", "alle godkjente medisiner er forsøkt", True),
    ("alternatives_exhausted", "Alle zugelassenen Therapien haben bei ihm nicht gewirkt.", True),
    ("alternatives_exhausted", "le alternative approvate non sono adatte e non ha più alternative", True),
    ("alternatives_exhausted", "There is nothing else approved that could help her.", True),
    ("alternatives_exhausted", "She's still got a couple of approved options left.", False),
    ("alternatives_exhausted", "there are plenty of licensed treatments left to try", False),
    # the company's trial named by a pronoun, or said of a relative
    ("in_company_trial", "Your company runs a phase 2 for her disease, but she isn't in it.", False),
    ("in_company_trial", "i can't join any trial and i'm not in one either", False),
    ("in_company_trial", "He is not in that study, and none is open to him.", False),
    ("in_company_trial", "Es gibt eine Studie, aber er ist noch nicht dabei.", False),
    ("in_company_trial", "Mijn vader zit in uw studie.", True),
    ("in_company_trial", "My brother is in one of your company's trials.", True),
    # no trial to join, by a pronoun or for the writer
    ("trial_available", "He isn't in any study, and there isn't one he could go into.", False),
    ("trial_available", "L'essai se termine et il n'y a pas d'autre essai pour moi.", False),
    ("trial_available", "No estoy en ningún ensayo ni hay uno para mí.", False),
    ("trial_available", "there's a study for me at the university hospital", True),
])
def test_a_yes_no_fact_said_in_passing(slot, text, value):
    assert _read(text).get(slot) is value


@pytest.mark.parametrize("slot, text, asked", [
    ("previously_treated", "elle n'est pas dans un essai et aucun essai ne la prend.", None),  # no one taken
    ("serious_condition", "she had a severe rash after the chemo", None),  # a reaction, not the illness
    ("serious_condition", "a serious infection from the chemo last year", None),
    ("in_company_trial", "the drug is not in it", None),  # a pronoun with no trial to stand for
    ("trial_available", "non, il n'est inclus dans aucun essai", "in_company_trial"),  # the enrolment
])
def test_words_that_say_nothing_of_a_fact(slot, text, asked):
    assert slot not in _read(text, asked)
