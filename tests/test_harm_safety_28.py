"""Blind safety set 28's misses, read once set 29 was frozen: reports in the
Scandinavian languages and Polish whose words the detector did not know
(data/lexicon/harm.yml `normalise`, `brand_before`, `never_exposed`,
`other.qualifiers`), and messages that say the patient has not had the
product yet."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize(
    "text, category",
    [
        # "sovnet inn": passed away; "hadde brukt": had used
        ("Hei, bestemor sovnet inn på sykehjemmet i går kveld. Hun hadde brukt Calvexa i fire måneder. Legen ba oss gi "
         "beskjed til produsenten, så her er jeg.", "death"),
        ("Pasienten fikk akutt leversvikt etter Kordavia og står nå på transplantasjonslisten.", "life_threatening"),
        ("Mama trafiła do szpitala z ciężkimi wymiotami i odwodnieniem po Pelvatrze, leżała tydzień.", "hospitalisation"),
        ("Jag har fått torr hud och klåda av Travoxel, mest på benen.", "reaction"),
        ("Jeg er blevet meget træt siden jeg begyndte på Nephrastin.", "reaction"),
        ("Lekkie zawroty głowy po Calvexie, szczególnie rano po wstaniu.", "reaction"),
        ("Jag är gravid i vecka 16 och tar Nephrastin. Läkaren sa att ni vill veta.", "pregnancy"),
        ("Pacjentka w 6. tygodniu ciąży przyjmowała Calvexę aż do wykrycia ciąży.", "pregnancy"),
    ],
)
def test_reports_in_scandinavian_languages_and_polish(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category


@pytest.mark.parametrize(
    "text",
    [
        # development set 20: another maker's medicine
        "Min mors hjertemedicin fra en anden producent gav hende svimmelhed.",
        # not had it yet
        "Sygdommen er blevet værre, og han er indlagt. Han har ikke fået jeres medicin.",
        "Choroba postępuje, pacjent trafił do szpitala, nie dostał jeszcze leku.",
    ],
)
def test_another_makers_medicine_or_none_yet_is_no_report(text):
    assert detect(text) is None
