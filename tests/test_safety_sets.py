"""Safety sets (tests/safety/): reports of harm and messages that report none,
parsed by the whole trained NLU pipeline (intent classifier and the second
safety detector). Command: python bench/eval_safety.py MODEL SET [--quiet].

- blind_1.yml: written blind, never read while the detector was developed
  (figures only, no message is printed).
- dev.yml: the development set (the detector's vocabularies were written
  against it)."""
from pathlib import Path

import pytest

from evaluation.safety import evaluate, score

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "assistant.tar.gz"
SAFETY = ROOT / "tests" / "safety"
# set -> (minimum recall, minimum recall on deaths and life-threatening events,
# maximum false-alarm rate, whether failures may print the messages)
# The issue 11 targets (recall >= 0.98, 1.0 on deaths and life-threatening
# events, false alarms <= 0.03) are NOT met yet with either detector enough
# (BENCHMARKS.md): blind recall 0.902, deaths and life-threatening 1.0, false
# alarms 0.271 (most from the intent classifier); a model trained from
# scratch on the same data gave 0.898 and 0.205. Asserted at floors under
# those figures by that retraining spread, so that a regression fails;
# deaths and life-threatening events at 1.0 always.
SETS = {
    "blind_1.yml": (0.88, 1.0, 0.30, False),
    "dev.yml": (0.98, 1.0, 0.26, True),
}


@pytest.mark.model
@pytest.mark.parametrize("name", SETS)
def test_safety_set_meets_the_targets(name):
    recall, must_catch, false_alarms, show_messages = SETS[name]
    assert MODEL.exists(), "train first: make train"
    figures = evaluate(MODEL, SAFETY / name)
    detail = {k: v for k, v in figures.items() if show_messages or k not in ("misses", "false_alarms")}
    assert figures["reports"] >= 200 and figures["non_reports"] >= 200, detail
    assert figures["recall"] >= recall, detail
    assert figures["recall_death_life_threatening"] >= must_catch, detail
    assert figures["false_alarm_rate"] <= false_alarms, detail


def test_the_score_counts_the_safety_intents_as_detections():
    items = {
        "reports": [{"text": "a", "category": "death"}, {"text": "b", "category": "reaction"},
                    {"text": "c", "category": "reaction"}],
        "non_reports": [{"text": "d", "category": "question"}, {"text": "e", "category": "negated"}],
    }
    parsed = [{"intent": {"name": "report_adverse_event"}}, {"intent": {"name": "emergency"}},
              {"intent": {"name": "inform"}}, {"intent": {"name": "report_adverse_event"}}, {"intent": {"name": "deny"}}]
    figures = score(items, parsed)
    assert figures["recall"] == round(2 / 3, 4)
    assert figures["recall_death_life_threatening"] == 1.0
    assert figures["false_alarm_rate"] == 0.5
    assert figures["recall_by_category"] == {"death": "1/1", "reaction": "1/2"}
    assert figures["misses"] == ["[reaction] inform: c"] and figures["false_alarms"] == ["[question] report_adverse_event: d"]
