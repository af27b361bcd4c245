"""What development pool 15 showed the readers missed, in phrasings written for
these tests: a trial someone else runs, a product never marketed, a French
département that another country's region shares, a relative after "ma", a
town after "à", and the open question's own clause over a phrase elsewhere."""
import pytest

from bot.authorisation import read_authorisation
from bot.polarity import answer_to
from bot.understanding import interpret


@pytest.mark.parametrize("text", ["only an investigator-initiated study at the university, not yours",
                                  "Seulement dans une étude académique, pas celle du laboratoire"])
def test_a_trial_someone_else_runs_is_no_company_trial(text):
    assert answer_to("in_company_trial", text) is False


@pytest.mark.parametrize("text", ["autorisé dans cette indication mais jamais commercialisé ici",
                                  "approved for this but nowhere to be found, unobtainable here"])
def test_a_product_never_marketed_or_nowhere_to_be_had_is_not_available(text):
    assert read_authorisation(text, answering=True) == "authorised_not_available"


def test_the_french_for_may_is_no_never():
    assert read_authorisation("AMM obtenue en mai dans cette indication, on le trouve en pharmacie", True) \
        == "authorised_available"


def test_a_french_departement_keeps_the_city_in_france():
    assert interpret("Roubaix, dans le Nord", "inform", [], "country", {}).facts.get("country") == "FR"


def test_a_relative_after_ma_and_a_town_after_a():
    facts = interpret("Bonsoir, c'est pour ma tante, suivie à Nice", "nlu_fallback", [], None, {}).facts
    assert facts == {"role": "patient_advocate", "country": "FR"}
    assert interpret("have a Nice day", "goodbye", [], None, {}).facts == {}


@pytest.mark.parametrize("text, value", [("nope, nothing in development for this", False),
                                         ("yes, in development for this indication", True)])
def test_the_open_questions_own_clause_decides(text, value):
    assert interpret(text, "inform", [], "in_development", {}).facts["in_development"] is value


@pytest.mark.parametrize("text, value", [("Een medisch hulpmiddel", "medical_device"), ("een geneesmiddel", "medicine")])
def test_the_kind_of_product_in_dutch(text, value):
    assert interpret(text, "inform", [], "product_type", {}).facts["product_type"] == value


@pytest.mark.parametrize("text, country", [("FR", "FR"), ("ES.", "ES"), ("AU", "AU")])
def test_a_country_code_alone_answers_the_country_question(text, country):
    assert interpret(text, "affirm", [], "country", {}).facts.get("country") == country


@pytest.mark.parametrize("text", ["es", "au", "no", "it"])
def test_a_code_that_is_a_word_in_lower_case_is_the_word(text):
    # "es" is Spanish for "is", "au" French for "to the": only the capitals are a code
    assert "country" not in interpret(text, "affirm", [], "country", {}).facts


def test_a_code_that_is_no_word_counts_in_lower_case_too():
    # development pool 20: "fr"
    assert interpret("fr", "inform", [], "country", {}).facts["country"] == "FR"


def test_not_on_the_market_in_french_and_a_german_nurse():
    assert read_authorisation("Autorisé pour ça, mais pas sur le marché ici", True) == "authorised_not_available"
    assert interpret("Ich bin Krankenpfleger", "out_of_scope", [], "role", {}).facts.get("role") == "other_hcp"


@pytest.mark.parametrize("text, role", [("Sono un'infermiera del reparto", "other_hcp"), ("Sou eu a doente", "patient")])
def test_an_elided_article_and_the_portuguese_patient(text, role):
    assert interpret(text, "inform", [], "role", {}).facts.get("role") == role


@pytest.mark.parametrize("text, facts", [
    ("Sa fille précise qu'elle n'est dans aucun essai.", {"in_company_trial": False}),
    ("pt ds aucun essai", {"in_company_trial": False}),
    ("Il n'a jamais pris ce médicament.", {"previously_treated": False}),
    ("je l'ai déjà pris l'an dernier", {"previously_treated": True}),
    ("j'ai eu une chimiothérapie l'an dernier", {}),
])
def test_trial_and_treatment_said_in_passing_in_french(text, facts):
    from bot.statements import stated_facts

    assert stated_facts(text) == facts


@pytest.mark.parametrize("text, facts", [
    ("jamais traitée par ce produit", {"previously_treated": False}),
    ("aucun essai ne lui est ouvert", {"trial_available": False}),
    ("une demande d'extension est prévue pour cette indication", {"in_development": True}),
    ("jamais eu de chance avec ce traitement", {}),
])
def test_more_of_a_long_french_opening(text, facts):
    from bot.statements import stated_facts

    assert stated_facts(text) == facts


def test_a_doctor_asking_for_a_colleague_is_another_professional():
    text = "je suis médecin, mais je ne suis pas le médecin qui suit la patiente ; je me renseigne pour un collègue"
    assert interpret(text, "inform", [], None, {}).facts.get("role") == "other_hcp"
