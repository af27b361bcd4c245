"""What pool 54 showed once read (thirty-second session; blind until pool 55
was frozen), in phrasings written for these tests. Its 5 repeated questions:
"I need it myself" was no role, "under regulatory review for this" no
development. Facts read wrongly: "No hay más desarrollo en esta indicación"
(the Spanish "más", folded, is the Portuguese "but" and cut the negation off
its noun), a cardiac physiologist as a physician. Not changed yet: the Danish
"patienten er med i deres kliniske afprøvning" said in passing, the Polish
"mógłbym do niego wejść" beside the company's phase 3, and the Dutch "kan ook
nergens in" said in passing (every-fact openings that then needed two or
three questions); "kan ook nergens in" as the answer to the trial question is
read."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", ["I need it myself", "it's me who needs it, I need it myself"])
def test_the_writer_who_needs_it_is_the_patient(text):
    assert _read(text, "role").facts.get("role") == "patient"


@pytest.mark.parametrize("text", ["under regulatory review for this", "it's under review at the agency"])
def test_an_application_under_review_is_development(text):
    assert _read(text, "in_development").facts.get("in_development") is True


@pytest.mark.parametrize("text", ["not under regulatory review", "no, nothing under review"])
def test_no_application_under_review(text):
    assert _read(text, "in_development").facts.get("in_development") is False


@pytest.mark.parametrize("text", ["No hay más desarrollo en esta indicación",
                                  "Ya no hay más desarrollo para esta enfermedad."])
def test_no_more_development_in_spanish(text):
    assert _read(text, "in_development").facts.get("in_development") is False
    assert _read(text).facts.get("in_development") is False


def test_the_portuguese_but_still_breaks_a_clause():
    facts = _read("não está em nenhum ensaio, mas há um ensaio aberto para ela").facts
    assert facts.get("in_company_trial") is False


@pytest.mark.parametrize("text", ["cardiac physiologist at the Alfred", "clinical physiologist"])
def test_a_physiologist_is_no_physician(text):
    assert _read(text, "role").facts.get("role") == "other_hcp"


@pytest.mark.parametrize("text", ["kan ook nergens in", "hij kan nergens terecht"])
def test_nowhere_to_go_in_dutch_is_no_trial(text):
    assert _read(text, "trial_available").facts.get("trial_available") is False


def test_a_register_is_no_product_and_a_patient_who_never_had_the_device_reports_nothing():
    from bot.harm import detect

    text = ("Device is on the ARTG but for a different indication. Life-threatening arrhythmia, conventional "
            "options exhausted. He hasn't had the device before.")
    assert detect(text) is None
    assert detect("He had the device implanted last month and now has a life-threatening arrhythmia.") is not None
