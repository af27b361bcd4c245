"""Intensive care, a ventilator, ECMO: how ill a patient is, and a
life-threatening event only once the message says the patient had the
product or blames it (data/lexicon/harm.yml `care_setting`). And exposure
in the other languages: after a dose, on the product (`exposure`).

Texts from the development safety sets named in each case."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize(
    "text",
    [
        # blind_18: an access request for a patient in intensive care because of the disease
        "Patient en réanimation, pronostic vital engagé par sa maladie, nous souhaitons déposer une demande d'AAC en urgence.",
        # blind_18: the product is named in the request, not as something the patient had
        "ICU patient, refractory infection, no options left. Can we get your antibiotic under emergency use today?",
        "Bonjour, mon patient est en réanimation pour une insuffisance hépatique aiguë, est-il éligible à l'accès "
        "compassionnel au Seltrazine ?",
        # blind_18: a death under another company's chemotherapy, our product never given
        "Ma mère est décédée d'une infection sous chimiothérapie, elle n'avait jamais eu votre médicament.",
    ],
)
def test_intensive_care_while_asking_for_the_product_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # blind_22: the event during the infusion
        "Code blue called 15 min into the Ostamirel infusion. Intubated, now on ECMO.",
        # blind_20: on the product for eight days (AAC)
        "Le patient a été intubé pour une détresse respiratoire aiguë à J8 de Kalitrex (AAC).",
        # the product blamed, no exposure word
        "Our patient is in intensive care now and the team suspects your drug.",
        # the product taken, then intensive care
        "He has been in ICU since the second infusion of your medicine.",
    ],
)
def test_intensive_care_after_the_product_is_a_life_threatening_event(text):
    finding = detect(text)
    assert finding is not None and finding.serious


@pytest.mark.parametrize(
    "text, category",
    [
        # blind_21: after the third dose, in Spanish; after the first dose, in German
        ("Paciente fallecido tras la tercera dosis de Castrelimab. ¿A quién se lo comunico?", "death"),
        ("Nach der ersten Gabe von Trelvopan kam es zu einem Herzstillstand, erfolgreiche Reanimation, jetzt "
         "Intensivstation.", "life_threatening"),
        # blind_16: in Dutch
        ("Hartstilstand na de tweede dosis, gereanimeerd, ligt nu op de IC.", "life_threatening"),
        # blind_22: in Italian, the reaction treated with other medicines
        ("Shock anafilattico dopo la prima somministrazione di Soltrenza, trattato con adrenalina e cortisone, ora "
         "stabile.", "life_threatening"),
    ],
)
def test_after_a_dose_in_other_languages_is_an_exposure(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category
