"""What development pool 31 showed (twenty-first session), in phrasings
written for these tests: English double negations; "any" after a negation
is an absence; the last option contraindicated; an open trial the patient
would fit is the other trial question; Polish "i" (and); Swedish "varken";
the Spanish resident (MIR); a patient who says so before a verb that sounds
like a grade; Polish "unregistered" and a labelled status with "none";
facts said in passing in Scandinavian, Polish, Dutch, Italian and Spanish
openings; a clause of doubt takes back the one before."""
import pytest

from bot.authorisation import read_authorisation
from bot.countries import to_iso
from bot.places import find_places
from bot.polarity import answer_to
from bot.roles import read_role
from bot.statements import stated_facts
from bot.understanding import interpret


def _read(text, asked=None):
    return interpret(text, "inform", [], asked, {"requested_slot": asked}).facts


@pytest.mark.parametrize("slot, text, value", [
    # two English negations in one clause cancel
    ("serious_condition", "I wouldn't say it isn't serious", True),
    ("serious_condition", "can't say it isn't life-threatening, it is", True),
    ("alternatives_exhausted", "there isn't one approved drug she hasn't had", True),
    ("alternatives_exhausted", "there's no approved treatment he hasnt been on", True),
    # ... but a negation with another language's or an answer's "no" stays one
    ("serious_condition", "no it isn't serious", False),
    ("serious_condition", "it isn't, it isn't serious", False),
    ("in_company_trial", "no, she isn't", False),
    # "any" after a negation is none
    ("alternatives_exhausted", "there isn't anything left for him", True),
    ("alternatives_exhausted", "we don't have any options remaining", True),
    ("alternatives_exhausted", "there are options left", False),
    # the last option can't be given
    ("alternatives_exhausted", "yes - the one approved drug remaining is contraindicated in her", True),
    # the Swedish "neither ... nor"
    ("serious_condition", "den är varken livshotande eller invalidiserande", False),
    ("previously_treated", "ne'er had it", False),
])
def test_answers_with_two_negations_or_a_negated_quantifier(slot, text, value):
    assert answer_to(slot, text) is value


def test_restricted_badly_is_serious_whatever_the_clause_before_denies():
    facts = _read("Die Krankheit ist nicht tödlich, aber sie schränkt ihn massiv ein.", "country")
    assert facts.get("serious_condition") is True


def test_an_open_trial_the_patient_would_fit_answers_the_other_trial_question():
    facts = _read("Nein. Aber es gibt eine offene Studie, in die sie passen würde.", "in_company_trial")
    assert facts.get("in_company_trial") is False


@pytest.mark.parametrize("text, role", [
    ("MIR de cardiología, R2", "physician"),
    ("Fachkrankenschwester auf der Onkologie", "other_hcp"),
])
def test_roles_of_spanish_residents_and_german_specialist_nurses(text, role):
    assert read_role(text, answering=True) == role


def test_the_german_mir_is_no_doctor():
    assert read_role("Können Sie mir helfen? Es geht um meinen Vater.", answering=False) != "physician"


@pytest.mark.parametrize("text, role", [
    ("Hello, I'm the patient, attending the Mater hospital in Dublin", "patient"),
    ("Hi - I am a patient, seeing an oncologist in Cork", "patient"),
    # a phrase that does not name the patient gives way to the role that follows
    ("C'est moi qui la suis, je suis sa néphrologue", "physician"),
    ("I'm a patient advocate for a lymphoma charity", "patient_advocate"),
])
def test_a_patient_who_says_so_first(text, role):
    assert read_role(text, answering=False) == role


@pytest.mark.parametrize("text, value", [
    ("niezarejestrowana", "not_authorised"),
    ("Zulassung in Deutschland: keine", "not_authorised"),
    ("Marketing authorisation: none, a filing is planned", "not_authorised"),
    ("AMM en France : aucune", "not_authorised"),
])
def test_the_status_unregistered_or_labelled_none(text, value):
    assert read_authorisation(text, answering=True) == value


