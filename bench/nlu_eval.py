"""Held-out NLU evaluation: intent accuracy and country entity F1 on
tests/nlu/heldout.yml (never used for training); see evaluation/nlu.py.
Usage: python bench/nlu_eval.py [MODEL] [HELDOUT]
Prints the figures and every misclassified example (gold -> predicted intent,
or gold -> predicted country spans)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT as ROOT
from evaluation.nlu import evaluate

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


if __name__ == "__main__":
    model = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "models" / "assistant.tar.gz"
    heldout = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests" / "nlu" / "heldout.yml"
    print(json.dumps(evaluate(model, heldout), indent=2))
