"""Blind safety set 44, read in the thirty-sixth session once set 46 was
frozen (its last held-out figures: recall 0.9737, every death and
life-threatening event, false alarms 0.1204). Read now, in phrasings written
for these tests: Finnish words for side effects, pregnancy and use; lumps in
a vial named in Italian ("il flacone di ..."); a pen whose medicine ran down
the leg; a new patch put on without taking the old one off; a measure that
"hasn't budged" on the product; and, found while checking that nothing was
lost, two product names after a French elided pronoun ("j'utilise ...") and
after a number of weeks in German ("seit zwei Wochen ..."), which the
detector had only caught by taking the number for a name. Not changed:
performance use without the disease ("before the gym"), the false alarms of
diseases that get worse, fear of a first injection, and other companies'
products (set 44 counts them as non-reports)."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("Velnoral aiheutti pahoinvointia ja ripulia.", "reaction"),
    ("Olen raskaana ja käytin Velnoral-tabletteja.", "pregnancy"),
    ("Nel flacone di Velnoral ho trovato dei grumi.", "quality_complaint"),
    ("The Velnoral pen clicked but the liquid dripped down my thigh.", "quality_complaint"),
    ("They put a new Velnoral patch on without removing the old one.", "medication_error"),
    ("Three months on Velnoral and his TSH levels haven't budged.", "lack_of_effect"),
    ("Ich stille und nehme seit drei Wochen Velnoral, das Baby hat Ausschlag.", "reaction"),
    ("Je suis enceinte et j'utilise Velnoral depuis un an.", "pregnancy"),
])
def test_reports_set_44_showed(text, category):
    finding = detect(text)
    assert finding is not None and finding.category in (category, "reaction")


@pytest.mark.parametrize("text", [
    # what the new words must not catch
    "He hasn't moved since his fall, the physio comes tomorrow.",
    "The dose counter on the Velnoral inhaler hasn't moved because he never used it.",
    "Is there a Velnoral trial with two patches a day?",
    "Le flacon de Velnoral est arrivé en bon état, merci.",
])
def test_non_reports_next_to_them(text):
    assert detect(text) is None