@pytest.mark.parametrize("text, facts", [
    # Polish "i" (and) before a negation ends the clause before it
    ("Moja córka ma ciężką chorobę i nie jest w żadnym badaniu firmy.",
     {"serious_condition": True, "in_company_trial": False}),
    ("Obecnie nie uczestniczy w żadnym badaniu i nigdy nie dostawała tego leku.",
     {"in_company_trial": False, "previously_treated": False}),
    # Danish and Polish "never had it"
    ("Hun har aldrig fået det.", {"previously_treated": False}),
    ("Nigdy go nie brał.", {"previously_treated": False}),
    # ... the standard treatment had is not the product
    ("Han har kun fået den godkendte standardbehandling.", {}),
    # no trial for him or her, to go into, available
    ("Det finns ingen studie hon kan gå med i.", {"trial_available": False}),
    ("Ingen studier er tilgjengelige for ham.", {"trial_available": False}),
    ("Innego badania dla niego nie ma.", {"trial_available": False}),
    ("Eine passende Studie gibt es nicht.", {"trial_available": False}),
    ("Non ci sono altri studi per lui.", {"trial_available": False}),
    # filed, applied for, under development
    ("Firmaet har søkt om godkjenning.", {"in_development": True}),
    ("Ansøgningen er indsendt.", {"in_development": True}),
    ("Registratie is aangevraagd.", {"in_development": True}),
    ("La domanda all'AIFA è depositata.", {"in_development": True}),
    ("La compañía ha presentado la solicitud de autorización.", {"in_development": True}),
    ("Un dépôt est prévu l'an prochain.", {"in_development": True}),
    ("NDA planned for 2027.", {"in_development": True}),
    ("Det er ikke under utvikling for denne bruken.", {"in_development": False}),
    ("Es wird nicht mehr weiterentwickelt.", {"in_development": False}),
    # a clause of doubt takes back the one before
    ("Dass die Firma es noch weiterentwickelt, glaube ich nicht.", {}),
    # the Polish "inne" (other) is no option left over
    ("Choroba zagraża jego życiu, inne leczenia wyczerpane.", {"serious_condition": True, "alternatives_exhausted": True}),
    # the Norwegian "at all" is not "taken"
    ("Ikke godkjent i Norge i det hele tatt.", {}),
    # a wish to try the product says nothing of the alternatives
    ("My wife wants to try a drug that isn't licensed anywhere.", {}),
    # someone else conducting a study; the patient not part of it
    ("L'azienda sta conducendo uno studio, ma mia madre non ne fa parte.", {"in_company_trial": False}),
    # in Scandinavian, Polish, Portuguese and German openings
    ("Wcześniej już dostawałam ten lek.", {"previously_treated": True}),
    ("Hun har prøvd alle godkjente behandlinger.", {"alternatives_exhausted": True}),
    ("Han har aldrig behandlats med produkten.", {"previously_treated": False}),
    ("Ingen studie finns för henne.", {"trial_available": False}),
    ("Hon deltar inte i någon företagsstudie.", {"in_company_trial": False}),
    ("Der Patient ist nicht in dieser Studie.", {"in_company_trial": False}),
    ("Er kommt für keine Studie infrage.", {"trial_available": False}),
    ("Ela tem uma doença que ameaça a vida.", {"serious_condition": True}),
    ("Han er ikke med i noen studie, og det finnes ingen han kan bli med i.",
     {"in_company_trial": False, "trial_available": False}),
])
def test_facts_said_in_passing(text, facts):
    assert stated_facts(text) == facts


@pytest.mark.parametrize("text, country", [
    ("Springfield, MA", "US"),
    ("Cambridge, MA", "US"),
    ("London, ON", "CA"),
    ("Newcastle NSW", "AU"),
    # the city's own country's code is no state: not Delaware, California or Newfoundland
    ("Berlin, DE", "DE"),
    ("Toronto, CA", "CA"),
    ("Amsterdam, NL", "NL"),
])
def test_a_city_with_its_state_code(text, country):
    assert [p.country for p in find_places(text, answering=True)][:1] == [country]


@pytest.mark.parametrize("name, code", [
    ("Szwecja", "SE"), ("Niemcy", "DE"), ("Stany Zjednoczone", "US"), ("Wielka Brytania", "GB"),
    ("Tyskland", "DE"), ("Storbritannien", "GB"), ("Frankrike", "FR"), ("Sveits", "CH"),
])
def test_country_names_in_polish_and_the_scandinavian_languages(name, code):
    assert to_iso(name) == code


@pytest.mark.parametrize("word", ["man", "Dominika", "reunion"])
def test_words_and_first_names_are_no_country_names(word):
    assert to_iso(word) is None


def test_polish_other_options_are_no_answer_that_options_remain():
    assert answer_to("alternatives_exhausted", "tak, inne opcje wyczerpane") is True
    assert answer_to("alternatives_exhausted", "nie, są jeszcze inne opcje") is False
