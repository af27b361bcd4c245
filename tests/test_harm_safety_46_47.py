"""What safety sets 46 and 47 showed once read (thirty-eighth session, once
set 48 was frozen). The detector alone missed deaths and life-threatening
events that the harm reader caught: a report of harm must not depend on one
classifier. Most were products it did not take for names: a name followed by
its dose ("Cardolane 5 mg bid"), a name that is a sentence of its own ("Dad
died. Glytrava."), a name first in brackets, and names after verbs and nouns
of the other languages. Phrasings written for these tests."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text", [
    # a name followed by its dose
    "79-year-old man, Trelvanex 10 mg once daily, found collapsed at home, died in the ambulance.",
    "Pt on Morvalid 200 mg bd, massive GI bleed, died despite transfusion.",
    # a name that is a sentence of its own
    "Mum died on Sunday. Ozmerin. Her breathing just stopped.",
    # a name first in brackets
    "Re the renewal form: the patient (Ozmerin, MS) died last week of pneumonia.",
    # found dead, in German
    "Patientin, 74 J., unter Ozmerin, am Montag tot in ihrer Wohnung aufgefunden.",
    # did not make it, in Italian
    "Mio padre non ce l'ha fatta. Prendeva Ozmerin da due anni.",
    # got, in Danish; the pen, in Finnish
    "Min mor døde i går. Hun fik Ozmerin for sin gigt.",
    "Äitini menehtyi sairaalassa. Hänellä oli Ozmerin-kynä.",
])
def test_a_death_beside_a_product_named_so_is_reported(text):
    finding = detect(text)
    assert finding is not None and finding.serious


@pytest.mark.parametrize("text", [
    # a dose of another maker's product, and a person's name that is a sentence of its own, with no harm
    "Dad takes metformin 500 mg twice a day; can he also get your drug?",
    "Thanks for your help. Margaret.",
    # "fik" before a Danish word, not a name: a reaction to an earlier chemotherapy
    "Han fik alvorlig neutropeni af den tidligere kemoterapi og var indlagt.",
])
def test_no_report_without_a_harm_tied_to_our_product(text):
    assert detect(text) is None
