"""What development pools 24 and 25 showed (seventeenth session), in phrasings
written for these tests: facts given as "label: yes/no" in notes, "nowhere"
as a negation, a "no" that only answers before a negative phrase, the
Spanish "y" after a negation, a use that goes with development rather than
with the status, a pronoun standing for a trial, topics said in more than
one word ("get into", "hinter mir"), the patient's word alone in other
languages, greetings before the writer's role, someone else's doctor, and
places in lower case beside a capitalised one."""
import pytest

from bot.authorisation import read_authorisation
from bot.polarity import answer_to
from bot.roles import read_role
from bot.understanding import interpret


def _read(text, asked=None, entities=()):
    return interpret(text, "inform", list(entities), asked, {}).facts


def test_facts_given_as_labels_with_yes_or_no():
    facts = _read("Oncology pharmacist, Lyon. Phase 3 ongoing: yes. Patient in company trial: no. "
                  "Open trial for him: no. Serious disease: yes. Previously treated: no.")
    assert facts["in_company_trial"] is False
    assert facts["trial_available"] is False
    assert facts["serious_condition"] is True
    assert facts["previously_treated"] is False


def test_a_negated_label_turns_its_answer_round():
    assert _read("Never treated with it: yes")["previously_treated"] is False


def test_a_label_with_a_question_mark_states_nothing():
    assert "trial_available" not in _read("Trial open to her: no?")


@pytest.mark.parametrize("text", ["hij kan nergens aan meedoen", "er kann nirgends teilnehmen",
                                  "she can join nowhere"])
def test_nowhere_to_join_is_no_trial(text):
    assert answer_to("trial_available", text) is False


def test_a_no_that_answers_does_not_turn_a_negative_phrase_round():
    assert _read("Belgium, and no she isn't in any trial", "country")["in_company_trial"] is False


def test_a_double_negation_still_turns_round():
    assert _read("honestly it's not NOT serious, he can't work", "serious_condition")["serious_condition"] is True


def test_the_spanish_and_after_a_negation_starts_a_new_clause():
    facts = _read("No tiene autorización para nada y sigue en desarrollo para esta enfermedad.")
    assert facts["in_development"] is True
    assert facts["authorisation"] == "not_authorised"


def test_the_french_y_after_pas_stays_in_its_clause():
    facts = _read("Elle n'est pas dans l'essai et elle ne peut pas y entrer.")
    assert facts.get("trial_available") is not True


@pytest.mark.parametrize("text", [
    "Dispositif sans marquage CE, en cours de développement pour cette indication.",
    "Le patient a besoin d'une valve sans marquage CE. Le fabricant ne la développe pas pour son cas.",
])
def test_a_use_said_of_development_is_not_another_use(text):
    assert read_authorisation(text) == "not_authorised"


def test_none_standing_for_a_trial_is_not_the_product_unavailable():
    text = "The drug is licensed here for this indication and is available. She is not in a study, none is available."
    assert read_authorisation(text) == "authorised_available"


@pytest.mark.parametrize("text, expected", [
    ("nothing he could get into", False),
    ("there's one she can get into", True),
    ("no, nothing she can take part in", False),
])
def test_joining_said_in_more_than_one_word(text, expected):
    assert answer_to("trial_available", text) is expected


@pytest.mark.parametrize("text", ["Alle zugelassenen Therapien hat er schon hinter sich.",
                                  "On a tout essayé pour elle, sa maladie est grave."])
def test_everything_tried_in_other_words(text):
    assert _read(text)["alternatives_exhausted"] is True


@pytest.mark.parametrize("text", ["patiente", "la paciente", "Patientin", "il paziente", "o doente"])
def test_the_patients_word_alone_answers_who_are_you(text):
    assert read_role(text, answering=True) == "patient"


def test_a_boyfriend_is_a_relative():
    assert read_role("gf of the patient", answering=True) == "patient_advocate"


def test_the_writers_own_doctor_in_german_is_not_the_writer():
    text = "Ich bin Patientin in Köln. Laut meinem Arzt könnte ich in eine Studie aufgenommen werden."
    assert read_role(text, answering=False) == "patient"


@pytest.mark.parametrize("text", ["Kaderärztin Onkologie, Kantonsspital Aarau", "Overlege ved Ullevål",
                                  "Sono neurochirurgo a Torino", "Olá, sou doente no Porto"])
def test_grades_and_words_of_other_countries(text):
    expected = "patient" if "doente" in text else "physician"
    assert read_role(text, answering=False) == expected


