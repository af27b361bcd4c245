"""What pool 58 showed once read (thirty-sixth session, after its second
figures-only run, once pool 59 was frozen), in phrasings written for these
tests. Its four failures were one answer to the status question, "aproved
but unavialable": the mistyped "unavailable" was not read, so the product
was taken as approved and available (ordinary prescription) instead of
approved and unobtainable. Words of unavailability are now read despite a
typing mistake, as words of approval and of availability already were."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text, expected", [
    ("aproved but unavialable", "authorised_not_available"),
    ("licensed for this, but unavailible here", "authorised_not_available"),
    ("approved for this use, but discontiued in this country", "authorised_not_available"),
    # what must not change
    ("approved and availible here", "authorised_available"),
    ("approved but unavailable", "authorised_not_available"),
    ("not approved anywhere", "not_authorised"),
])
def test_a_mistyped_word_of_unavailability_is_read(text, expected):
    assert _read(text, "authorisation").facts.get("authorisation") == expected
