"""Blind safety set 45, read in the thirty-seventh session once set 47 was
frozen (its last held-out figures: recall 0.9887, deaths and life-threatening
events 0.9911, false alarms 0.1204). Its missed death: a programme
coordinator's update where the product stood in brackets after the patient
("patient B (...) died ... from progressive disease"). A capitalised name
alone in brackets is now read as the product's, and a death in a sentence
that names our product is passed on whatever it is put down to, unless the
message says the patient was still to get it. Phrasings written for these
tests; the checks against every development text found eight more reports
and no new false alarm."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text", [
    "Update for the programme: patient 2 (Velnoral) died on 3 March from disease progression.",
    "Patient C (Velnoral) passed away last week, progressive disease per the oncologist.",
    "Our MAP patient on Velnoral died of her underlying disease, not the drug, but the protocol says to tell you.",
    "Paziente in uso compassionevole con Velnoral, deceduto per progressione di malattia.",
])
def test_a_death_beside_our_product_is_passed_on_whatever_its_cause(text):
    finding = detect(text)
    assert finding is not None and finding.category == "death"


@pytest.mark.parametrize("text", [
    # still to get it: no report
    "She died of her leukaemia while on the waiting list for Velnoral.",
    "Der Patient ist vor Beginn der Velnoral-Therapie an seiner Grunderkrankung verstorben. Bitte stornieren.",
    "He died of progressive disease before the first Velnoral dose could be given; please cancel the request.",
    # a patient's code is not a product: the death is of someone else
    "I'm the new contact for patient EA-203: his wife died of cancer last month, she was not in your programme.",
    # "forsøg" is an attempt, not a product's name
    "Min kone døde af sin sygdom i sidste måned, tak for jeres forsøg på at hjælpe.",
])
def test_a_death_of_someone_never_on_it_is_not_a_report(text):
    assert detect(text) is None
