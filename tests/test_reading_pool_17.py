"""What development pool 17 showed, in phrasings written for these tests:
Portuguese and Italian statuses read as available ("sem autorização", "noutra
indicação", "fuori indicazione"), asking whether the assistant is a person
read as asking for one, and a contrast the statement reader missed."""
import pytest

from bot.authorisation import read_authorisation
from bot.statement_reader import stated_by_reader
from bot.understanding import wants_a_person, wants_handoff


@pytest.mark.parametrize("text, status", [
    ("sem autorização em Portugal, para nenhuma doença", "not_authorised"),
    ("aprovado, mas noutra indicação", "authorised_other_indication"),
    ("è autorizzato, ma fuori indicazione per lei", "authorised_other_indication"),
])
def test_statuses(text, status):
    assert read_authorisation(text, answering=True) == status


@pytest.mark.parametrize("text", ["Is this a real person?", "am i talking to a real person or a machine?",
                                  "are you a human?"])
def test_asking_what_the_assistant_is_asks_for_no_person(text):
    assert not wants_a_person(text) and not wants_handoff(text)


def test_asking_for_a_person_after_asking_what_the_assistant_is_still_counts():
    assert wants_a_person("Are you a bot? I'd like to talk to a real person please")


def test_the_sentence_decides_the_value_the_reader_found():
    text = "Her illness is not life-threatening, but it is seriously disabling."
    assert stated_by_reader(text) == {"serious_condition": True}
