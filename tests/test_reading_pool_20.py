"""What development pool 20 showed, in phrasings written for these tests:
"Come"/"Como" opening a question are no towns, another cancer is another
use, "keiner" negates, hedges split by "so", a doctor who is not the
treating one, friends in French, the Italian "mai" alone."""
import pytest

from bot.authorisation import read_authorisation
from bot.roles import read_role
from bot.understanding import interpret


@pytest.mark.parametrize("text", ["Come posso avere il vostro farmaco per mia madre?",
                                  "Como faço para obter o vosso medicamento?"])
def test_how_opening_a_question_is_no_town(text):
    assert "country" not in interpret(text, "inform", [], None, {}).facts


@pytest.mark.parametrize("text, status", [
    ("autorisé, mais pour un autre lymphome", "authorised_other_indication"),
    ("AMM oui, mais pas pour son cancer", "authorised_other_indication"),
    ("in keiner Indikation zugelassen", "not_authorised"),
])
def test_statuses(text, status):
    assert read_authorisation(text, answering=True) == status


@pytest.mark.parametrize("text, slot, value", [
    ("I think so", "in_development", True),
    ("I don't think so, and he has no options left", "trial_available", False),
    ("doubt it", "trial_available", False),
    ("mai", "previously_treated", False),
    ("nothing is licensed for her disease, so there is nothing to try", "alternatives_exhausted", True),
])
def test_short_and_hedged_answers(text, slot, value):
    assert interpret(text, "inform", [], slot, {}).facts[slot] is value


@pytest.mark.parametrize("text", ["I'm an anaesthetist, not the one treating her",
                                  "GP here but I'm not her treating doctor"])
def test_a_doctor_who_is_not_the_treating_one_is_another_professional(text):
    assert read_role(text, answering=True) == "other_hcp"


def test_a_friend_in_french_is_a_relative_or_advocate():
    assert read_role("une amie proche, je l'aide", answering=True) == "patient_advocate"


def test_a_gene_therapy_in_french_is_a_medicine():
    assert interpret("une thérapie génique", "inform", [], "product_type", {}).facts["product_type"] == "medicine"
