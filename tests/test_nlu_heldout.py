"""Held-out NLU set (not used for training): intent accuracy and country
entity F1. Figures are recorded in BENCHMARKS.md.

Targets (issue 2): intent accuracy >= 0.95, country F1 >= 0.98. Country F1
meets its target and is asserted at it. Intent accuracy does not yet (0.80
measured, see BENCHMARKS.md): it is asserted at the measured floor so that a
regression fails, and raising it to the target is open work."""
from pathlib import Path

import pytest

from bench.nlu_eval import evaluate

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "assistant.tar.gz"
INTENT_TARGET = 0.95
INTENT_FLOOR = 0.78
COUNTRY_F1_TARGET = 0.98


@pytest.mark.model
def test_heldout_figures():
    assert MODEL.exists(), "train first: make train"
    figures = evaluate(MODEL, ROOT / "tests" / "nlu" / "heldout.yml")
    print(figures)
    assert figures["examples"] >= 300
    assert figures["country_mentions"] >= 120
    assert figures["country_f1"] >= COUNTRY_F1_TARGET, figures
    assert figures["intent_accuracy"] >= INTENT_FLOOR, figures["top_confusions"]
    if figures["intent_accuracy"] < INTENT_TARGET:
        print(f"intent accuracy {figures['intent_accuracy']} is below the {INTENT_TARGET} target")
