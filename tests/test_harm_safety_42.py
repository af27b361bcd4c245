"""Blind safety set 42, read in the same session once its first figures were
recorded (thirty-second session). It was written weighted to deaths and half
in other languages, Czech, Greek, Turkish, Romanian and Hungarian among them,
which the detector had no words for: 13 deaths, 6 life-threatening events and
2 hospital stays were missed. Read now: the Hungarian and Czech verbs for
died, "není mezi námi", "non c'è più", "er sovet ind", Hungarian
resuscitation, "lost our little boy", and the
product named by its form in those languages. Turkish intensive care and
hospital stays are read as such (the dotless i), but no Turkish word yet ties
them to a product, so they stay missed; Greek is not read (its letters make no words
for the detector), nor a death said as "we said goodbye to Anna", nor "unseren Sohn verloren" (the possessives, as known
words, change the detector's spelling corrections), nor the
product named only by an unknown word in these languages ("Tavorix, yoğun
bakım", "a Norvexa után")."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Jó napot, a férjem tegnap elhunyt. A Tavorix tapaszt használta. Hová küldjem a maradékot?", "death"),
    ("Dobrý den, moje matka zemřela v neděli. Používala Norvexa tablety.", "death"),
    ("Chci zrušit dodávku inhalátorů, maminka už není mezi námi.", "death"),
    ("Il papà non c'è più da lunedì. Abbiamo ancora tre inalatori Orvexa.", "death"),
    ("Jeg vil afmelde leveringen af plastre. Han er sovet ind.", "death"),
    ("We lost our little girl in May, a few months after the gene therapy.", "death"),
    ("Az anyám légzése leállt éjjel a Norvexa tapasz után, újra kellett éleszteni.", "life_threatening"),
])
def test_a_grave_report(text, category):
    finding = detect(text)
    assert finding is not None and finding.serious, finding

