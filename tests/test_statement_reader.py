"""The learned statement reader (bot/statement_reader.py): which yes/no fact
a clause states, beside the anchors of bot/statements.py; the value comes
from the polarity rules. Phrasings written for these tests, none from a pool."""
import subprocess
import sys
from pathlib import Path

import pytest

from bot import statement_reader
from bot.understanding import interpret

ROOT = Path(__file__).resolve().parent.parent


def _anchors_only(text, requested=None):
    return interpret(text, "inform", [], requested, {}).facts


@pytest.mark.parametrize("text, slot, value", [
    # (the anchors learned "pronostic vital engagé", "has had the pump before" and "have been tried" in
    # the fifteenth session; these are phrasings they still leave to the reader)
    # (the twentieth session's anchors read "y es muy grave": tests/test_reading_pool_30.py)
    ("She had a couple of doses off-label in hospital last year before funding ran out.", "previously_treated",
     True),
    # (the sixteenth session's anchors read "there are still approved options I haven't tried")
    ("I'm a patient in Amsterdam and a couple of licensed options remain untried", "alternatives_exhausted", False),
])
def test_a_fact_no_anchor_reads_is_read_by_the_reader(text, slot, value):
    assert slot not in _anchors_only(text)
    assert interpret(text, "inform", [], None, {}, learned_statements=True).facts[slot] is value


def test_the_value_comes_from_the_polarity_rules():
    # ("never implanted before" is an anchor since the sixteenth session)
    text = "Treating physician, Lyon, medical device, no CE mark for any use, no prior exposure to it."
    assert "previously_treated" not in _anchors_only(text)
    assert interpret(text, "inform", [], None, {}, learned_statements=True).facts["previously_treated"] is False


class _Disagreeing:
    """A reader sure the clause is about the trial, and that it says yes."""

    def about(self, clause_texts):
        return [statement_reader.Reading("in_company_trial", 0.99, {True: 0.9, False: 0.09}) for _ in clause_texts]


def test_a_value_the_reader_finds_less_likely_than_the_other_is_not_read():
    text = "she is not enrolled in the sponsor's study at the moment"
    assert statement_reader.stated_by_reader(text, reader=_Disagreeing(), agree=False) == {"in_company_trial": False}
    assert statement_reader.stated_by_reader(text, reader=_Disagreeing()) == {}


def test_a_disease_named_without_its_gravity_states_nothing():
    facts = interpret("Bonjour, une patiente de 54 ans atteinte d'un cancer du pancréas.", "inform", [], None, {},
                      learned_statements=True).facts
    assert "serious_condition" not in facts


def test_the_open_question_is_never_the_readers():
    # "tried without any benefit" answers the open question through the answer rules, not the reader
    assert statement_reader.stated_by_reader("All approved lines have been tried without any benefit.",
                                             skip="alternatives_exhausted") == {}


def test_two_word_clauses_are_left_to_the_rules():
    assert statement_reader.stated_by_reader("no trial") == {}


def test_a_fact_two_clauses_state_both_ways_is_not_read():
    text = "She has had the pump before, a couple of years ago. She has never received the pump."
    assert "previously_treated" not in statement_reader.stated_by_reader(text)


def test_a_fact_already_known_is_never_overwritten_by_the_reader():
    facts = interpret("She has had the pump before, a couple of years ago.", "inform", [], None,
                      {"previously_treated": False}, learned_statements=True).facts
    assert "previously_treated" not in facts


def test_the_training_file_is_what_the_development_pools_give():
    result = subprocess.run([sys.executable, "scripts/build_statement_examples.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-500:]


def test_the_training_file_reads_no_held_out_pool():
    from evaluation import held_out
    from scripts.build_statement_examples import POOLS
    from tests.test_held_out_overlap import HELD_OUT

    never_read = {name.removesuffix(".yml") for name in held_out.POOLS}
    assert never_read & set(POOLS) == set()
    assert {f"conversations/{name}.yml" for name in never_read} <= set(HELD_OUT)


def test_examples_need_facts_and_none(tmp_path):
    path = tmp_path / "examples.yml"
    path.write_text("facts:\n  in_development:\n    true: [in phase 3]\n", encoding="utf-8")
    with pytest.raises(ValueError):
        statement_reader.read_examples(path)
    path.write_text("facts:\n  in_development: [in phase 3]\nnone: [hello]\n", encoding="utf-8")
    with pytest.raises(ValueError):
        statement_reader.read_examples(path)  # the values are missing


def test_the_reader_is_used_only_when_the_settings_say_so():
    text = "I'm a patient in Amsterdam and a couple of licensed options remain untried"
    assert "alternatives_exhausted" not in interpret(text, "inform", [], None, {}).facts
    assert interpret(text, "inform", [], None, {}, learned_statements=True).facts["alternatives_exhausted"] is False


def test_the_setting_is_off_unless_switched_on(tmp_path, monkeypatch):
    from bot.config import load_settings

    monkeypatch.delenv("STATEMENT_READER", raising=False)
    assert load_settings(tmp_path / "none.env").statement_reader is False
    monkeypatch.setenv("STATEMENT_READER", "true")
    assert load_settings(tmp_path / "none.env").statement_reader is True
