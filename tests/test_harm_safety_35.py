"""Blind safety set 35, read once set 36 was frozen (thirtieth session), in
phrasings written for these tests: its four misses (a child pricked by a
parent's prefilled syringe, with the age in brackets; "non sembra
funzionare"; a Swedish stimulator that switches itself off; a Norwegian skin
reaction with blisters), and a development false alarm the Scandinavian "no"
explains ("Ikke noen reaksjon")."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Unser Kind (3) hat sich an der Orvexa-Fertigspritze seiner Mutter gestochen.", "special_situation"),
    ("Il Norvexa non sembra funzionare su di lui.", "lack_of_effect"),
    ("Tavorix-stimulatorn stänger av sig själv på natten.", "quality_complaint"),
    ("Han fikk en hudreaksjon med blemmer etter Miravelt.", "reaction"),
])
def test_a_report(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category, finding


@pytest.mark.parametrize("text", ["Ingen reaktion på Corvalta-infusionen i går.",
                                  "Ikke noen reaksjon på Kelvira, hun har det fint."])
def test_no_reaction_in_the_scandinavian_languages_is_no_report(text):
    assert detect(text) is None
