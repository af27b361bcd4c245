"""The harm reader (bot/harm_reader.py): a classifier of one question, does
this message report harm, trained on the development safety sets. Its
figures on sets it never saw are in BENCHMARKS.md (bench/safety_reader_cv.py);
here, what it must do whatever the figures."""
import subprocess
import sys
from pathlib import Path

import pytest

from bot import harm_reader
from evaluation.nlu import intent_examples

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def reader():
    """Trained as the model trains it: the safety messages and the NLU examples."""
    nlu = intent_examples(ROOT / "data" / "nlu")
    return harm_reader.train(harm_reader.with_intent_examples(harm_reader.read_examples(), nlu))


def test_the_training_messages_are_the_development_safety_sets_as_generated():
    result = subprocess.run([sys.executable, "scripts/build_harm_examples.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_file_without_reports_or_with_an_empty_text_is_refused(tmp_path):
    only = tmp_path / "only.yml"
    only.write_text("non_reports:\n- how do I apply\n", encoding="utf-8")
    with pytest.raises(ValueError, match="both"):
        harm_reader.read_examples(only)
    empty = tmp_path / "empty.yml"
    empty.write_text("reports:\n- ''\nnon_reports:\n- how do I apply\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"reports\[0\]"):
        harm_reader.read_examples(empty)
    with pytest.raises(ValueError):
        harm_reader.train([("she died", True)])


def test_emergencies_are_left_out_and_only_reports_count_as_reports():
    examples = harm_reader.with_intent_examples(
        [("she died on it", True)],
        [("I want to report a side effect", "report_adverse_event"), ("he is not breathing", "emergency"),
         ("yes", "affirm"), ("", "affirm")])
    assert examples == [("she died on it", True), ("I want to report a side effect", True), ("yes", False)]


def test_training_twice_gives_the_same_probabilities():
    examples = harm_reader.read_examples()[:400] + harm_reader.read_examples()[-400:]
    text = "my mother was admitted after the third dose"
    assert harm_reader.train(examples).probability(text) == harm_reader.train(examples).probability(text)


@pytest.mark.parametrize("text", [
    "Our patient on your compassionate-use capsules passed away on Sunday.",
    "Mon père est décédé trois jours après la deuxième perfusion de votre médicament.",
    "pt on ur EAP drug admitted to ICU w/ anaphylaxis after dose 2",
    "The vials you shipped arrived cracked and the powder had turned yellow.",
    "She found out she is pregnant; she has been on your tablets since March.",
])
def test_reports_in_words_the_detector_was_not_built_from_are_read(reader, text):
    assert reader.probability(text) >= harm_reader.THRESHOLD


@pytest.mark.parametrize("text", [
    "How do I request compassionate use in France?",
    "She is a 54-year-old with relapsed myeloma.",
    "yes",
    "Dr Martin, Hôpital Saint-Louis",
])
def test_ordinary_messages_are_not_reports(reader, text):
    assert reader.probability(text) < harm_reader.THRESHOLD


@pytest.mark.parametrize("text", [
    "Par quelle plateforme la demande d'AAC part-elle vers l'ANSM ?",
    "Combien de temps l'ANSM met-elle pour répondre à une demande d'AAC ?",
    "Quels documents faut-il pour un renouvellement d'accès précoce ?",
])
def test_a_question_about_a_scheme_in_french_is_no_report(reader, text):
    # The development question sets are its non-reports (`questions`): before
    # them, French scheme questions passed the threshold.
    assert reader.probability(text) < harm_reader.THRESHOLD / 3


def test_the_question_sets_are_read_as_non_reports(tmp_path):
    path = tmp_path / "with_questions.yml"
    path.write_text("reports:\n- she died on your drug\nnon_reports:\n- how do I apply\n"
                    "questions:\n- who files an AAC?\n", encoding="utf-8")
    assert ("who files an AAC?", False) in harm_reader.read_examples(path)
