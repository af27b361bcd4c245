"""Blind safety set 29's misses, read once set 30 was frozen: reports in the
Scandinavian languages, Polish and German whose words the detector did not
know (data/lexicon/harm.yml `normalise`, `brand_before`), and Polish
messages that put the harm on another product or on the disease."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Pasienten utviklet hypotyreose og binyrebarksvikt under behandlingen med Zeltamab.", "reaction"),
    ("Han har fået tør mund og lidt forstoppelse af pillerne.", "reaction"),
    ("Przedawkowanie - pacjent przyjął 5 kapsułek zamiast 1.", "overdose"),
    ("Pacjentka zaszła w ciążę w trakcie leczenia w programie.", "pregnancy"),
    ("Pasienten ammer og har fått Nephrivan i tre uker.", "breastfeeding"),
    ("Karmię piersią i biorę Wasz lek od tygodnia.", "breastfeeding"),
    ("Das Medikament wirkt nicht, die Schmerzen sind genauso wie vorher.", "quality_complaint"),
    ("Låget på flasken var brudt da vi modtog den.", "quality_complaint"),
])
def test_reports_the_detector_now_reads(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category


@pytest.mark.parametrize("text", [
    # development sets: another product, said outright; admitted because of the disease; died of it before the drug came
    "Lek przeciwbólowy z apteki wywołał u niej wysypkę — to nie jest wasz lek.",
    "Czy pacjent hospitalizowany z powodu choroby podstawowej może otrzymać lek w ramach programu?",
    "Pacjent zmarł z powodu postępu choroby, zanim lek dotarł. Proszę anulować wysyłkę.",
])
def test_another_product_or_the_disease_in_polish_is_no_report(text):
    assert detect(text) is None


def test_alt_is_a_liver_value_only_with_a_value_and_a_german_nursing_mother_is_breastfeeding():
    # "alt" is "everything" in Danish and Norwegian, "old" in German (development pool 43, sets 17-27)
    assert detect("ja, alt er forsøgt, og der er et forsøg hun kan komme med i") is None
    assert detect("ALT raised to 5 times normal two weeks after starting your drug") is not None
    finding = detect("Stillende Mutter unter Velmoraxin, Säugling 6 Wochen alt, wirkt schläfrig.")
    assert finding is not None and finding.category == "breastfeeding"
