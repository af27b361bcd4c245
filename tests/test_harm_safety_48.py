"""Blind safety set 48's false alarms, read once set 49 was frozen
(thirty-ninth session), in phrasings written for these tests: harms of other
companies' products, said outright ("not yours", "wrong company", "another
brand", "you don't make it") or named by a marketed medicine the detector's
lists did not hold (data/lexicon/marketed_names.txt, from the
drug-named-entity-recognition package); and the reports that must stay
reports: the company's product taken with a marketed medicine (an
interaction) or harmed and then treated with one."""
import pytest

from bot.harm import detect
from bot.harm_lexicon import lexicon


@pytest.mark.parametrize("text", [
    # said outright, in another sentence or clause than the harm
    "My aunt got a rash from an eye cream last week. Not one of yours, I think.",
    "Patient developed hives during an iron infusion this morning. Wrong manufacturer, apologies.",
    "The insulin pen my father uses (another brand) leaked all over his bag.",
    "Paracetamol upsets my stomach. I know you don't make it, what else could I take?",
    "A friend passed out after some herbal tea. Obviously not yours, but who should she tell?",
    "In 2015 an asthma inhaler from a different company gave me palpitations. Is Norvexa similar?",
    # other medicines by name, none on the detector's own lists
    "He had a bad reaction to fingolimod two years ago. Can he still join the Tavorix programme?",
    "Severe neutropenia on clozapine in the past. Does Orvexa lower white cells too?",
    "Tuvo una reacción alérgica a la tobramicina el año pasado. ¿Puede recibir Corvalta?",
    "Sie hatte unter Tocilizumab eine Hepatitis. Kommt Kelvira trotzdem in Frage?",
])
def test_a_harm_of_another_companys_product_is_no_report(text):
    assert detect(text) is None


@pytest.mark.parametrize("text, category", [
    # the company's product with a marketed medicine: an interaction stays a report
    ("Since the cardiologist added amiodarone to her Velquara she has been fainting.", "reaction"),
    ("Tavorix + digoxin: he was bradycardic at 38 this morning.", "reaction"),
    ("Mi padre toma Orvexa y le añadieron claritromicina, ahora vomita todo el día.", "reaction"),
    # ... and a marketed medicine given for the harm is the remedy, not its cause
    ("Corvalta: grade 2 diarrhoea since cycle 1, loperamide helps.", "reaction"),
    ("She collapsed after her Kelvira patch. Naloxone from the paramedics saved her.", "hospitalisation"),
])
def test_the_companys_product_beside_a_marketed_medicine_stays_a_report(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category


def test_a_marketed_medicine_is_never_read_as_the_companys_product_name():
    lex = lexicon()

    def other(word):
        return lex.is_other_product(lex.tokens(word)[0].surf)  # as the detector reads it

    assert other("fingolimod") and other("Tocilizumab")
    # invented names, as the company's own products are named in the sets
    assert not other("Velquara") and not other("Tavorix")


def test_the_marketed_names_are_what_the_package_gives():
    pytest.importorskip("drug_named_entity_recognition")
    from scripts.build_marketed_names import TARGET, render

    assert TARGET.read_text(encoding="utf-8") == render(), "run python scripts/build_marketed_names.py"
