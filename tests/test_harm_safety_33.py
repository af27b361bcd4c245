"""Blind safety set 33, read once set 34 was frozen (twenty-ninth session),
in phrasings written for these tests: its misses (a death after a relative
clause that names the product started, "6 year old on X" where "old" is an
age, "hasn't done anything", "not responding to X", a device that switches
itself off, a liquid that smells different) and the false alarms a rule can
fairly set aside (a death before the product could be shipped, a waiting
list, fear of a harm, "incidence", the treatments that failed before ours)
with the reports that must stay reports (data/lexicon/harm.yml)."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    # the product named in a relative clause of the sentence before the death
    ("Ah, e la signora B., quella che aveva iniziato Corvalta a marzo, è deceduta ieri.", "death"),
    ("La paciente, que había iniciado Orvexa en mayo, falleció el domingo.", "death"),
    # "old" of an age is no old medicine
    ("our 4 year old on Lumidrel has bilirubin 10x ULN and the hepatologists are worried", "reaction"),
    ("the 70 year old on Norvexa was admitted with pneumonia", "hospitalisation"),
    # no effect
    ("Frankly the Tavorix hasn't done anything for him in four months.", "lack_of_effect"),
    ("La polmonite non risponde a Kelvira dopo dieci giorni.", "lack_of_effect"),
    ("Die Lungenentzündung reagiert nicht auf Miravelt.", "lack_of_effect"),
    ("She's not responding to Orvexa at all.", "lack_of_effect"),
    # a device that switches itself off; a liquid that smells or has a sediment
    ("La pompa Corvalta si spegne da sola durante la notte.", "quality_complaint"),
    ("El inhalador Norvexa se apaga solo a mitad de la dosis.", "quality_complaint"),
    ("De Lumidrel-siroop ruikt anders dan de vorige fles.", "quality_complaint"),
    ("Im Kelvira-Saft ist ein Bodensatz, den es vorher nicht gab.", "quality_complaint"),
])
def test_a_report(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category, finding


@pytest.mark.parametrize("text", [
    # a death before the product reached the patient
    "Please close request MA-2211: she died on Monday before the Tavorix could be delivered.",
    "Hij is overleden aan zijn longziekte, nog voor de start van Norvexa. Er is nooit iets geleverd.",
    "Our patient died of his leukaemia on Thursday. He was on the waiting list for the Orvexa cohort and was never dosed.",
    # fear of a harm, reading about it
    "Min far er bange for at få kramper af Lumidrel. Hvad siger I?",
    "I'm terrified of giving her too much Kelvira when I do it at home.",
    "The Corvalta pen was fine today; I'd been reading about blocked pens on a forum but nothing like that here.",
    # how often a harm happens: a question about the product's profile
    "What is the incidence of neutropenia with Miravelt in the phase 2 data?",
    # the treatments before ours failed
    "Eight-year-old with refractory epilepsy, failed four antiseizure medications. Can Norvexa be requested?",
    # the device asked for, named before "we need"
    "Yes, end-stage heart failure, it's the device we need.",
])
def test_no_report(text):
    assert detect(text) is None


def test_a_reaction_to_another_drug_is_not_ours():
    assert detect("fyi she was intubated in 2021 after a reaction to suxamethonium during an operation") is None


def test_a_death_after_a_harm_of_ours_stays_a_report_whatever_was_feared():
    assert detect("I was afraid of this: my husband died two days after the first Orvexa infusion.") is not None
