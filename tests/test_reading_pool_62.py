"""What pool 62 showed once read (thirty-ninth session, once pool 63 was
frozen; its first figure 0.9812, 14 conversations with a repeated question).
Most repeats were a small French town ("near Aurillac, Cantal") under the
cities' population floor; most failures an opening that asks for help with a
new request, read as a status question about an existing one. Phrasings
written for these tests."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text, country", [
    ("a village outside Aurillac", "FR"),
    ("we live in Whitehorse", "CA"),
    ("hun behandles i Bodø", "NO"),
    ("Sète", "FR"),
    ("at the CHU de Clermont", "FR"),
])
def test_a_small_town_names_its_country(text, country):
    assert _read(text, "country").facts.get("country") == country


@pytest.mark.parametrize("text", ["Time is short, what can be done?", "Best regards", "sure"])
def test_a_word_named_like_a_small_town_is_no_place(text):
    assert "country" not in _read(text, "country").facts


def test_a_small_town_of_another_country_than_the_one_named_is_not_read():
    # "Clermont" is also a town in Florida; the message names France
    facts = _read("je suis suivie à Clermont, et le produit n'a pas d'AMM en France", None).facts
    assert facts.get("country") == "FR"


@pytest.mark.parametrize("text", ["I take it currently", "she takes it every day"])
def test_taking_it_now_is_being_treated(text):
    assert _read(text, "previously_treated").facts.get("previously_treated") is True
