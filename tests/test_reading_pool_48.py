"""What pool 48 showed once read (twenty-ninth session; blind until pool 49
was frozen), in phrasings written for these tests: "nothing's recruiting"
(the contraction of a negation), "nothing else suitable" to the question on
alternatives (and only to it), the national children's cancer centre of the
Netherlands, a note in Danish or German that states every fact in
telegraphic clauses (a trial under way that the patient cannot join, "er ikke
med i nogen", "Aldrig behandlet med", "Livstruende."), inclusion criteria
not met."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", ["no, and nothing's recruiting near her", "nope, nothing's recruiting at the moment"])
def test_nothings_recruiting_is_no_trial_to_join(text):
    assert _read(text, "in_company_trial").facts.get("trial_available") is False


@pytest.mark.parametrize("text", ["nothing else suitable, the rest are contraindicated", "nothing else, all failed"])
def test_nothing_else_answers_that_the_alternatives_are_exhausted(text):
    assert _read(text, "alternatives_exhausted").facts.get("alternatives_exhausted") is True


def test_nothing_else_said_to_another_question_says_nothing_of_the_alternatives():
    assert "alternatives_exhausted" not in _read("no, nothing else", "trial_available").facts


def test_a_dutch_childrens_hospital_names_the_country():
    assert _read("she's treated at the Prinses Máxima Centrum", "country").facts.get("country") == "NL"


def test_a_danish_note_states_the_trial_facts():
    facts = _read("Firmaet har en klinisk afprøvning i gang i denne indikation, men hun kan ikke deltage og er "
                  "ikke med i nogen.").facts
    assert facts.get("in_development") is True
    assert facts.get("trial_available") is False
    assert facts.get("in_company_trial") is False


@pytest.mark.parametrize("text", ["Aldrig behandlet med produktet.", "Nie damit behandelt."])
def test_never_treated_with_it_without_a_subject(text):
    assert _read(text).facts.get("previously_treated") is False


@pytest.mark.parametrize("text", ["Livstruende, ingen andre muligheder.", "Livshotande. Inga alternativ kvar."])
def test_a_clause_that_is_only_life_threatening_states_it(text):
    assert _read(text).facts.get("serious_condition") is True


def test_no_alternatives_in_a_scandinavian_note():
    assert _read("Alvorlig sygdom, ingen alternativer.").facts.get("alternatives_exhausted") is True


def test_inclusion_criteria_not_met_is_no_trial_to_join():
    facts = _read("Eine Studie läuft, aber die Patientin erfüllt die Einschlusskriterien nicht.").facts
    assert facts.get("trial_available") is False


def test_the_alternatives_after_a_trial_and_a_pronoun_stay_the_alternatives():
    facts = _read("Pas d'essai ouvert, maladie grave, les alternatives ne sont pas épuisées.").facts
    assert facts.get("alternatives_exhausted") is False


def test_a_polish_note_states_the_trial_facts():
    facts = _read("Nie jestem w badaniu i nie ma badań dla mnie.").facts
    assert facts.get("in_company_trial") is False
    assert facts.get("trial_available") is False


def test_a_disease_that_makes_life_hard_in_polish_is_serious():
    assert _read("Choroba bardzo utrudnia mu życie.").facts.get("serious_condition") is True


def test_a_portuguese_note_states_gravity_and_exhausted_alternatives():
    facts = _read("A doença é muito grave e já tentámos tudo o que está aprovado.").facts
    assert facts.get("serious_condition") is True
    assert facts.get("alternatives_exhausted") is True
