"""What blind safety set 27 showed once read (twenty-fifth session), in
messages written for these tests: admission to hospital and pregnancy in
the other languages the assistant reads, and the product tied by "got" or
"after" in them."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Hun fikk Solvexa i mars og døde brått i helgen.", "death"),
    ("Innlagt på sykehus med høy feber etter Solvexa.", "hospitalisation"),
    ("Ricoverata per polmonite dopo Solvexa.", "hospitalisation"),
    ("Ingresada por colitis tras empezar Solvexa.", "hospitalisation"),
    ("Opname van een week na de tweede dosis Solvexa.", "hospitalisation"),
    ("Jeg er gravid i uke 8 og fikk Solvexa i vinter.", "pregnancy"),
])
def test_serious_reports_in_other_languages_are_caught_by_the_detector_alone(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category


@pytest.mark.parametrize("text", [
    "Ricoverato per la sua malattia, mentre aspettiamo l'autorizzazione per Solvexa.",
    "Ingresado por su enfermedad; ¿cuándo podría recibir Solvexa?",
])
def test_an_admission_for_the_disease_before_the_product_is_no_report(text):
    assert detect(text) is None
