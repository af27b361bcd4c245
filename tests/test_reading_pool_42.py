"""What pool 42 showed once read (twenty-fifth session; blind until then),
in phrasings written for these tests: "without a trial" in the Romance and
Germanic languages; a sentence that opens with the product word as its
subject, without an article."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "Doença grave, sem ensaio aberto para ela.",
    "Maladie grave, sans essai accessible pour lui.",
    "Enfermedad grave, sin ensayo disponible.",
])
def test_without_a_trial_is_no_trial_to_join(text):
    assert _read(text).facts.get("trial_available") is False


def test_without_success_is_still_exhausted_and_fatal_without_treatment_still_serious():
    assert _read("ha provato tutte le terapie approvate senza risultato").facts.get("alternatives_exhausted") is True
    assert _read("ouais c'est grave, mortel sans traitement", "serious_condition").facts.get("serious_condition") is True


@pytest.mark.parametrize("text, kind", [
    ("Hallo, apotheker. Geneesmiddel is hier niet op de markt.", "medicine"),
    ("Good morning. Drug is licensed here for another indication.", "medicine"),
    ("Device is CE marked but not for this use", "medical_device"),
])
def test_the_product_word_opening_a_sentence_names_the_kind(text, kind):
    assert _read(text).facts.get("product_type") == kind


@pytest.mark.parametrize("text", ["Godkänt för detta och finns att få", "Godkjent for dette og finnes på apoteket"])
def test_to_be_had_at_the_pharmacy_in_swedish_and_norwegian_is_available(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_available"


@pytest.mark.parametrize("text, iso", [("in PT", "PT"), ("from DK", "DK"), ("Jylland", "DK"), ("Sjælland", "DK")])
def test_a_code_after_a_place_word_and_the_danish_regions(text, iso):
    assert _read(text, "country").facts.get("country") == iso


def test_a_code_in_lower_case_after_in_is_a_word():
    assert "country" not in _read("in it", "country").facts


@pytest.mark.parametrize("text", ["Hej, jeg er mor til en pige på 12", "jag är pappa till en pojke som är sjuk"])
def test_a_scandinavian_parent_of_the_child_is_a_relative(text):
    assert _read(text).facts.get("role") == "patient_advocate"
