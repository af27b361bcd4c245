"""The precise-question sets (issue 11, item 6), each written blind from the
fact sheet. dev.yml and blind_1.yml to blind_5.yml are development sets
(their misses were read after their first figure; their questions train the
learned facet reader, data/lexicon/facet_examples.yml); blind_6.yml's misses
were read in the ninth session (development, in the facet reader's training
since); blind_7.yml is held out and never read while developing. Figures
and command:
python bench/eval_facets.py tests/facets/blind_7.yml --model MODEL --quiet
(the held-out set only ever with --quiet: figures, no questions).

Targets on the held-out set: at least 95% of the questions answered with the
right scheme's right facet, and no UNCONFIRMED fact asserted. NOT met yet
(BENCHMARKS.md): the held-out test asserts the floors measured, so that a
change can only keep or raise them; the development sets keep their level."""
from pathlib import Path

import pytest

from evaluation.facets import evaluate, load_set

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "assistant.tar.gz"
BLIND = ROOT / "tests" / "facets" / "blind_7.yml"
DEVELOPMENT = [ROOT / "tests" / "facets" / name for name in ("dev.yml", "blind_1.yml", "blind_2.yml", "blind_3.yml",
                                                                  "blind_4.yml", "blind_5.yml", "blind_6.yml")]
# Held-out blind_7 (ninth session), less the 14 questions that training data
# already held word for word or nearly (removed by tests/test_held_out_overlap's
# key, unread): right facet 0.9125 (0.925 once blind_6 trained the facet
# reader), premises corrected first 0.509, no UNCONFIRMED fact asserted; 0.753
# of its messages classified as questions by the NLU, 0.820 answered as
# questions (by the classifier or in words by the action they reach).
# Thirty-third session: the same training data gave 0.6305 classified as
# questions on this machine (TensorFlow rounds by CPU; a942aba retrained here),
# so the classifier's share was fragile; with one development question in
# three as ask_info examples (scripts/build_question_examples.py) 0.973 and
# 0.976 answered. The floors leave room for another machine's rounding.
HELD_OUT_FLOORS = {"right_facet": 0.92, "corrected_first": 0.50, "nlu_ask_info": 0.88,
                   "answered_as_question": 0.90}
HELD_OUT_MAX_UNCONFIRMED_ASSERTED = 0
DEVELOPMENT_FLOORS = {"dev.yml": 0.99, "blind_1.yml": 0.97, "blind_2.yml": 0.96, "blind_3.yml": 0.96, "blind_4.yml": 0.93,
                      "blind_5.yml": 0.96, "blind_6.yml": 0.87}
# blind_4's "my wife's doctor sent the request for her compassionate drug last
# week, when will we hear back?" names no country; the answer gives the
# company's programme (its acknowledgement date) where the set's writer meant
# the AAC, whose decision time is UNCONFIRMED.
UNCONFIRMED_ANSWERED_OTHERWISE = {"blind_4.yml": 1, "blind_6.yml": 1}


def _nlu_texts():
    from rasa.shared.nlu.training_data.loading import load_data

    return {" ".join(ex.get("text").lower().split())
            for path in sorted((ROOT / "data" / "nlu").glob("*.yml"))
            for ex in load_data(str(path)).training_examples}


def test_the_held_out_set_is_big_enough_and_shares_no_question_with_training_data():
    questions, premises = load_set(BLIND)
    texts = {" ".join(x["text"].lower().split()) for x in questions + premises}
    assert len(questions) >= 150 and len(premises) >= 40
    shared = len(texts & _nlu_texts())  # a count: the held-out questions are never printed
    assert shared == 0, f"{shared} question(s) of {BLIND.name} are NLU training examples"
    from bot.facet_classifier import EXAMPLES, read_examples

    learned = {" ".join(text.lower().split()) for text, _ in read_examples(EXAMPLES)}
    both = len(texts & learned)  # a count: the held-out questions are never printed
    assert both == 0, f"{both} held-out question(s) train the facet reader"


@pytest.mark.model
def test_held_out_precise_questions_keep_their_floors(kb, settings):
    assert MODEL.exists(), "train first: make train"
    figures = evaluate(BLIND, kb, settings, MODEL)
    figures.pop("misses")  # held out: figures only
    print(figures)
    for name, floor in HELD_OUT_FLOORS.items():
        assert figures[name] >= floor, figures
    assert figures["unconfirmed_asserted"] <= HELD_OUT_MAX_UNCONFIRMED_ASSERTED, figures


@pytest.mark.parametrize("path", DEVELOPMENT, ids=lambda p: p.name)
def test_development_questions_keep_their_level_and_assert_nothing_unconfirmed(kb, settings, path):
    figures = evaluate(path, kb, settings)
    assert figures["right_facet"] >= DEVELOPMENT_FLOORS[path.name], figures["misses"]
    assert figures["unconfirmed_asserted"] <= UNCONFIRMED_ANSWERED_OTHERWISE.get(path.name, 0), figures["misses"]
