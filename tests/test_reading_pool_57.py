"""What pool 57 showed once read (thirty-fifth session, after its second
figures-only run, once pool 58 was frozen), in phrasings written for these
tests. Its failures: "Nicht zugelassen, auch nicht in einer anderen
Indikation" (not approved, not even for another indication) read as
approved for another use, nine FR_AAC conversations given the CPC; the
Italian "non ha l'AIC" not read (the elided article before the short word
for a marketing authorisation); and a full opening that asks to request the
product sent to the handoff with no outcome (tests/test_repair.py); and,
in the thirty-sixth session, "no surgical or approved transcatheter options
left" read as alternatives left (two kinds of treatment joined by "or"
between "no" and "options")."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text, expected", [
    # another use denied right after a negation: no approval at all
    ("Nicht zugelassen, auch nicht für eine andere Indikation.", "not_authorised"),
    ("Pas d'AMM, même pas pour une autre indication.", "not_authorised"),
    ("Niet geregistreerd, ook niet in een andere indicatie", "not_authorised"),
    ("not licensed, not even in another indication", "not_authorised"),
    # another use affirmed: off-label
    ("Zugelassen, aber nur für eine andere Indikation.", "authorised_other_indication"),
    ("approved, but for another indication", "authorised_other_indication"),
    ("Not approved for this, only in another indication", "authorised_other_indication"),
])
def test_another_use_is_denied_only_by_a_negation_right_before_it(text, expected):
    assert _read(text, "authorisation").facts.get("authorisation") == expected


@pytest.mark.parametrize("text, expected", [
    ("Non ha l'AIC in nessuna indicazione", "not_authorised"),
    ("ha l'AIC ma per un'altra indicazione", "authorised_other_indication"),
])
def test_the_italian_authorisation_after_its_elided_article_is_read(text, expected):
    assert _read(text, "authorisation").facts.get("authorisation") == expected


@pytest.mark.parametrize("text, expected", [
    ("no surgical or approved transcatheter options left", True),
    ("There are no medical and no surgical options remaining for her.", True),
    ("ni quirúrgicas ni médicas: no quedan opciones", True),
    # the coordination does not carry a quantifier past a clause
    ("no, and there are still options left", False),
    ("no surgery yet, but other approved options remain", False),
])
def test_a_quantifier_of_absence_reaches_past_a_coordinator(text, expected):
    assert _read(text, "alternatives_exhausted").facts.get("alternatives_exhausted") is expected
