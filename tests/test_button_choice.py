"""A button named by its place instead of clicked ("third button", "option
2", "la deuxième"): the value of that button of the open question, as the
question shows it (development pools 17 and 19 asked the status question
twice after "third button" and "second option")."""
import pytest

from bot.button_choice import chosen_button
from bot.understanding import interpret


@pytest.mark.parametrize("text, value", [
    ("third button", "authorised_not_available"),
    ("second option", "authorised_other_indication"),
    ("option 2", "authorised_other_indication"),
    ("la deuxième", "authorised_other_indication"),
    ("I pick the 4th", "authorised_available"),
    ("the first one", "not_authorised"),
])
def test_a_button_by_its_place(text, value):
    assert interpret(text, "inform", [], "authorisation", {}).facts["authorisation"] == value


def test_the_place_is_counted_on_the_buttons_the_question_shows():
    # the device's status question has its own buttons, in the same order of values
    assert chosen_button("authorisation", "second option", {"product_type": "medical_device"}) == \
        "authorised_other_indication"


@pytest.mark.parametrize("text", ["it would be the first time", "first button - not authorised but maybe soon",
                                  "the second trial", "2 years"])
def test_other_words_name_no_button(text):
    assert chosen_button("previously_treated", text, {}) is None


def test_the_last_button_is_i_dont_know_which_gives_no_value():
    assert chosen_button("in_company_trial", "the last one", {}) is None


def test_a_place_beyond_the_buttons_names_none():
    assert chosen_button("in_company_trial", "option 9", {}) is None
