"""Held-out NLU set (not used for training): intent accuracy >= 95% and
country entity F1 >= 98%. Figures are recorded in BENCHMARKS.md."""
from pathlib import Path

import pytest

from bench.nlu_eval import evaluate

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "assistant.tar.gz"


@pytest.mark.model
def test_heldout_targets():
    assert MODEL.exists(), "train first: make train"
    figures = evaluate(MODEL, ROOT / "tests" / "nlu" / "heldout.yml")
    print(figures)
    assert figures["examples"] >= 300
    assert figures["country_mentions"] >= 120
    assert figures["intent_accuracy"] >= 0.95, figures["top_confusions"]
    assert figures["country_f1"] >= 0.98, figures
