"""Facts said in French, Italian, Spanish and German openings, read without
a model (bot/understanding.interpret). Cases written for these tests; the
evaluation pools are kept apart."""
import pytest

from bot.understanding import interpret


def _facts(text, requested=None):
    return interpret(text, "start_assessment", [], requested, {}).facts


@pytest.mark.parametrize("text, expected", [
    ("Le traitement n'a d'AMM en Suisse pour aucune indication.", {"authorisation": "not_authorised"}),
    ("Le produit n'est autorisé pour aucune indication chez nous.", {"authorisation": "not_authorised"}),
    ("Il prodotto non è autorizzato per nessuna indicazione.", {"authorisation": "not_authorised"}),
    ("El producto no está autorizado para ninguna indicación y hay un ensayo en esta indicación.",
     {"authorisation": "not_authorised"}),
])
def test_no_approval_for_any_use_in_other_languages(text, expected):
    facts = _facts(text)
    assert {k: facts.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, slot, value", [
    ("Elle n'est pas dans un essai de la firme.", "in_company_trial", False),
    ("La paziente non è in uno studio dell'azienda.", "in_company_trial", False),
    ("No está en ningún ensayo de la compañía.", "in_company_trial", False),
    ("Meine Patientin ist in der Studie des Herstellers.", "in_company_trial", True),
    ("aucun essai ouvert ne peut l'inclure", "trial_available", False),
    ("No puede entrar en ningún ensayo.", "trial_available", False),
    ("Nunca lo ha recibido.", "previously_treated", False),
    ("Non l'ha mai ricevuto.", "previously_treated", False),
    ("Ha una malattia che mette in pericolo la vita.", "serious_condition", True),
    ("Tiene una enfermedad potencialmente mortal.", "serious_condition", True),
    ("Le laboratoire a déposé une demande d'AMM dans cette indication.", "in_development", True),
    ("Il farmaco è in fase III per questa malattia.", "in_development", True),
])
def test_yes_no_facts_said_in_passing_in_other_languages(text, slot, value):
    assert _facts(text).get(slot) == value


@pytest.mark.parametrize("text", [
    "absolutely, it has taken over her whole life",  # not the product taken
])
def test_a_phrasal_verb_is_not_the_product_taken(text):
    assert "previously_treated" not in _facts(text, "serious_condition")


def test_failing_a_trials_inclusion_is_not_the_treatments_failing():
    facts = _facts("no, we screened her and she failed inclusion for every open study", "trial_available")
    assert "alternatives_exhausted" not in facts


@pytest.mark.parametrize("text", [
    "Le médicament n'est autorisé en Belgique pour aucune indication et une demande d'AMM est déposée pour cette "
    "indication.",
    "the company applied for approval in this indication; it is not approved anywhere yet",
])
def test_a_request_for_approval_is_development_not_the_status(text):
    facts = _facts(text)
    assert facts.get("authorisation") == "not_authorised" and facts.get("in_development") is True


def test_alternatives_that_failed_in_french():
    assert _facts("Toutes les alternatives autorisées ont échoué.").get("alternatives_exhausted") is True
