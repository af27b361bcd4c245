"""Everyday reactions in German, Spanish, Italian, French, Dutch and
Portuguese, on the product since it started (data/lexicon/harm.yml
`normalise`): the detector had left them to the harm reader alone, and a
report must not depend on one classifier (twenty-eighth session: 64 more
reports of the development sets caught by the detector). Phrasings written
for these tests."""
import pytest

from bot.harm import detect


@pytest.mark.parametrize("text", [
    "Seit Tavorix hat mein Mann ständig Kopfschmerzen.",
    "Desde que toma Tavorix tiene fiebre por las tardes.",
    "Da quando prende il Tavorix ha capogiri ogni mattina.",
    "Depuis qu'elle prend Tavorix, elle a des démangeaisons.",
    "Sinds de start met Tavorix heeft hij jeuk en uitslag.",
    "Desde que começou o Tavorix tem tonturas.",
])
def test_a_reaction_on_the_product_is_a_report(text):
    finding = detect(text)
    assert finding is not None and finding.category == "reaction"


@pytest.mark.parametrize("text", [
    # a supposition, a negation, another company's product, a general question
    "Als de patiënt jeuk krijgt na de injectie, moeten we dan bellen?",
    "Elle n'a eu ni fièvre ni démangeaisons après la perfusion.",
    "Con el anticonvulsivo de otra farmacéutica tuvo sarpullido; ahora pedimos Tavorix.",
    "Unter Pirfenidon hatte mein Vater Durchfall. Kann er Ihr Medikament bekommen?",
    "Tavorix provoca vertigini? Lo chiedo prima di iniziare.",
])
def test_no_report(text):
    assert detect(text) is None


def test_yours_in_dutch_ties_a_death_to_the_product():
    # a development set's death, which a word read by chance as a product name had caught
    finding = detect("Helaas is mijn vader overleden aan een bloeding, hij gebruikte de tabletten van jullie.")
    assert finding is not None and finding.category == "death"
