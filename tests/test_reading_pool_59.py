"""What pool 59 showed once read (thirty-seventh session, once pool 60 was
frozen; its last held-out figure 0.9938). Its two failures were one answer
to the status question, "marketing authorisation yes, availability no": the
noun "availability" with its own "no" was not read, so the product was taken
as available (an ordinary prescription). Checking its neighbours showed that
"authorised: yes. available: no" was also read as approved treatments tried
and no trial available: a label that is only a word of the product's status
answers the status question. Phrasings written for these tests."""
import pytest

from tests.reading import read as _read


@pytest.mark.parametrize("text, expected", [
    ("marketing authorisation yes, availability no", "authorised_not_available"),
    ("availability no, marketing authorisation yes", "authorised_not_available"),
    ("licensed: yes. availability: none", "authorised_not_available"),
    ("AMM oui, disponibilité non", "authorised_not_available"),
    ("Zulassung ja, Verfügbarkeit nein", "authorised_not_available"),
    # what must not change
    ("approved yes, available no", "authorised_not_available"),
    ("approved no", "not_authorised"),
    ("approved and available", "authorised_available"),
])
def test_a_status_with_its_own_yes_or_no_is_read(text, expected):
    assert _read(text, "authorisation").facts.get("authorisation") == expected


def test_a_status_label_answers_only_the_status_question():
    facts = _read("authorised: yes. available: no", "authorisation").facts
    assert facts == {"authorisation": "authorised_not_available"}


@pytest.mark.parametrize("text, slot, expected", [
    # labels that name another fact are still read as that fact
    ("approved options tried: yes", "alternatives_exhausted", True),
    ("trial available: no", "trial_available", False),
])
def test_labels_of_other_facts_are_still_read(text, slot, expected):
    assert _read(text, None).facts.get(slot) is expected
