"""Blind safety set 37, read once set 38 was frozen (thirty-first session), in
phrasings written for these tests. Three of its five misses were Finnish,
which the detector did not read at all (the life-threatening event it
missed: an anaphylactic reaction, resuscitated, now in intensive care); the
others a metallic taste in Norwegian and "no me hace efecto". False alarms
a rule can fairly set aside: a request asked for in Spanish or Portuguese
("¿cómo puede pedir...?"), the programme's age or weight limits asked about.
Pool 52 showed a disease "which is life threatening" taken for an event."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Potilas sai Velmora-infuusion jälkeen anafylaktisen reaktion ja hänet elvytettiin, nyt teholla.",
     "life_threatening"),
    ("Äitini joutui sairaalaan ihottuman takia Orvexa-hoidon aikana.", "hospitalisation"),
    ("Isäni sai Tavorixia erityisluvalla ja kuoli tiistaina.", "death"),
    ("Potilaamme, joka sai Norvexaa erityislupavalmisteena, menehtyi eilen.", "death"),
    ("Han får metallsmak i munnen av Corvalta.", "reaction"),
    ("El Norvexa no le hace efecto, sigue igual que antes.", "lack_of_effect"),
])
def test_a_report(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category, finding


@pytest.mark.parametrize("text", [
    # dying of the disease before anything was given
    "Potilas kuoli perustautiinsa ennen kuin lupa myönnettiin. Lääkettä ei annettu.",
    "Isäni kuoli syöpään ennen kuin hakemus käsiteltiin.",
    "Isäni sai ihottuman penisilliinistä, ei teidän lääkkeestänne.",
    # requests, in Spanish and Portuguese, for a patient in hospital
    "Mi hijo está ingresado. ¿Cómo puede su médico pedir Orvexa por uso compasivo?",
    "A minha mãe está internada. Como é que a médica pode pedir o Tavorix?",
    # the programme's limits
    "Is there an age limit for the Corvalta programme? He is 80 and was admitted again last week.",
    "Is there a minimum weight for Norvexa? She's 2.9 kg and in NICU, not on anything yet.",
    # the disease's gravity, said with a relative pronoun
    "I have a rare sarcoma which is life threatening; my oncologist has had me on Orvexa off-label.",
])
def test_no_report(text):
    assert detect(text) is None


def test_a_hypothetical_lack_of_effect_stays_a_question():
    assert detect("¿Y si el Norvexa no me hace efecto?") is None


def test_given_below_the_age_limit_stays_a_report():
    text = "We gave Tavorix to a 10 month old, under the programme's age limit, as nothing else worked. She's very drowsy."
    assert detect(text) is not None
