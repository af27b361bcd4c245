"""The development question sets are the NLU's ask_info examples
(data/nlu/scheme_questions.yml, written by scripts/build_question_examples.py):
without them the intent classifier sent a quarter of held-out precise
questions elsewhere (BENCHMARKS.md)."""
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_question_examples as build  # noqa: E402


def _key(text):
    return " ".join(str(text).lower().split())


def _examples_by_intent():
    from rasa.shared.nlu.training_data.loading import load_data

    out = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for ex in load_data(str(path)).training_examples:
            out.setdefault(_key(ex.get("text")), set()).add(ex.get("intent"))
    return out


def test_the_file_is_what_the_development_sets_give():
    result = subprocess.run([sys.executable, "scripts/build_question_examples.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_examples_are_development_questions_every_premise_among_them_and_no_text_has_two_intents():
    examples = _examples_by_intent()
    assert all(len(intents) == 1 for intents in examples.values())
    held_out = build.held_out_texts()  # what a held-out set shares word for word stays out
    development = {}
    for name in build.SOURCES:
        data = yaml.safe_load((ROOT / "tests" / "facets" / f"{name}.yml").read_text(encoding="utf-8"))
        development.update({_key(item["text"]): "question" for item in data["questions"]})
        development.update({_key(item["text"]): "premise" for item in data.get("wrong_premise", [])})
    hand = {_key(text) for text, origin in _facet_examples() if origin == "hand"}
    generated = [_key(line[6:]) for line in build.TARGET.read_text(encoding="utf-8").splitlines()
                 if line.startswith("    - ")]
    assert len(generated) > 700
    assert all(text in development or text in hand for text in generated)
    for text, kind in development.items():
        if kind == "premise" and text not in held_out:
            assert text in examples, text  # a premise must reach the answer that corrects it


def _facet_examples():
    data = yaml.safe_load(build.FACET_EXAMPLES.read_text(encoding="utf-8"))
    return [(item["text"], item.get("from")) for item in data["examples"]]


def test_no_held_out_question_is_an_example():
    from tests.test_facet_sets import BLIND

    data = yaml.safe_load(BLIND.read_text(encoding="utf-8"))
    held_out = {_key(item["text"]) for item in data["questions"] + data["wrong_premise"]}
    assert BLIND.stem not in build.SOURCES
    shared = len(held_out & set(_examples_by_intent()))
    del held_out  # a count only: a failing assertion must not print held-out questions
    assert shared == 0, f"{shared} held-out question(s) are NLU examples"


def test_a_text_rasa_would_read_as_an_entity_annotation_is_left_out():
    assert build._usable("who files [the AAC](scheme)?") == ""
    assert build._usable("  who   files\nthe AAC? ") == "who files the AAC?"
