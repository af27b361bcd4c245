"""The learned facet reader (bot/facet_classifier.py): its training data
names only the knowledge base's facets, it is deterministic, and it reads
questions phrased unlike its examples."""
from pathlib import Path

import pytest

from bot.facet_classifier import EXAMPLES, read_examples, train
from bot.facets import read_question
from bot.phrases import normalise

ROOT = Path(__file__).resolve().parent.parent


def test_the_training_questions_name_only_the_knowledge_bases_facets_and_cover_each(kb):
    facets = {facet for _, facet in read_examples(EXAMPLES)}
    assert facets == set(kb.facet_catalogue.labels)


def test_an_example_without_a_facet_is_refused(tmp_path):
    path = tmp_path / "examples.yml"
    path.write_text("examples:\n- text: who pays?\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs a text and a facet"):
        read_examples(path)


def _small():
    examples = [("who pays for it", "cost"), ("is it free for the family", "cost"),
                ("what does it cost", "cost"), ("how long does it last", "validity"),
                ("when does it expire", "validity"), ("can it be renewed", "validity")]
    return train((normalise(t), f) for t, f in examples)


def test_training_twice_on_the_same_questions_gives_the_same_probabilities():
    words = normalise("will the hospital be paid back")
    assert _small().probabilities(words) == _small().probabilities(words)


def test_a_question_worded_unlike_every_example_is_read_by_what_it_shares_with_them():
    probabilities = _small().probabilities(normalise("is it free of charge or do we pay"))
    assert max(probabilities, key=probabilities.get) == "cost"


@pytest.mark.parametrize("text, scheme, facet", [
    # French forms (data/lexicon/questions.yml) and the learned reader together.
    ("Combien de temps faut-il pour avoir la réponse de l'ANSM sur une AAC ?", "FR_AAC", "decision_time"),
    ("Pour un DM sans marquage CE, qui accorde la dérogation ?", "FR_MD_DEROGATION", "authority"),
    ("Le médicament de mon père en accès précoce, est-ce gratuit pour nous ?", "FR_AAP", "cost"),
    # "Compassionate use" placed in France is the AAC, not the company's programme.
    ("who decides on compassionate use for one named patient in France?", "FR_AAC", "authority"),
    ("our team prescribes under a cadre de prescription: for how long is it in force?", "FR_CPC", "validity"),
])
def test_precise_questions_in_french_and_in_generic_words_get_the_scheme_and_facet(kb, text, scheme, facet):
    reading = read_question(text, kb)
    assert (reading.scheme, reading.facet) == (scheme, facet)
