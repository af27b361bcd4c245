"""What development pool 16 showed the readers missed, in phrasings written
for these tests: a product taken off the market, "niet in de handel", a
product the hospital orders as usual, "nothing authorised" in French, a
development that was stopped, "never" alone, "PH", the Spanish "soy yo",
hospitals known by their own name, the CHU, and no more alternatives."""
import pytest

from bot.authorisation import read_authorisation
from bot.polarity import answer_to
from bot.understanding import interpret


@pytest.mark.parametrize("text, status", [
    ("licensed for this indication, but it was taken off the market here last year", "authorised_not_available"),
    ("it's approved for that, though off the market in this country", "authorised_not_available"),
    ("toegelaten voor deze indicatie maar niet in de handel", "authorised_not_available"),
    ("AMM dans l'indication, la pharmacie peut le commander sans problème", "authorised_available"),
    ("rien d'autorisé en France pour l'instant", "not_authorised"),
])
def test_statuses(text, status):
    assert read_authorisation(text, answering=True) == status


@pytest.mark.parametrize("text", ["le laboratoire a arrêté son développement dans cette maladie",
                                  "die Entwicklung wurde eingestellt"])
def test_a_development_that_was_stopped_is_no_development(text):
    assert interpret(text, "inform", [], "in_development", {}).facts["in_development"] is False


@pytest.mark.parametrize("word", ["jamais", "Never.", "nunca", "nooit"])
def test_never_alone_answers_no(word):
    assert interpret(word, "inform", [], "previously_treated", {}).facts["previously_treated"] is False


@pytest.mark.parametrize("text, role", [("PH en neurologie, c'est moi qui le suis", "physician"),
                                        ("soy yo la paciente", "patient")])
def test_roles(text, role):
    assert interpret(text, "inform", [], "role", {}).facts["role"] == role


@pytest.mark.parametrize("text, country", [("she's treated at Institut Curie", "FR"),
                                           ("we're at MD Anderson", "US"),
                                           ("au CHU de Poitiers", "FR"),
                                           ("Cardiologue au CHU de Tours.", "FR"),
                                           ("CHU de Liège", "BE")])
def test_hospitals_known_by_their_own_name_and_the_chu(text, country):
    assert interpret(text, "inform", [], "country", {}).facts["country"] == country


@pytest.mark.parametrize("text, value", [("il n'y a plus d'alternative", True),
                                         ("no quedan alternativas", True),
                                         ("ci sono ancora alternative da provare", False),
                                         ("todavía hay alternativas", False)])
def test_alternatives_left_or_not(text, value):
    assert answer_to("alternatives_exhausted", text) is value


def test_exhausted_alternatives_are_no_fatigue_but_an_exhausted_patient_is():
    from bot.harm import detect

    assert detect("tablets, and he has exhausted all the licensed options") is None
    assert detect("he is exhausted after every infusion of your drug") is not None


@pytest.mark.parametrize("text", ["moi-même", "yo mismo", "c moi la patiente"])
def test_the_writer_as_the_patient_in_a_word(text):
    assert interpret(text, "inform", [], "role", {}).facts["role"] == "patient"
