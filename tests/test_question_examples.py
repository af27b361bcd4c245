"""The intent classifier's questions from the development question sets
(scripts/build_question_examples.py, data/nlu/questions_from_sets.yml)."""
import subprocess
import sys
from pathlib import Path

import yaml

from evaluation.nlu import intent_examples

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "data" / "nlu" / "questions_from_sets.yml"


def _key(text):
    return " ".join(text.lower().split())


def test_the_generated_questions_are_what_the_development_sets_give():
    result = subprocess.run([sys.executable, "scripts/build_question_examples.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _generated():
    from rasa.shared.nlu.training_data.loading import load_data

    return [(ex.get("text"), ex.get("intent")) for ex in load_data(str(GENERATED)).intent_examples]


def test_every_generated_question_comes_from_a_development_set_and_none_from_the_held_out_one():
    facets = ROOT / "tests" / "facets"
    development = {_key(item["text"]) for item in yaml.safe_load(
        (ROOT / "data" / "lexicon" / "facet_examples.yml").read_text(encoding="utf-8"))["examples"]}
    for path in facets.glob("*.yml"):
        if path.name != "blind_7.yml":
            development |= {_key(x["text"]) for x in (yaml.safe_load(path.read_text(encoding="utf-8")) or {})
                            .get("wrong_premise") or []}
    held = yaml.safe_load((facets / "blind_7.yml").read_text(encoding="utf-8"))
    held_out = {_key(x["text"]) for x in held["questions"] + held["wrong_premise"]}
    generated = _generated()
    assert len(generated) >= 500 and {intent for _, intent in generated} == {"ask_info"}
    assert all(_key(text) in development for text, _ in generated)
    assert not any(_key(text) in held_out for text, _ in generated)  # held-out texts are never printed


def test_no_generated_question_is_also_an_example_of_another_intent():
    generated = {_key(text) for text, _ in _generated()}
    clashes = [text for text, intent in intent_examples(ROOT / "data" / "nlu")
               if intent != "ask_info" and _key(text) in generated]
    assert not clashes, clashes
