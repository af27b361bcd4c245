"""Blind safety set 36, read once set 37 was frozen (thirtieth session), in
phrasings written for these tests: two of its three misses (the whole box
taken, in Portuguese and other languages; a patient's supply sold on) and
false alarms a rule can fairly set aside ("was totally fine", "still
waiting on your pump", "peut-on obtenir", "qual é o prazo", riluzole and
nusinersen as other makers' molecules, "he can't work" said of the person).
The third miss, off-label use reported without a harm, stays unread by the
detector alone (tests/test_harm_safety_34.py)."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Ela tomou a caixa toda de Orvexa ontem à noite.", "overdose"),
    ("Mi padre se tomó toda la caja de Norvexa.", "overdose"),
    ("I think my nephew has been selling his Tavorix to friends.", "medication_error"),
])
def test_a_report(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category, finding


@pytest.mark.parametrize("text", ["Which pharmacy sells Orvexa in Lisbon?", "Is Norvexa sold in Belgium yet?"])
def test_asking_who_sells_it_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "I was scared he'd react to the first Tavorix infusion but he was totally fine.",
    "Her heart failure keeps worsening, NYHA IV. Still waiting on your pump.",
    "Il est en réanimation ; peut-on obtenir une AAC pour Orvexa rapidement ?",
    "Qual é o prazo de aprovação para o Norvexa? O doente está internado.",
    # other makers' molecules, as spelt in other languages
    "Han fick svåra biverkningar av riluzol, illamående. Vi vill byta till Miravelt.",
    "My dad is on nusinersen and gets bad headaches after each dose. Could he switch to Tavorix?",
    # unable to work: the person, not the product
    "My husband has severe epilepsy, he can't work or drive any more. Can he get Orvexa?",
])
def test_no_report(text):
    assert detect(text) is None


def test_unable_to_work_since_starting_it_stays_a_report():
    assert detect("I can't work since the Corvalta started, I'm so tired all day.") is not None
