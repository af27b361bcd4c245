"""What development pool 21 showed, in phrasings written for these tests:
"not yet" is a no in seven languages even when the classifier reads "I
don't know", "tampoco" and its neighbours negate, "without" in other
languages negates an approval, Spanish and Portuguese off-label, a
licence that cannot be bought, nursing teams and French research staff,
"Down Under", and taking the product now in French and Spanish."""
import pytest

from bot.authorisation import read_authorisation
from bot.polarity import answer_to
from bot.understanding import interpret


@pytest.mark.parametrize("text", ["not yet", "no, not yet", "pas encore", "noch nicht", "todavía no", "ainda não",
                                  "nog niet", "non ancora", "she hasn't yet"])
@pytest.mark.parametrize("intent", ["dont_know", "deny", "inform"])
def test_not_yet_is_a_no_whatever_the_classifier_said(text, intent):
    assert interpret(text, intent, [], "previously_treated", {}).facts["previously_treated"] is False


def test_not_yet_before_a_reason_is_still_a_no():
    facts = interpret("not yet, the pump hasn't been fitted", "dont_know", [], "previously_treated", {}).facts
    assert facts["previously_treated"] is False


def test_a_break_word_after_a_negation_stays_in_its_clause():
    # "not so bad" says no yes to how grave it is; it is no "so, yes"
    assert answer_to("serious_condition", "not so bad") is not True


@pytest.mark.parametrize("text", ["tampoco hay un estudio abierto al que pueda entrar",
                                  "non c'è neanche uno studio aperto per lei"])
def test_neither_negates_the_trial_that_follows(text):
    assert interpret(text, "inform", [], "trial_available", {}).facts["trial_available"] is False


@pytest.mark.parametrize("text, status", [
    ("sin autorización para ninguna enfermedad", "not_authorised"),
    ("senza autorizzazione in Italia", "not_authorised"),
    ("ohne Zulassung in Deutschland", "not_authorised"),
    ("zonder registratie in Nederland", "not_authorised"),
    ("se usaría fuera de ficha técnica", "authorised_other_indication"),
    ("seria uso fora da bula", "authorised_other_indication"),
    ("licensed for exactly her condition but you cannot buy it anywhere here", "authorised_not_available"),
])
def test_statuses(text, status):
    assert read_authorisation(text, answering=True) == status


@pytest.mark.parametrize("text", ["part of the nursing team on the ward, not the prescriber",
                                  "coordinateur de recherche clinique dans le service",
                                  "attachée de recherche clinique du centre"])
def test_nursing_teams_and_research_staff_are_other_professionals(text):
    assert interpret(text, "inform", [], "role", {}).facts["role"] == "other_hcp"


def test_down_under_is_australia():
    assert interpret("we're down under", "inform", [], "country", {}).facts["country"] == "AU"


@pytest.mark.parametrize("text", ["oui, il en prend déjà", "sí, ya lo toma desde enero"])
def test_taking_it_already_is_a_yes(text):
    assert interpret(text, "inform", [], "previously_treated", {}).facts["previously_treated"] is True


@pytest.mark.parametrize("text", [
    "Neurologue à Brest. Le patient est en échec de toutes les lignes disponibles et n'est dans aucun essai.",
    "Hématologue à Lille : plus aucune option autorisée pour cette patiente.",
    "Infectiologue à Nice. Il a épuisé les antibiotiques autorisés, et il est sans alternative thérapeutique restante.",
    "ID consultant in Leeds. He has run out of licensed antibiotics.",
    "Rheumatologist in Cork: every licensed option has been set aside, she is refractory to all of them.",
    "Toutes les alternatives ont été écartées par l'équipe.",
])
def test_no_alternative_left_stated_in_an_opening(text):
    assert interpret(text, "inform", [], None, {}).facts["alternatives_exhausted"] is True


@pytest.mark.parametrize("text", ["Alternativen gibt es keine mehr", "il n'y a plus aucune option", "no quedan alternativas"])
def test_none_left_answers_yes_to_exhausted(text):
    assert interpret(text, "inform", [], "alternatives_exhausted", {}).facts["alternatives_exhausted"] is True


@pytest.mark.parametrize("text", ["She still has licensed options left to try.", "Il reste des traitements à essayer."])
def test_options_left_are_no_exhaustion(text):
    assert interpret(text, "inform", [], None, {}).facts.get("alternatives_exhausted") is not True


@pytest.mark.parametrize("text", [
    "Pneumologist in Graz. He is not in one of your studies, and there's no trial he could go into either.",
    "Oncologue à Caen. Elle n'est dans aucun de vos essais, et il n'y a pas d'essai ouvert pour elle.",
    "Onkologin in Graz. Sie ist in keiner Ihrer Studien, und es gibt keine Studie für sie.",
    "Nefrologo a Bari. Non è in uno studio vostro e non ci sono studi per lui.",
])
def test_no_trial_there_to_join_stated_in_an_opening(text):
    assert interpret(text, "inform", [], None, {}).facts["trial_available"] is False


@pytest.mark.parametrize("text", ["Hämatologe in Linz. Er hat es noch nie bekommen.",
                                  "Longarts in Gent. Hij heeft het middel nooit gekregen."])
def test_never_received_in_german_and_dutch_with_it_or_the_medicine(text):
    assert interpret(text, "inform", [], None, {}).facts["previously_treated"] is False
