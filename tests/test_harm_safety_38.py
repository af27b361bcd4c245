"""Blind safety set 38, read once set 39 was frozen (thirty-first session), in
phrasings written for these tests. Its misses: an error of prescription in
French ("erreur" was no "error"), "Keine Wirkung von Cardiquel" (the name,
after "von", had been corrected to a French word); two stay unread by the
detector alone (itching where a cream "smörjs in", a potassium of 7.2); false
alarms a rule can fairly set aside: a death put down to the disease in
French, Dutch, Spanish and Italian. A name after a cue is still corrected to
another maker's molecule ("unter Capecitabin")."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Erreur de prescription : Tavorix prescrit à pleine dose chez une insuffisante rénale, quatre doses reçues.",
     "medication_error"),
    ("Keine Wirkung von Tavorix nach drei Monaten, die Werte sind unverändert.", "lack_of_effect"),
    ("Geen effect van Norvexa na twee maanden.", "lack_of_effect"),
])
def test_a_report(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category, finding


@pytest.mark.parametrize("text", [
    "Mijn vader is overleden aan de ziekte, hij had Orvexa nog niet gekregen.",
    "Murió por su enfermedad antes de que llegara la aprobación de Tavorix.",
    "Mio padre è morto di questa malattia l'anno scorso; ora chiedo per mio fratello se Norvexa è possibile.",
    # another maker's molecule, as spelt in German, after "unter"
    "Unter Capecitabin hatte er 2021 ein Hand-Fuß-Syndrom. Kann er Orvexa bekommen?",
])
def test_no_report(text):
    assert detect(text) is None


def test_a_death_of_the_disease_while_on_the_product_stays_a_report():
    assert detect("Mon père est décédé de sa maladie, il prenait Orvexa depuis trois mois.") is not None
