"""Blind safety set 40, read in the thirty-fourth session once set 44 was
frozen (its first figures: recall 0.9624, deaths and life-threatening events
0.9821, two deaths missed). Read now, in phrasings written for these tests:
a product name the spelling corrector turned into another language's word
after "the" ("the neurestra" had become the Spanish "nuestra"), products named
after their form in Spanish, Italian, Portuguese and Polish (patches, a pen),
"<name> user", and gallstones and an inflamed gallbladder as a serious
reaction. Not changed: a death whose certificate names "an anticoagulant"
and only the next sentence names it as ours, mild reactions in Finnish, a
lump from an injection given in the same place (a medication error), and
interactions told as "since then" after a second medicine."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text, category", [
    ("he passed. the orlevanta didn't help him in the end.", "death"),
    ("She died on Sunday. Sorry, the velmorix could not save her.", "death"),
    ("Mi madre lleva los parches Sotrevan y hoy la encontramos muy mareada.", "reaction"),
    ("Il cerotto Quenlira le ha dato allucinazioni, è stata ricoverata.", "hospitalisation"),
    ("Wstrzykiwacz Lomarex miał pęknięty korpus.", "quality_complaint"),
    ("Trevalix user here. Diagnosed with cholecystitis last week, gallbladder out on Friday.", "reaction"),
])
def test_reports_set_40_showed(text, category):
    finding = detect(text)
    assert finding is not None and finding.category == category


@pytest.mark.parametrize("text", [
    "The ceftriaxone bags from the wholesaler had particles, so we returned them; nothing to do with your product.",
    "She has gallstones and the surgeon will take the gallbladder out next month. Can she still get Trevalix later?",
    "the penicillin gave him a rash years ago; is the Orlevanta safe for him?",
])
def test_non_reports_next_to_them(text):
    assert detect(text) is None
