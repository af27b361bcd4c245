"""What pool 50 showed once read (thirtieth session; blind until pool 51 was
frozen), in phrasings written for these tests: "ikke godkjent for noe" with
a clause on development after it had been read as approved for another use
(4 wrong outcomes would have followed where the trial questions did not
decide), "Léon Bérard" had been read as the Spanish León (3 wrong outcomes),
a Polish relative clause after "brak badań" had been read as a trial to join
(1 wrong outcome), "sem risco de vida" as life-threatening; and the repeated
questions: a parents' group, "godkänt och går att få tag på"."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "ikke godkjent for noe, og firmaet utvikler det ikke for denne sykdommen",
    "Legemidlet er ikke godkjent for noe som helst, og det utvikles ikke for hans bruk.",
    "Ej godkänt i Sverige för någon indikation och företaget utvecklar det inte för detta.",
])
def test_approved_for_nothing_with_no_development_for_this_use_is_not_authorised(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "not_authorised"


def test_approved_alternatives_said_after_the_status_are_no_approval_of_the_product():
    text = "Läkemedlet är inte godkänt i Sverige för någon indikation. Alla godkända alternativ är prövade."
    assert _read(text).facts.get("authorisation") == "not_authorised"


def test_approved_and_to_be_had_in_swedish():
    assert _read("godkänt och det går att få tag på", "authorisation").facts.get("authorisation") == "authorised_available"


@pytest.mark.parametrize("text", ["my husband is treated at Léon Bérard, we live near Lyon",
                                  "she's followed at Leon Berard"])
def test_a_cancer_centre_named_without_its_centre_is_in_france(text):
    assert _read(text).facts.get("country") == "FR"


def test_a_polish_relative_clause_after_no_trials_is_no_trial_to_join():
    facts = _read("Pacjent nie uczestniczy w badaniach firmy, brak badań, do których mógłby się zapisać.").facts
    assert facts.get("in_company_trial") is False
    assert facts.get("trial_available") is False


@pytest.mark.parametrize("text", ["Doença ligeira, sem risco de vida.", "Enfermedad leve, sin riesgo vital.",
                                  "malattia lieve, senza rischio per la vita"])
def test_no_risk_to_life_is_not_serious(text):
    assert _read(text).facts.get("serious_condition") is not True


def test_risk_to_life_stays_serious():
    assert _read("doença com risco de vida").facts.get("serious_condition") is True


@pytest.mark.parametrize("text", ["I represent a parents' group for children with this tumour",
                                  "we're a small parent association"])
def test_a_parents_group_is_an_advocate(text):
    assert _read(text, "role").facts.get("role") == "patient_advocate"
