"""What pool 40 showed once read (twenty-fourth session; blind until then),
in phrasings written for these tests: an approval "for <another use>
only"; the partner one lives with in Swedish and Norwegian; treated with
the product, in Dutch (and not where one is treated)."""
import pytest

from bot.roles import read_role
from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "licensed here for psoriasis only",
    "approved for adults with asthma only, and she is six",
])
def test_an_approval_for_another_use_only_is_another_indication(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_other_indication"


@pytest.mark.parametrize("text", ["approved for this indication only", "approved for use in Spain only"])
def test_this_use_or_a_place_closed_by_only_is_no_other_use(text):
    assert _read(text, "authorisation").facts.get("authorisation") != "authorised_other_indication"


@pytest.mark.parametrize("text", ["jeg er samboeren hans", "jag är sambo med patienten"])
def test_the_partner_one_lives_with_is_a_relative(text):
    assert read_role(text, answering=True) == "patient_advocate"


def test_treated_with_the_product_in_dutch_and_not_where_one_is_treated():
    assert _read("Zij is al eerder met het middel behandeld.").facts.get("previously_treated") is True
    assert _read("Zij is nooit met het geneesmiddel behandeld.").facts.get("previously_treated") is False
    assert "previously_treated" not in _read("mijn zus wordt behandeld in het AMC").facts


def test_the_danish_chief_physician_is_no_death():
    from bot.harm import detect
    assert detect("Jeg skriver på vegne af overlægen om jeres lægemiddel.") is None
    assert detect("Patiënt is overleden na uw middel.").category == "death"


# Pool 41, read at the end of the same session
@pytest.mark.parametrize("text, status", [
    ("approvata solo per la psoriasi", "authorised_other_indication"),
    ("aprobado solo para el asma", "authorised_other_indication"),
    ("approvato solo per questa indicazione", "authorised_available"),
    ("licensed for exactly this, and our pharmacy has it", "authorised_available"),
])
def test_approved_only_for_another_disease_in_other_languages_and_the_pharmacy_that_has_it(text, status):
    assert _read(text, "authorisation").facts.get("authorisation") == status


def test_klagenfurt_is_in_austria():
    assert _read("LKH Klagenfurt", "country").facts.get("country") == "AT"