def test_a_role_after_a_greeting_in_the_same_sentence_is_the_writers():
    assert read_role("Hello, research nurse at the Christie here.", answering=False) == "other_hcp"


@pytest.mark.parametrize("text, expected", [
    ("I'm a patient of Dr Lambert", "patient"),
    ("Patient here. My haematologist told me about it.", "patient"),
    ("sa médecin traitante", "physician"),
    ("GP, but the neurologist is the one treating her", "other_hcp"),
    ("family doc, I've known him for years", "physician"),
])
def test_whose_doctor_it_is(text, expected):
    assert read_role(text, answering=True) == expected


@pytest.mark.parametrize("text, country", [
    ("Valencia. Está autorizado para esta indicación", "ES"),
    ("Torino, ed è una malattia grave", "IT"),
])
def test_a_lower_case_word_beside_a_capitalised_place_is_a_word(text, country):
    assert _read(text, "country")["country"] == country


def test_a_place_that_holds_a_country_word_wins():
    entity = {"entity": "country", "value": "British", "start": 0, "end": 7}
    assert _read("British Columbia", "country", [entity])["country"] == "CA"


@pytest.mark.parametrize("text, slot, value", [
    ("Non è omologato in Svizzera per nessuna indicazione.", "authorisation", "not_authorised"),
    ("Es ist in Deutschland für nichts zugelassen.", "authorisation", "not_authorised"),
    ("Il a une AMM en France mais pour autre chose.", "authorisation", "authorised_other_indication"),
    ("She isn't enrolled yet and has never had it.", "in_company_trial", False),
    ("Mein Vater nimmt an keiner Studie teil.", "in_company_trial", False),
    ("Er ist in keiner Studie, es gibt auch keine für ihn.", "trial_available", False),
    ("La sua malattia è gravissima.", "serious_condition", True),
    ("Nunca usei o medicamento.", "previously_treated", False),
])
def test_facts_in_passing(text, slot, value):
    assert _read(text)[slot] == value


@pytest.mark.parametrize("text, country", [
    ("Rigshospitalet", "DK"), ("Haukeland, Bergen", "NO"), ("UZ Leuven", "BE"), ("Inselspital", "CH"),
    ("Sankt Gallen", "CH"), ("Pilsen", "CZ"), ("Iraklion", "GR"),
])
def test_hospitals_and_cities_named_without_their_country(text, country):
    assert _read(text, "country")["country"] == country


def test_on_the_market_here_for_this_is_available_for_this_use():
    assert read_authorisation("it's on the market here for this, I'm just checking", answering=True) \
        == "authorised_available"


# Development pool 25 (read after its two figures-only runs)

def test_a_contrast_inside_a_german_clause_keeps_its_subject():
    assert answer_to("in_development", "ja, Phase 3 läuft; er ist aber nicht in der Studie") is True


@pytest.mark.parametrize("text", ["sin ningún desarrollo previsto para esta indicación",
                                  "sans développement prévu dans cette indication"])
def test_without_development_is_no_development(text):
    assert _read(text)["in_development"] is False


def test_a_company_that_abandoned_development():
    assert _read("La empresa abandonó el desarrollo de este fármaco.")["in_development"] is False


def test_without_success_still_means_everything_was_tried():
    assert _read("Hemos probado todos los tratamientos aprobados sin éxito.")["alternatives_exhausted"] is True


def test_a_dutch_and_before_a_verb_starts_a_new_clause():
    facts = _read("Mijn man heeft een levensbedreigende ziekte en zit niet in een studie.")
    assert facts["serious_condition"] is True


@pytest.mark.parametrize("text", ["geregistreerd maar niet verkrijgbaar", "zugelassen, aber nicht lieferbar"])
def test_registered_but_not_to_be_had(text):
    assert read_authorisation(text, answering=True) == "authorised_not_available"


@pytest.mark.parametrize("text, role", [("I'm the person with the illness", "patient"),
                                        ("Studienkoordinatorin", "other_hcp"), ("step-mum", "patient_advocate")])
def test_more_ways_to_say_who_one_is(text, role):
    assert read_role(text, answering=True) == role


@pytest.mark.parametrize("text, country", [("u.k.", "GB"), ("u.s.", "US"), ("Newcastle", "GB")])
def test_dotted_short_forms_and_newcastle(text, country):
    assert _read(text, "country")["country"] == country


def test_a_typed_short_approval():
    assert read_authorisation("not apprvd", answering=True) == "not_authorised"
