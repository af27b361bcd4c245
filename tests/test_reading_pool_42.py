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
