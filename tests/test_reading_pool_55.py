"""What pool 55 showed once read (thirty-fourth session; blind until pool 57
was frozen), in phrasings written for these tests. Its failures: "never"
typed with a letter missing read as a yes to "has the patient had it
before?"; "failed or isn't tolerated" read as alternatives left (the
contracted negation undid the phrase that says they are exhausted); "a
seriously debilitating condition, though not life-threatening" read as not
serious (the concession's no won). Three conversations opened by asking to
speak to a person and went to the team's contact form: the right answer,
which the simulated user cannot go on from."""
import pytest

from bot.polarity import answer_to
from tests.reading import read as _read


@pytest.mark.parametrize("text", ["nver had it", "she has nevr received it", "nevr been on it"])
def test_never_typed_with_a_letter_wrong_is_a_no(text):
    assert _read(text, "previously_treated").facts.get("previously_treated") is False


@pytest.mark.parametrize("text", ["noting that he takes it already", "over a year on it now"])
def test_an_english_word_close_to_a_negation_stays_itself(text):
    assert _read(text, "previously_treated").facts.get("previously_treated") is True


@pytest.mark.parametrize("text", ["Everything licensed has failed or isn't tolerated.",
                                  "the approved drugs aren't tolerated",
                                  "the standard options are poorly tolerated or failed"])
def test_treatments_not_tolerated_are_exhausted(text):
    assert _read(text, "alternatives_exhausted").facts.get("alternatives_exhausted") is True


@pytest.mark.parametrize("text", ["a severely disabling disease, though not life-threatening",
                                  "it's seriously debilitating, although not fatal",
                                  "It is life-threatening, though not disabling for now."])
def test_one_way_of_being_serious_denied_is_still_serious(text):
    assert answer_to("serious_condition", text) is True


def test_one_way_denied_in_an_opening_is_still_serious():
    facts = _read("My brother has a severely disabling illness, though not life threatening. He lives in Leeds.").facts
    assert facts.get("serious_condition") is True


@pytest.mark.parametrize("text", ["not life-threatening", "it's not life threatening and not disabling",
                                  "no, not fatal, it's mild"])
def test_both_ways_denied_or_only_one_named_is_not_serious(text):
    assert answer_to("serious_condition", text) is False


@pytest.mark.parametrize("text", [
    "not life threatening and everyday life is fine",
    "I wouldn't call it life-threatening, no, or disabling",
    "not disabling, it's more a quality of life issue",
    "Nicht lebensbedrohlich, und es schränkt ihn kaum ein.",
    "yes there is a study, but it isn't life-threatening",
])
def test_a_no_to_one_way_stands_when_nothing_says_yes_by_another(text):
    assert answer_to("serious_condition", text) is not True


def test_a_word_of_another_language_near_an_english_negation_is_no_negation():
    # "året" (the year) folds to "aret", one letter from "arent"
    assert _read("Han fick det förra året och mådde bättre.", "previously_treated").facts.get("previously_treated") is True
