"""What pool 44 showed once read (twenty-sixth session; blind until then),
in phrasings written for these tests: no commercial supply; a first
exposure; "Oz"; the Norwegian marketing authorisation with "ingen"; trials
one cannot be included in or accepted into; a life severely limited;
telegraphic notes that the patient was never treated with the product."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text", [
    "licensed for this use; no commercial supply in this country",
    "approved for it but not commercially available here",
])
def test_no_commercial_supply_is_authorised_not_available(text):
    assert _read(text, "authorisation").facts.get("authorisation") == "authorised_not_available"


@pytest.mark.parametrize("text", ["this would be his first exposure", "it'd be her first exposure to it"])
def test_a_first_exposure_is_not_previously_treated(text):
    assert _read(text, "previously_treated").facts.get("previously_treated") is False


def test_oz_is_australia():
    assert _read("we're in Oz", "country").facts.get("country") == "AU"


@pytest.mark.parametrize("text", [
    "Ingen markedsføringstillatelse for noen indikasjon her.",
    "Har ingen markedsføringstillatelse i Norge for noen indikasjon.",
])
def test_no_norwegian_marketing_authorisation_for_any_use_is_not_authorised(text):
    assert _read(text).facts.get("authorisation") == "not_authorised"


@pytest.mark.parametrize("text", [
    "Hun kan ikke inkluderes i noen studie.",
    "He can't be accepted into any of the trials.",
])
def test_cannot_be_included_or_accepted_is_no_trial_to_join(text):
    assert _read(text).facts.get("trial_available") is False


def test_a_life_severely_limited_is_serious():
    assert _read("His illness severely limits what he can do every day.").facts.get("serious_condition") is True


@pytest.mark.parametrize("text", [
    "Ikke behandlet med preparatet tidligere.",
    "Noch nie mit dem Medikament behandelt.",
    "Jamais traitée avec le dispositif.",
    "Nunca tratado con el fármaco.",
])
def test_telegraphic_never_treated_with_the_product(text):
    assert _read(text).facts.get("previously_treated") is False


@pytest.mark.parametrize("text, expected", [
    ("there's one, and she'd fit it", True),
    ("well, there is one", True),
    ("I don't think there's one for her, no", False),
])
def test_there_is_one_as_the_whole_clause_is_a_trial_to_join(text, expected):
    assert _read(text, "trial_available").facts.get("trial_available") is expected
