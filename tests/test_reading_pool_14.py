"""What development pool 14 showed the readers missed, in phrasings written for
these tests (the pool itself is measured, not copied): a role the writer denies,
Dutch and Portuguese answers, professions and relatives in more languages,
country names that are also words, and a status said in Dutch or Portuguese."""
import pytest

from bot.authorisation import read_authorisation
from bot.polarity import answer_to
from bot.roles import read_role
from bot.statements import stated_facts
from bot.understanding import interpret


@pytest.mark.parametrize("text, role", [
    # a role the writer says they are not
    ("Not his sister, I'm the GP looking after him", "physician"),
    ("not a physician - I'm the unit's clinical pharmacist", "other_hcp"),
    ("No, not the doctor. I'm his daughter", "patient_advocate"),
    ("I'm a doctor, but not treated by me: she's under the renal team", "other_hcp"),
    ("Je suis interne, mais ce n'est pas moi qui le suis, c'est le chef de service", "other_hcp"),
    # professions and relatives in more languages
    ("ik ben haar huisarts", "physician"),
    ("verpleegkundige op de afdeling", "other_hcp"),
    ("sage-femme à la maternité", "other_hcp"),
    ("IDE de nuit", "other_hcp"),
    ("Krankenhausapothekerin", "other_hcp"),
    ("ik ben de dochter van de patiënt", "patient_advocate"),
    ("I'm the patients brother", "patient_advocate"),
    ("je représente une association de malades", "patient_advocate"),
    ("ik ben zelf de patiënt", "patient"),
    ("c'est pour moi-même", "patient"),
])
def test_more_writers_are_read(text, role):
    assert read_role(text, answering=True) == role


@pytest.mark.parametrize("text", ["une perfusion", "perfusion pump", "slt, c'est pour ma mère"])
def test_words_close_to_a_profession_are_not_one(text):
    assert read_role(text, answering=True) != "other_hcp"


@pytest.mark.parametrize("slot, text, value", [
    ("in_company_trial", "Nee, hij doet niet mee aan een studie", False),
    ("in_company_trial", "Sim, está num ensaio da empresa", True),
    ("trial_available", "Nee, er is geen studie mogelijk", False),
    ("previously_treated", "Não, nunca o recebeu", False),
    ("previously_treated", "Ja, hij heeft het al gekregen", True),
    ("serious_condition", "Sim, a vida dele está em risco", True),
])
def test_dutch_and_portuguese_answers(slot, text, value):
    assert answer_to(slot, text) is value


def test_neither_nor_is_a_no_and_treatments_still_to_try_are_not_exhausted():
    facts = stated_facts("Ma maladie n'est ni grave ni invalidante, et il me reste des traitements à essayer.")
    assert facts.get("serious_condition") is False
    assert facts.get("alternatives_exhausted") is not True
    assert stated_facts("Die Krankheit ist weder lebensbedrohlich noch schwer behindernd.").get("serious_condition") \
        is False


@pytest.mark.parametrize("text, status", [
    ("Hier voor geen enkele indicatie geregistreerd", "not_authorised"),
    ("geregistreerd, maar voor een andere ziekte", "authorised_other_indication"),
    ("Aprovado aqui, mas para outra doença", "authorised_other_indication"),
    ("Voor deze indicatie goedgekeurd maar niet verkrijgbaar", "authorised_not_available"),
    ("Il a son AMM pour cette indication mais pas encore lancé en France", "authorised_not_available"),
    ("not licensed here, full stop, for this or any other indication", "not_authorised"),
])
def test_the_status_in_dutch_portuguese_and_plain_words(text, status):
    assert read_authorisation(text, answering=True) == status


@pytest.mark.parametrize("text, country", [
    ("en Suisse romande, à Lausanne", "CH"),
    ("Italia, e la malattia è grave", "IT"),
])
def test_a_word_next_to_a_country_is_not_a_misspelt_country(text, country):
    entities = [{"entity": "country", "value": text.split(",")[0].split()[-1], "start": 0, "end": 0}]
    # The NLU's entity, as the pipeline gives it: the named country wins.
    start = text.index(entities[0]["value"])
    entities[0].update(start=start, end=start + len(entities[0]["value"]))
    assert interpret(text, "inform", entities, "country", {}).facts.get("country") == country


def test_benign_in_french_is_not_benin():
    entity = {"entity": "country", "value": "bénin", "start": 10, "end": 15}
    assert "country" not in interpret("Non, c'est bénin", "deny", [entity], "serious_condition", {}).facts
    capitalised = {"entity": "country", "value": "Bénin", "start": 12, "end": 17}
    assert interpret("On vit au Bénin", "inform", [capitalised], "country", {}).facts.get("country") == "BJ"


def test_a_french_university_hospital_town_is_in_france():
    assert interpret("pharmacienne au CHU de Brest", "inform", [], "role", {}).facts.get("country") == "FR"
