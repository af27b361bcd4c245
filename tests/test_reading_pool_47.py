"""What pool 47 showed once read (twenty-eighth session; blind until
pool 48 was frozen), in phrasings written for these tests: a product word
that opens a sentence about its status names the kind ("Arzneimittel in
Österreich ... zugelassen", "Farmaco autorizzato", "Medicinsk udstyr med
CE-mærkning"); an open trial after a no is the other trial question; "there
are none" in other languages; a doctor who is not the treating one; "nobody's
developing it"; "how to get an unapproved treatment", which names the kind
of product the programme is for."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text, kind", [
    ("Arzneimittel in der Schweiz für keine Indikation zugelassen, in Entwicklung dafür.", "medicine"),
    ("Farmaco approvato per un'altra malattia, non per questa.", "medicine"),
    ("Medisinsk utstyr med CE-merking for en annen bruk.", "medical_device"),
    ("Medizinprodukt in Deutschland nicht zugelassen.", "medical_device"),
])
def test_a_product_word_opening_a_sentence_about_its_status_names_the_kind(text, kind):
    assert _read(text).facts.get("product_type") == kind


def test_a_trial_word_opening_a_sentence_names_no_kind():
    assert "product_type" not in _read("Study approved by the ethics committee last month.").facts


@pytest.mark.parametrize("text", [
    "No, but there's an open study she could fit.",
    "Nein, aber es läuft eine offene Studie für sie.",
    "No, però c'è uno studio aperto per lei.",
])
def test_an_open_trial_after_a_no_is_not_enrolment(text):
    facts = _read(text, "in_company_trial").facts
    assert facts.get("in_company_trial") is False


@pytest.mark.parametrize("text", ["Il n'y en a aucun pour lui.", "No hay ninguna, lo siento.", "Det finns inga."])
def test_there_are_none_is_no_open_trial(text):
    assert _read(text, "trial_available").facts.get("trial_available") is False


@pytest.mark.parametrize("text", ["Il n'y en a pas.", "No hay ninguna."])
def test_there_are_none_to_exhausted_is_a_yes(text):
    assert _read(text, "alternatives_exhausted").facts.get("alternatives_exhausted") is True


@pytest.mark.parametrize("text", ["Soy médico de familia, no el médico tratante.",
                                  "Ich bin Allgemeinärztin, nicht die behandelnde Ärztin."])
def test_a_doctor_who_is_not_the_treating_one_is_another_professional(text):
    assert _read(text, "role").facts.get("role") == "other_hcp"


def test_nobodys_developing_it_is_no_development():
    assert _read("The drug is approved for something else and nobody's developing it for him.").facts.get(
        "in_development") is False


def test_how_to_get_an_unapproved_treatment_says_nothing_of_the_status():
    assert "authorisation" not in _read("Can you explain how to get an unapproved medicine for my son?").facts


@pytest.mark.parametrize("text", ["not abandoned, they're still working on it for this", "hasn't been dropped at all"])
def test_a_negated_abandonment_is_development(text):
    assert _read(text, "in_development").facts.get("in_development") is True


def test_an_abandonment_is_still_no_development():
    assert _read("no, it was abandoned last year", "in_development").facts.get("in_development") is False
